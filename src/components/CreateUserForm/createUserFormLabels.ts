import type { RuleCode, User, UserkitError } from '../../model/index.js'
import { englishFieldError } from '../form/fieldErrorText.js'
import type { FormLabels } from '../form/formTypes.js'

/** What CreateUserForm shows and says. */
export interface CreateUserFormLabels {
  /** The form's accessible name. */
  form: string
  /** Instead of the form while nobody is signed in. */
  signedOut: string
  uid: string
  /** The rules under the uid field, always shown. */
  uidHint: (maxLength: number) => string
  checking: string
  available: (uid: string) => string
  taken: (uid: string) => string
  /** The server would not say (e.g. an `authOnly` key may not read users). */
  availabilityUnknown: string
  /** Beside the uid when the server refused it as taken. */
  uidTaken: string
  name: string
  avatar: string
  avatarPreview: string
  link: string
  role: string
  /** A role's name in the select. */
  roleName: (role: string) => string
  tags: string
  /** Under the tag box: how tags are added and removed. */
  tagsHint: string
  removeTag: (tag: string) => string
  metadata: string
  metadataKey: (row: number) => string
  /** `key` as typed so far; the default names the row by number only. */
  metadataValue: (key: string, row: number) => string
  addMetadata: string
  removeMetadata: (key: string, row: number) => string
  duplicateMetadataKey: (key: string) => string
  emptyMetadataKey: string
  optional: string
  submit: string
  submitting: string
  created: (user: User) => string
  /** The summary for a failure not tied to one field. */
  submitFailed: (error: UserkitError) => string
  /** Beside a refused field, by the rule it broke (`url`, `required`, `tooLong`…): one sentence. */
  fieldError: (field: string, rule: RuleCode) => string
}

export const createUserFormLabels: CreateUserFormLabels = {
  form: 'Create user',
  signedOut: 'Sign in to create users.',
  uid: 'User ID',
  uidHint: (max) => `1–${max} letters, digits, _ or -. Not case-sensitive, and it cannot be changed later.`,
  checking: 'Checking…',
  available: (uid) => `${uid} is available`,
  taken: (uid) => `${uid} is taken`,
  availabilityUnknown: 'Could not check whether this ID is free',
  uidTaken: 'A user with this ID already exists',
  name: 'Name',
  avatar: 'Avatar URL',
  avatarPreview: 'Avatar preview',
  link: 'Profile link',
  role: 'Role',
  roleName: (role) => role,
  tags: 'Tags',
  tagsHint: 'Press Enter or comma to add a tag; Backspace in the empty box removes the last one.',
  removeTag: (tag) => `Remove tag ${tag}`,
  metadata: 'Metadata',
  metadataKey: (row) => `Key ${row}`,
  metadataValue: (_key, row) => `Value ${row}`,
  addMetadata: 'Add entry',
  removeMetadata: (key, row) => `Remove entry ${key || row}`,
  duplicateMetadataKey: (key) => `The key ${key} is used twice`,
  emptyMetadataKey: 'Every entry needs a key',
  optional: '(optional)',
  submit: 'Create user',
  submitting: 'Creating…',
  created: (user) => `Created ${user.name} (${user.uid})`,
  submitFailed: (error) => {
    switch (error.code) {
      case 'ERR_NETWORK':
        return 'Could not reach the server. Your entries are kept: try again.'
      case 'AUTH_ERR_NO_ACCESS':
        return 'You are not allowed to create users.'
      case 'ERR_ROLE_NOT_FOUND':
        return 'That role does not exist on the server.'
      case 'ERR_TOO_MANY_REQUESTS':
        return 'Too many requests: wait a moment and try again.'
      case 'ERR_SERVICE_UNAVAILABLE':
        return 'The server is unavailable. Your entries are kept: try again.'
      default:
        return 'The user was not created. Your entries are kept: try again.'
    }
  },
  fieldError: englishFieldError,
}

/** The machine's words in this form's labels; a new user is never edited, discarded or in conflict. */
export function formLabels(labels: CreateUserFormLabels): FormLabels {
  return {
    fieldError: labels.fieldError,
    keyRequired: labels.emptyMetadataKey,
    duplicateKey: labels.duplicateMetadataKey,
    uidTaken: labels.uidTaken,
    submitFailed: labels.submitFailed,
    saveFailed: labels.submitFailed,
    fixErrors: '',
    nothingToSave: '',
    saved: '',
    discarded: '',
    conflictMerged: '',
    conflictResolved: '',
    networkError: '',
  }
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    createUserForm: CreateUserFormLabels
  }
}
