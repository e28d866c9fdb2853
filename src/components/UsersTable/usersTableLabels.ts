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
  /** The bulk actions' group name. */
  bulkActions: string
  deactivate: string
  reactivate: string
  newRole: string
  applyRole: string
  tag: string
  addTag: string
  removeTag: string
  exportCsv: string
  exportJsonl: string
  deletePermanently: string
  /** Asked before erasing: how many, and that it cannot be undone. */
  deleteQuestion: (count: number) => string
  /** The word to type to confirm erasing. */
  deleteWord: string
  deleteConfirmLabel: (word: string) => string
  cancel: string
  working: string
  /** A large action, run by the server as a job: how many users it has been through so far. */
  bulkProgress: (processed: number, total: number) => string
  /** Failures past those listed one by one. */
  moreFailures: (count: number) => string
  /** A job that stopped part way (the server or the network went away): what it had done stays done. */
  bulkStopped: (processed: number, total: number) => string
  /** After an action: how many it changed, and how many it could not. */
  bulkDone: (succeeded: number, failed: number) => string
  /** One user the action could not change, and why (by code). */
  bulkFailure: (uid: string, code: string) => string
  /** The action as a whole was refused (too many users, the filter's users changed, not allowed…). */
  bulkRefused: (code: string) => string
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
  bulkActions: 'With the selected users',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  newRole: 'New role',
  applyRole: 'Change role',
  tag: 'Tag',
  addTag: 'Add tag',
  removeTag: 'Remove tag',
  exportCsv: 'Export CSV',
  exportJsonl: 'Export JSON Lines',
  deletePermanently: 'Delete permanently',
  deleteQuestion: (count) => `Delete ${count === 1 ? '1 user' : `${count} users`} permanently? Their data is erased and this cannot be undone.`,
  deleteWord: 'DELETE',
  deleteConfirmLabel: (word) => `Type ${word} to confirm`,
  cancel: 'Cancel',
  working: 'Working…',
  bulkProgress: (processed, total) => `${processed.toLocaleString('en')} of ${total.toLocaleString('en')} users done…`,
  moreFailures: (count) => `…and ${count === 1 ? '1 more' : `${count} more`}.`,
  bulkStopped: (processed, total) =>
    `The action stopped after ${processed.toLocaleString('en')} of ${total.toLocaleString('en')} users, or could no longer be followed: what it did stays done. Look at the table, then run it again to finish.`,
  bulkDone: (succeeded, failed) =>
    `${succeeded === 1 ? '1 user' : `${succeeded} users`} changed${failed > 0 ? `; ${failed === 1 ? '1 user' : `${failed} users`} could not be` : ''}.`,
  bulkFailure: (uid, code) =>
    `${uid}: ${code === 'ERR_UID_NOT_FOUND' ? 'no longer exists' : code === 'AUTH_ERR_NO_ACCESS' ? 'you may not change this user (your own role or account, say)' : code === 'ERR_ROLE_NOT_FOUND' ? 'that role does not exist' : 'could not be changed'}`,
  bulkRefused: (code) =>
    code === 'ERR_TOO_MANY_USERS'
      ? 'Too many users for one action: narrow the filter and try again.'
      : code === 'ERR_CONFLICT'
        ? 'The users matching the filter changed meanwhile: look at the table again, then retry.'
        : code === 'AUTH_ERR_NO_ACCESS'
          ? 'You are not allowed to do this.'
          : code === 'ERR_ROLE_NOT_FOUND'
            ? 'That role does not exist on the server.'
            : code === 'ERR_NETWORK'
              ? 'Could not reach the server: nothing was changed. Try again.'
              : 'The action failed. Try again.',
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    usersTable: UsersTableLabels
  }
}
