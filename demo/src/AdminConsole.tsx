import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { CreateUserForm, ImportUsers, UserEditor, UserList, useCurrentUser, useLeaveGuard, useLogout, useUserkit } from 'userkit'
import { DEMO_ADMIN, DEMO_ROLES } from './demoAdmin.js'
import type { DemoText } from './i18n/demoText.js'
import { AdminUsersTable } from './AdminUsersTable.js'
import { SignInPanel } from './SignInPanel.js'
import { useUrlParam } from './useUrlParam.js'
import { useDemoSignIn } from './useDemoSignIn.js'

/** Where the list and the editor stop sitting side by side (demo.css says the same). */
const NARROW = '(max-width: 720px)'

/** An admin's screen: find users, edit or (de/re)activate one, change roles, create new ones. */
export function AdminConsole({ text }: { text: DemoText }): ReactNode {
  const me = useCurrentUser((state) => state.user)
  const logout = useLogout()
  const signIn = useDemoSignIn()
  const [selected, setSelected] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  // Said once a user is created: the form is gone, so focus lands on this instead of <body>.
  const [created, setCreated] = useState<string | null>(null)
  const focusOnMount = useCallback((node: HTMLElement | null) => node?.focus(), [])
  const [includeDeactivated, setIncludeDeactivated] = useState(false)
  const { client } = useUserkit()
  // Another user, "New user" or signing out would take the editor away: it asks first if unsaved.
  const guard = useLeaveGuard()
  const leaveThen = (then: () => void) => async (): Promise<void> => {
    if (await guard.confirmLeave()) then()
  }
  // Below 720 px the list and the editor take turns (demo.css): the editor opens as a full-screen
  // panel, its Back button focused, and Back returns focus to the list.
  const listRef = useRef<HTMLElement>(null)
  const panelOpen = creating || selected !== null
  // The table takes the width: the editor opens in its place, with Back, as on a phone.
  const [viewParam, setView] = useUrlParam('view')
  const layout = viewParam === 'list' ? 'list' : 'table'
  const focusBack = useCallback(
    (node: HTMLElement | null) => {
      if (node && (layout === 'table' || window.matchMedia(NARROW).matches)) node.focus()
    },
    [layout],
  )
  const backToList = useRef(false)
  const back = leaveThen(() => {
    setSelected(null)
    setCreating(false)
    setCreated(null)
    backToList.current = true
  })
  useEffect(() => {
    if (panelOpen || !backToList.current) return
    backToList.current = false
    // The list was hidden, so nothing there had focus: give it to the listbox or the grid's cell in
    // the tab order (or the search box).
    const list = listRef.current
    ;(
      list?.querySelector<HTMLElement>('[role="listbox"], [role="grid"] [tabindex="0"]') ?? list?.querySelector<HTMLElement>('input[type="search"]')
    )?.focus()
  }, [panelOpen])
  // Erasing needs the fullAccess key, which only the demo's server holds: it checks who asks.
  const deleteForGood = async (uid: string): Promise<void> => {
    const response = await fetch(`/demo/users/${encodeURIComponent(uid)}`, { method: 'DELETE', headers: { authtoken: client.authToken ?? '' } })
    if (!response.ok) throw new Error(((await response.json()) as { error?: { message?: string } }).error?.message ?? response.statusText)
  }

  if (!me) {
    return (
      <SignInPanel title={text.admin} intro={text.adminIntro} text={text} signIn={signIn}>
        <button type="button" className="demo-button primary" disabled={signIn.pending} onClick={() => void signIn.signIn(DEMO_ADMIN.uid)}>
          {signIn.pending ? text.signingIn : text.signInAsAdmin(DEMO_ADMIN.name)}
        </button>
      </SignInPanel>
    )
  }

  return (
    <div className="demo-admin" data-view={panelOpen ? 'detail' : 'list'} data-layout={layout}>
      <div className="demo-toolbar">
        <span ref={signIn.landing} tabIndex={-1}>
          {text.signedInAs(me.name)}
        </span>
        <label className="demo-check">
          <input type="checkbox" checked={includeDeactivated} onChange={(event) => setIncludeDeactivated(event.target.checked)} />
          {text.includeDeactivated}
        </label>
        <div role="group" aria-label={text.usersView} className="demo-segmented">
          {(['table', 'list'] as const).map((option) => (
            <button key={option} type="button" aria-pressed={layout === option} onClick={() => setView(option === 'table' ? null : option)}>
              {option === 'table' ? text.tableView : text.listView}
            </button>
          ))}
        </div>
        <button type="button" className="demo-button primary" aria-expanded={creating} onClick={leaveThen(() => setCreating(!creating))}>
          {creating ? text.closeNewUser : text.newUser}
        </button>
        <button type="button" className="demo-button" onClick={leaveThen(() => logout.mutate())}>
          {text.signOut}
        </button>
      </div>
      <div className="demo-columns">
        <section className="demo-list" aria-label={text.admin} ref={listRef}>
          {layout === 'table' ? (
            <>
              <AdminUsersTable
                roles={DEMO_ROLES}
                withDeactivated={includeDeactivated}
                onOpenUser={(user) =>
                  void leaveThen(() => {
                    setSelected(user.uid)
                    setCreating(false)
                    setCreated(null)
                  })()
                }
              />
              <details className="demo-import">
                <summary>{text.importUsers}</summary>
                <ImportUsers />
              </details>
            </>
          ) : (
            <UserList
              roles={DEMO_ROLES}
              value={selected ? [selected] : []}
              onValueChange={(uids) =>
                void leaveThen(() => {
                  setSelected(uids[0] ?? null)
                  setCreating(false)
                  setCreated(null)
                })()
              }
              onSelect={() => setCreating(false)}
              {...(includeDeactivated ? { query: { withDeactivated: true } } : {})}
            />
          )}
        </section>
        <section className="demo-detail">
          {panelOpen ? (
            <button type="button" className="demo-button demo-back" ref={focusBack} key={selected ?? 'new'} onClick={back}>
              ← {text.backToUsers}
            </button>
          ) : null}
          {creating ? (
            <CreateUserForm
              roles={DEMO_ROLES}
              onCreated={(user) => {
                setSelected(user.uid)
                setCreating(false)
                setCreated(text.userCreated(user.name, user.uid))
              }}
            />
          ) : selected ? (
            <>
              {created ? (
                <p key={created} className="demo-notice" role="status" tabIndex={-1} ref={focusOnMount}>
                  {created}
                </p>
              ) : null}
              <UserEditor key={selected} uid={selected} roles={DEMO_ROLES} onDelete={deleteForGood} leaveGuard={guard} />
            </>
          ) : (
            <p className="demo-empty">{text.pickUser}</p>
          )}
        </section>
      </div>
    </div>
  )
}
