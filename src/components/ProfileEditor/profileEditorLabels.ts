import { editorLabels, type EditorLabels } from '../editor/editorLabels.js'

/** What ProfileEditor says: the shared editor strings, and its own. */
export interface ProfileEditorLabels extends EditorLabels {
  title: string
  roleHint: string
  signedOut: string
  loadError: string
}

export const profileEditorLabels: ProfileEditorLabels = {
  ...editorLabels,
  title: 'Your profile',
  saved: 'Profile saved.',
  roleHint: 'Only an admin can change your role.',
  signedOut: 'Log in to edit your profile.',
  loadError: 'Could not load your profile.',
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    profileEditor: ProfileEditorLabels
  }
}
