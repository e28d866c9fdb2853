/** What BlockedUsersList shows and says. */
export interface BlockedUsersListLabels {
  /** The list's accessible name. */
  list: string
  empty: string
  /** Said while the list loads. */
  loading: string
  /** Instead of the list while nobody is signed in. */
  signedOut: string
  loadFailed: string
  retry: string
  /** Each row's button text. */
  unblock: string
  /** Each row's button, as said: its text and whom it unblocks. */
  unblockUser: (name: string) => string
  /** Shown (role="alert") after a refused unblock has been rolled back. */
  unblockFailed: (name: string) => string
  /** The button below the rows while the server has more. */
  loadMore: string
  /** Shown (role="alert") when the next page failed; the rows already shown stay, and the button retries. */
  loadMoreFailed: string
}

export const blockedUsersListLabels: BlockedUsersListLabels = {
  list: 'Blocked users',
  empty: "You haven't blocked anyone",
  loading: 'Loading blocked users…',
  signedOut: 'Sign in to see whom you blocked.',
  loadFailed: 'Could not load the users you blocked.',
  retry: 'Try again',
  unblock: 'Unblock',
  unblockUser: (name) => `Unblock ${name}`,
  unblockFailed: (name) => `Could not unblock ${name}. Please try again.`,
  loadMore: 'Show more',
  loadMoreFailed: 'Could not load more blocked users.',
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    blockedUsersList: BlockedUsersListLabels
  }
}
