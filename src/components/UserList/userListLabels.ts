import { userFilterLabels, type UserFilterLabels } from '../shared/userFilterLabels.js'

/** What UserList shows and says to screen readers. */
export interface UserListLabels extends UserFilterLabels {
  /** The filters group's name. */
  filters: string
  /** A row's badge for a user the viewer has blocked. */
  blocked: string
  /** The listbox's accessible name. */
  list: string
  /** Shown below the rows while the next page loads (the listbox is `aria-busy` then). */
  loadingMore: string
  loadError: string
  loadMoreError: string
}

export const userListLabels: UserListLabels = {
  ...userFilterLabels,
  filters: 'Filters',
  blocked: 'Blocked',
  list: 'Users',
  loadingMore: 'Loading more users…',
  loadError: 'The users could not be loaded.',
  loadMoreError: 'More users could not be loaded.',
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    userList: UserListLabels
  }
}
