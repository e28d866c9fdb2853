import type { UserkitError } from '../../model/index.js'

/** What UserMenu shows and says. */
export interface UserMenuLabels {
  /** The avatar button's accessible name. */
  trigger: (name: string, online: boolean) => string
  editProfile: string
  setStatus: string
  logout: string
  statusMessage: string
  /** In the header when the user has none. */
  noStatusMessage: string
  /** The status form's accessible name. */
  statusForm: string
  save: string
  saving: string
  cancel: string
  statusSaved: string
  statusCleared: string
  statusFailed: (error: UserkitError) => string
  /** A validation message of the model's schema (English): translate it here. */
  fieldError: (message: string) => string
}

export const userMenuLabels: UserMenuLabels = {
  trigger: (name, online) => `Account menu for ${name} (${online ? 'online' : 'offline'})`,
  editProfile: 'Edit profile',
  setStatus: 'Set status message',
  logout: 'Log out',
  statusMessage: 'Status message',
  noStatusMessage: 'No status message',
  statusForm: 'Set status message',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  statusSaved: 'Status message saved',
  statusCleared: 'Status message cleared',
  statusFailed: (error) =>
    error.code === 'ERR_NETWORK'
      ? 'Could not reach the server: your status message was not saved. Try again.'
      : `Your status message was not saved: ${error.message}`,
  fieldError: (message) => message,
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    userMenu: UserMenuLabels
  }
}
