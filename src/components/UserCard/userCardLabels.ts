import type { UserkitErrorCode } from '../../model/index.js'

/** What UserCard shows and says. */
export interface UserCardLabels {
  /** A role as shown; `null` hides it (the default role says nothing). */
  role: (role: string) => string | null
  /** The accessible name of the list of tags. */
  tags: string
  /** The link's text, from its URL. */
  linkText: (url: URL) => string
  /** Said after the link's text, for the tab it opens. */
  opensInNewTab: string
  blockedByMe: string
  hasBlockedMe: string
  /** Said while the user loads (the skeleton is silent). */
  loading: string
  /** Instead of the card while nobody is signed in. */
  signedOut: string
  loadFailed: (code: UserkitErrorCode) => string
  retry: string
}

export const userCardLabels: UserCardLabels = {
  role: (role) => (role === 'default' ? null : role),
  tags: 'Tags',
  linkText: (url) => `${url.host}${url.pathname === '/' ? '' : url.pathname}`,
  opensInNewTab: '(opens in a new tab)',
  blockedByMe: 'You blocked this user',
  hasBlockedMe: 'This user has blocked you',
  loading: 'Loading user…',
  signedOut: 'Sign in to see this user.',
  loadFailed: (code) =>
    code === 'ERR_UID_NOT_FOUND' ? 'This user does not exist or has been deactivated.' : 'Could not load this user.',
  retry: 'Try again',
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    userCard: UserCardLabels
  }
}
