import { userFilterLabels, type UserFilterLabels } from '../shared/userFilterLabels.js'

/** The columns UsersTable knows; an app adds its own by id. */
export type UsersTableColumnId = 'user' | 'uid' | 'role' | 'presence' | 'statusMessage' | 'tags' | 'createdAt' | 'updatedAt'

/** What UsersTable shows and says; the search, filters, count and states as every list of users says them. */
export interface UsersTableLabels extends UserFilterLabels {
  /** The grid's accessible name. */
  table: string
  columnHeader: Record<UsersTableColumnId, string>
  columns: string
  density: string
  comfortable: string
  compact: string
  selectRow: (name: string) => string
  selectPage: string
  /** How many are selected: a number, or every user that matches. */
  selected: (count: number, allMatching: boolean) => string
  selectMatching: (total: string) => string
  clearSelection: string
  previousPage: string
  nextPage: string
  page: (page: number, pages: number) => string
  perPage: string
  loadError: string
}

export const usersTableLabels: UsersTableLabels = {
  ...userFilterLabels,
  table: 'Users',
  columnHeader: {
    user: 'User',
    uid: 'User ID',
    role: 'Role',
    presence: 'Last active',
    statusMessage: 'Status message',
    tags: 'Tags',
    createdAt: 'Created',
    updatedAt: 'Updated',
  },
  columns: 'Columns',
  density: 'Density',
  comfortable: 'Comfortable',
  compact: 'Compact',
  selectRow: (name) => `Select ${name}`,
  selectPage: 'Select every user on this page',
  selected: (count, allMatching) => (allMatching ? `All ${count} matching users selected` : count === 1 ? '1 user selected' : `${count} users selected`),
  selectMatching: (total) => `Select all ${total} matching users`,
  clearSelection: 'Clear selection',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  page: (page, pages) => `Page ${page} of ${pages}`,
  perPage: 'Rows per page',
  loadError: 'The users could not be loaded.',
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    usersTable: UsersTableLabels
  }
}
