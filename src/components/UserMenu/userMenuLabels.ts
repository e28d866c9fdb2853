import type { RuleCode, UserkitError } from '../../model/index.js'
import { englishFieldError } from '../form/fieldErrorText.js'

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
  /** The status message refused, by the rule it broke (`tooLong`, `invisible`…): one sentence. */
  fieldError: (field: 'statusMessage', rule: RuleCode) => string
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
      : error.code === 'ERR_TOO_MANY_REQUESTS'
        ? 'Too many requests: wait a moment and try again.'
        : 'Your status message was not saved. Try again.',
  fieldError: englishFieldError,
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    userMenu: UserMenuLabels
  }
}
