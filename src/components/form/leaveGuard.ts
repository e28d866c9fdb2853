/**
 * A handle an app holds to ask an editor, before it goes away, whether its unsaved changes may go:
 * the app passes it to `<UserEditor leaveGuard>` (or ProfileEditor) and awaits `confirmLeave()`
 * before selecting another user, opening another form or signing out. React-free: a router's
 * blocker can call it too.
 */
export interface LeaveGuard {
  /**
   * Resolves `true` at once when no editor holds unsaved changes; otherwise the editor asks its
   * inline "discard your changes?" and this resolves with the answer (the changes gone on yes).
   */
  confirmLeave(): Promise<boolean>
  /** Called by an editor while it is shown; returns its detach. */
  attach(confirm: () => Promise<boolean>): () => void
}

export function createLeaveGuard(): LeaveGuard {
  let attached: (() => Promise<boolean>) | undefined
  return {
    confirmLeave: () => attached?.() ?? Promise.resolve(true),
    attach(confirm) {
      attached = confirm
      return () => {
        if (attached === confirm) attached = undefined
      }
    },
  }
}
