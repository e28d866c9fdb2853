import { editorLabels, type EditorLabels } from '../editor/editorLabels.js'

/** What UserEditor says: the shared editor strings, and its own. */
export interface UserEditorLabels extends EditorLabels {
  title: (name: string) => string
  loadingTitle: string
  loadError: string
  notFound: string
  /** Instead of the editor while nobody is signed in. */
  signedOut: string
  roleSelfHint: string
  readOnlyNotice: string
  deactivate: string
  reactivate: string
  deactivateQuestion: (name: string) => string
  reactivateQuestion: (name: string) => string
  cancel: string
  deactivatedNotice: (name: string) => string
  deactivated: (name: string) => string
  reactivated: (name: string) => string
  /** Who is being edited, under the title. */
  uid: string
  created: string
  updated: string
  deletePermanently: string
  deleteQuestion: (name: string) => string
  deleted: (name: string) => string
  deleteFailed: (message: string) => string
}

export const userEditorLabels: UserEditorLabels = {
  ...editorLabels,
  conflictTitle: 'Someone else changed this user while you were editing',
  title: (name) => `Edit ${name}`,
  loadingTitle: 'Edit user',
  saved: 'User saved.',
  loadError: 'Could not load this user.',
  notFound: 'There is no such user.',
  signedOut: 'Sign in to edit users.',
  roleSelfHint: 'Nobody can change their own role.',
  readOnlyNotice: 'You can see this user but not change them.',
  forbidden: 'You are not allowed to manage users: the server refused. The form is read-only.',
  deactivate: 'Deactivate user',
  reactivate: 'Reactivate user',
  deactivateQuestion: (name) => `Deactivate ${name}? They disappear from lists and cannot log in until reactivated.`,
  reactivateQuestion: (name) => `Reactivate ${name}? They can log in and appear in lists again.`,
  cancel: 'Cancel',
  deactivatedNotice: (name) => `${name} is deactivated: reactivate them to make changes.`,
  deactivated: (name) => `${name} was deactivated.`,
  reactivated: (name) => `${name} was reactivated.`,
  uid: 'User ID',
  created: 'Created',
  updated: 'Last changed',
  deletePermanently: 'Delete permanently',
  deleteQuestion: (name) => `Delete ${name} permanently? Their profile, sign-ins and blocks are erased; this cannot be undone.`,
  deleted: (name) => `${name} was deleted.`,
  deleteFailed: (message) => `Could not delete: ${message}`,
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    userEditor: UserEditorLabels
  }
}
