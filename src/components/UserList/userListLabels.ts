import { userFilterLabels, type UserFilterLabels } from '../shared/userFilterLabels.js'

/** What UserList shows and says to screen readers. */
export interface UserListLabels extends UserFilterLabels {
  /** The filters group's name. */
  filters: string
  /** A row's badge for a user the viewer has blocked. */
  blocked: string
  /** The label of the select that says how the tags match. */
  tagsMatch: string
  tagsMatchAny: string
  tagsMatchAll: string
  /** The chips of the filters in force. */
  activeFilters: string
  /** A chip's text; `value` is already as shown (`roleName(role)`, `online`/`offline`'s label, the tag). */
  filterChip: (kind: 'role' | 'status' | 'tag', value: string) => string
  /** A chip's remove button, named with its text. */
  removeFilter: (chip: string) => string
  clearFilters: string
  /** The accessible name of Clear all. */
  clearFiltersLabel: string
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
  tagsMatch: 'Match',
  tagsMatchAny: 'Any of these tags',
  tagsMatchAll: 'All of these tags',
  activeFilters: 'Active filters',
  filterChip: (kind, value) => (kind === 'role' ? `Role: ${value}` : kind === 'status' ? `Status: ${value}` : `Tag: ${value}`),
  removeFilter: (chip) => `Remove filter ${chip}`,
  clearFilters: 'Clear all',
  clearFiltersLabel: 'Clear all filters',
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
