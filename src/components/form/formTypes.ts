import type * as v from 'valibot'
import type { FieldErrors, User, UserkitError } from '../../model/index.js'
import type { Conflict, ConflictChoice } from '../editor/conflict.js'
import type { DraftField, EditorDraft, EditorField, MetadataRow, MetadataRowErrorLabels } from '../editor/draft.js'
import type { RuleCode } from '../../model/index.js'

/** `idle` → `saving` → `saved`, or `error` (the draft kept), or `conflict` (a 412 to resolve). */
export type FormStatus = 'idle' | 'saving' | 'saved' | 'error' | 'conflict'

/** `edit`: a loaded user's changes, saved with `If-Match`; `create`: a new user from an empty draft. */
export type FormMode = 'edit' | 'create'

/** Everything a form knows, as plain data: what `transition` reads and returns. */
export interface FormState {
  /** The version being edited: what the draft is compared with and saved against (`If-Match`). */
  base: User | undefined
  /** The editable fields of the last user shown (`editableKey`): a load of the same one changes nothing. */
  synced: string | null
  draft: EditorDraft | undefined
  touched: readonly DraftField[]
  submitted: boolean
  /** The server's messages by field, as shown. */
  serverErrors: FieldErrors
  /** A failure not tied to one field. */
  formError: string | null
  status: FormStatus
  /** What the status region says: saved, discarded, nothing to save, resolve and save again. */
  notice: string
  conflict: Conflict | null
  /** The inline "discard your changes?" question is showing. */
  confirming: boolean
  /** Bumped by each submit that finds errors: the form then focuses the first. */
  invalidSubmits: number
  /** In `create` mode, the user just created, until the next submit. */
  created: User | null
}

/** The words the machine puts in the state; each form maps its own labels onto them. */
export interface FormLabels extends MetadataRowErrorLabels {
  /** Beside a refused field: the rule it broke (the schema's or the server's), in the person's words. */
  fieldError: (field: string, rule: RuleCode) => string
  fixErrors: string
  nothingToSave: string
  saved: string
  discarded: string
  conflictMerged: string
  conflictResolved: string
  networkError: string
  /** A refusal not tied to a field, by its code (never the server's English). */
  saveFailed: (error: UserkitError) => string
  /** `create`: beside the uid when the server says it is taken. */
  uidTaken?: string | undefined
  /** `create`: the form error for a refusal no one field explains. */
  submitFailed?: ((error: UserkitError) => string) | undefined
}

/** What the machine needs besides the state: the form's mode, fields, rules and words. */
export interface FormConfig {
  /** @default 'edit' */
  mode?: FormMode | undefined
  fields: readonly DraftField[]
  schema: v.GenericSchema
  labels: FormLabels
  readOnly: boolean
  /** `create`: the draft a success goes back to; without it the draft stays. */
  resetTo?: EditorDraft | undefined
}

/** What can happen to a form. */
export type FormEvent =
  /** `edit`: the loaded user, as the cache has it now (`undefined` while loading). */
  | { type: 'load'; user: User | undefined }
  | { type: 'set'; field: DraftField; value: EditorDraft[DraftField] }
  | { type: 'touch'; field: DraftField }
  /** The row comes made (its id is not the machine's to invent). */
  | { type: 'add-row'; row: MetadataRow }
  | { type: 'update-row'; id: string; patch: Partial<Pick<MetadataRow, 'key' | 'value'>> }
  | { type: 'remove-row'; id: string }
  /** `blocked`: fields that may not be sent for a reason outside the draft (a uid already taken). */
  | { type: 'submit'; blocked?: readonly DraftField[] | undefined }
  | { type: 'saved'; user: User }
  /** A refused save; `message` when the caller explained it itself (a 403 that turns UserEditor read-only). */
  | { type: 'failed'; error: unknown; message?: string | undefined }
  | { type: 'choose'; field: EditorField; choice: ConflictChoice }
  | { type: 'resolve'; mode: ConflictChoice | 'choices' }
  /** Leaving (a discard button, a router): asks when something is unsaved. */
  | { type: 'leave' }
  | { type: 'answer'; discard: boolean }
