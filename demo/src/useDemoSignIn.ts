import { useRef, useState } from 'react'
import { useLogin } from 'userkit'
import { demoToken } from './sessions.js'

export interface DemoSignIn {
  signIn(uid: string): Promise<void>
  pending: boolean
  /** Why the last sign-in failed, or `null`. */
  error: string | null
  /**
   * A ref for what the signed-in screen starts with: it takes the focus after a sign-in here, which
   * would otherwise fall to <body> with the sign-in form gone.
   */
  landing: (node: HTMLElement | null) => void
}

/** The demo-only sign-in: a token from the demo's server, then `useLogin` as an app would. */
export function useDemoSignIn(): DemoSignIn {
  const login = useLogin()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const justSignedIn = useRef(false)
  return {
    pending,
    error,
    landing: (node) => {
      if (!node || !justSignedIn.current) return
      justSignedIn.current = false
      node.focus()
    },
    async signIn(uid) {
      setPending(true)
      setError(null)
      try {
        await login.mutateAsync(await demoToken(uid))
        justSignedIn.current = true
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught))
      } finally {
        setPending(false)
      }
    },
  }
}
