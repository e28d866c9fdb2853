import { useId, useRef, useState, type ReactNode } from 'react'
import * as v from 'valibot'
import { BlockButton, BlockedUsersList, ProfileEditor, UserCard, UserList, UserMenu, useCurrentUser } from 'userkit'
import { DEMO_ROLES } from './demoAdmin.js'
import type { DemoText } from './i18n/demoText.js'
import { SignInPanel } from './SignInPanel.js'
import { useDemoSignIn } from './useDemoSignIn.js'

// With the browser's checks off, the editor sends any draft and the server's 400 shows beside each field.
const serverChecksOnly = v.any()

/** One person's screen: their profile, their menu, and the people they can block or unblock. */
export function MyProfile({ text }: { text: DemoText }): ReactNode {
  const me = useCurrentUser((state) => state.user)
  const signIn = useDemoSignIn()
  const uidField = useId()
  const editorRef = useRef<HTMLDivElement>(null)
  const [uid, setUid] = useState('')
  const [browserChecks, setBrowserChecks] = useState(true)
  const [person, setPerson] = useState<string | null>(null)

  if (!me) {
    return (
      <SignInPanel title={text.profile} intro={text.profileIntro} text={text} signIn={signIn}>
        <form
          className="demo-signin-form"
          onSubmit={(event) => {
            event.preventDefault()
            if (uid.trim()) void signIn.signIn(uid.trim())
          }}
        >
          <label htmlFor={uidField}>{text.signInUid}</label>
          <input id={uidField} value={uid} onChange={(event) => setUid(event.target.value)} autoComplete="off" spellCheck={false} />
          <button type="submit" className="demo-button primary" disabled={signIn.pending}>
            {signIn.pending ? text.signingIn : text.signIn}
          </button>
        </form>
      </SignInPanel>
    )
  }

  return (
    <div className="demo-profile">
      <div className="demo-toolbar">
        <span ref={signIn.landing} tabIndex={-1}>
          {text.signedInAs(me.name)}
        </span>
        <label className="demo-check" title={text.browserChecksHint}>
          <input type="checkbox" checked={browserChecks} onChange={(event) => setBrowserChecks(event.target.checked)} />
          {text.browserChecks}
        </label>
        <UserMenu onEditProfile={() => editorRef.current?.querySelector('input')?.focus()} />
      </div>
      <div className="demo-columns">
        <div ref={editorRef} className="demo-detail">
          <ProfileEditor key={String(browserChecks)} {...(browserChecks ? {} : { schema: serverChecksOnly })} />
        </div>
        <section className="demo-people" aria-labelledby="people-title">
          <h2 id="people-title">{text.people}</h2>
          <UserList roles={DEMO_ROLES} value={person ? [person] : []} onValueChange={(uids) => setPerson(uids[0] ?? null)} />
          {person ? (
            <UserCard key={person} uid={person} actions={<BlockButton uid={person} />} />
          ) : (
            <p className="demo-empty">{text.pickPerson}</p>
          )}
          <h3>{text.blocked}</h3>
          <BlockedUsersList />
        </section>
      </div>
    </div>
  )
}
