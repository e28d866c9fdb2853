import { useState } from 'react'
import { useLogin } from 'userkit'
import { demoToken } from './sessions.js'

export interface DemoSignIn {
  signIn(uid: string): Promise<void>
  pending: boolean
  /** Why the last sign-in failed, or `null`. */
  error: string | null
}

/** The demo-only sign-in: a token from the demo's server, then `useLogin` as an app would. */
export function useDemoSignIn(): DemoSignIn {
  const login = useLogin()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return {
    pending,
    error,
    async signIn(uid) {
      setPending(true)
      setError(null)
      try {
        await login.mutateAsync(await demoToken(uid))
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught))
      } finally {
        setPending(false)
      }
    },
  }
}
