import type { RuleCode, UserkitError } from '../../model/index.js'
import { englishFieldError } from '../form/fieldErrorText.js'
import type { EditorField } from './draft.js'

/** The strings ProfileEditor and UserEditor share: fields, tags, metadata, saving, conflicts, leaving. */
export interface EditorLabels {
  fieldLabel: Record<EditorField, string>
  required: string
  avatarPreview: (name: string) => string
  tagsHint: string
  removeTag: (tag: string) => string
  /** Said when a tag is added or removed (a live region). */
  tagAdded: (tag: string) => string
  tagRemoved: (tag: string) => string
  sharedMetadata: string
  sharedMetadataHint: string
  privateMetadata: string
  privateMetadataHint: string
  /** The marker on each private row. */
  privateBadge: string
  metadataEmpty: string
  metadataKey: (position: number, isPrivate: boolean) => string
  metadataValue: (key: string, position: number, isPrivate: boolean) => string
  removeMetadata: (key: string, position: number, isPrivate: boolean) => string
  addMetadata: string
  addPrivateMetadata: string
  keyRequired: string
  duplicateKey: (key: string) => string
  reservedKey: (key: string) => string
  /** A message from the model's schema or the server, shown beside its field; English unless replaced. */
  /** Beside a refused field, by the rule it broke (`url`, `required`, `tooLong`…): one sentence. */
  fieldError: (field: string, rule: RuleCode) => string
  save: string
  saving: string
  saved: string
  nothingToSave: string
  reset: string
  discardQuestion: string
  discardConfirm: string
  discardCancel: string
  discarded: string
  fixErrors: string
  networkError: string
  forbidden: string
  /** A refusal not tied to a field, by its code. */
  saveFailed: (error: UserkitError) => string
  loading: string
  retry: string
  conflictTitle: string
  conflictHint: string
  yours: string
  theirs: string
  emptyValue: string
  choiceLegend: (field: string) => string
  keepAllMine: string
  takeAllTheirs: string
  applyChoices: string
  conflictResolved: string
  conflictMerged: string
}

export const editorLabels: EditorLabels = {
  fieldLabel: {
    name: 'Name',
    avatar: 'Avatar URL',
    link: 'Profile link',
    statusMessage: 'Status message',
    tags: 'Tags',
    metadata: 'Metadata',
    role: 'Role',
  },
  required: '(required)',
  avatarPreview: (name) => `Avatar preview for ${name}`,
  tagsHint: 'Press Enter or comma to add a tag; Backspace in the empty box removes the last one.',
  removeTag: (tag) => `Remove tag ${tag}`,
  tagAdded: (tag) => `Tag ${tag} added`,
  tagRemoved: (tag) => `Tag ${tag} removed`,
  sharedMetadata: 'Metadata',
  sharedMetadataHint: 'Anyone who can see this user can see these.',
  privateMetadata: 'Private metadata',
  privateMetadataHint: 'Only this user and the app’s server can see these.',
  privateBadge: 'Private',
  metadataEmpty: 'None yet.',
  metadataKey: (position, isPrivate) => `${isPrivate ? 'Private key' : 'Key'} ${position}`,
  metadataValue: (key, position, isPrivate) =>
    key ? `${isPrivate ? 'Private value' : 'Value'} of ${key}` : `${isPrivate ? 'Private value' : 'Value'} ${position}`,
  removeMetadata: (key, position, isPrivate) => `Remove ${isPrivate ? 'private ' : ''}${key ? `“${key}”` : `row ${position}`}`,
  addMetadata: 'Add a field',
  addPrivateMetadata: 'Add a private field',
  keyRequired: 'Give this value a key.',
  duplicateKey: (key) => `The key “${key}” is used twice.`,
  reservedKey: (key) => `“${key}” is reserved: add private fields below.`,
  fieldError: englishFieldError,
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  nothingToSave: 'Nothing has changed.',
  reset: 'Discard changes',
  discardQuestion: 'Discard your unsaved changes?',
  discardConfirm: 'Discard',
  discardCancel: 'Keep editing',
  discarded: 'Changes discarded.',
  fixErrors: 'Some fields need fixing.',
  networkError: 'Could not reach the server. Your changes are still here; try again.',
  forbidden: 'You are not allowed to make these changes.',
  saveFailed: (error) =>
    error.code === 'ERR_TOO_MANY_REQUESTS'
      ? 'Too many requests: wait a moment, then save again.'
      : error.code === 'ERR_SERVICE_UNAVAILABLE'
        ? 'The server is unavailable. Your changes are still here; try again.'
        : error.code === 'ERR_UID_NOT_FOUND'
          ? 'This user no longer exists.'
          : 'Could not save. Your changes are still here; try again.',
  loading: 'Loading…',
  retry: 'Try again',
  conflictTitle: 'Someone else changed this profile while you were editing',
  conflictHint: 'For each field, keep yours or take the version on the server, then save again.',
  yours: 'Yours',
  theirs: 'On the server',
  emptyValue: '(empty)',
  choiceLegend: (field) => field,
  keepAllMine: 'Keep all mine',
  takeAllTheirs: 'Take all theirs',
  applyChoices: 'Use these choices',
  conflictResolved: 'Review the form and save again.',
  conflictMerged: 'This profile changed on the server meanwhile; those changes are now in the form. Save again.',
}
