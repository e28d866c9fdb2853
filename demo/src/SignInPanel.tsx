import { useId, type ReactNode } from 'react'
import type { DemoText } from './i18n/demoText.js'
import type { DemoSignIn } from './useDemoSignIn.js'

interface SignInPanelProps {
  title: string
  intro: string
  text: DemoText
  signIn: DemoSignIn
  /** How this side signs in (a button, a uid form). */
  children: ReactNode
}

/** Either side's signed-out screen: what it is, that the sign-in is demo-only, and why it failed. */
export function SignInPanel({ title, intro, text, signIn, children }: SignInPanelProps): ReactNode {
  const titleId = useId()
  return (
    <section className="demo-signin" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <p>{intro}</p>
      <p className="demo-note" role="note">
        {text.demoOnly}
      </p>
      {children}
      {signIn.error ? <p role="alert">{text.signInFailed(signIn.error)}</p> : null}
    </section>
  )
}
