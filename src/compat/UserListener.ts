import type { User } from './User.js'

/** The callbacks `new CometChat.UserListener({ … })` takes; each is optional. */
export interface UserListenerCallbacks {
  /** A user came online (logged in, or was heard from again after going silent). */
  onUserOnline?: (onlineUser: User) => void
  /** A user went offline (logged out, or stayed silent past the presence timeout). */
  onUserOffline?: (offlineUser: User) => void
}

/**
 * `CometChat.UserListener`, as CometChat's SDK has it: the callbacks given are copied onto the
 * listener, which `CometChat.addUserListener(id, listener)` then registers.
 *
 * @example
 * CometChat.addUserListener('presence', new CometChat.UserListener({
 *   onUserOnline: (onlineUser) => console.log(onlineUser.getUid(), 'online'),
 *   onUserOffline: (offlineUser) => console.log(offlineUser.getUid(), 'offline'),
 * }))
 */
export class UserListener {
  onUserOnline?: (onlineUser: User) => void
  onUserOffline?: (offlineUser: User) => void

  constructor(callbacks: UserListenerCallbacks = {}) {
    // Own properties only when given, as the SDK sets them: a missing callback is simply not called.
    if (callbacks.onUserOnline) this.onUserOnline = callbacks.onUserOnline
    if (callbacks.onUserOffline) this.onUserOffline = callbacks.onUserOffline
  }
}
