import * as v from 'valibot'
import { fieldErrors, isUserkitError, type FieldErrors, type User } from '../../model/index.js'
import { conflictFrom, mergeDraft, type Conflict, type ConflictChoice } from './conflict.js'
import { candidateInput, draftFromUser, editableKey, metadataRowErrors, sameField, type EditorDraft, type EditorField, type MetadataRow } from './draft.js'
import type { EditorLabels } from './editorLabels.js'

/** `idle` → `saving` → `saved`, or `error` (the draft kept), or `conflict` (a 412 to resolve). */
export type FormStatus = 'idle' | 'saving' | 'saved' | 'error' | 'conflict'

/** Everything a form knows, as plain data: what `transition` reads and returns. */
export interface FormState {
  /** The version being edited: what the draft is compared with and saved against (`If-Match`). */
  base: User | undefined
  /** The editable fields of the last user shown (`editableKey`): a load of the same one changes nothing. */
  synced: string | null
  draft: EditorDraft | undefined
  touched: readonly EditorField[]
  submitted: boolean
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
}

/** What the machine needs besides the state: the form's fields, rules and words. */
export interface FormConfig {
  fields: readonly EditorField[]
  schema: v.GenericSchema
  labels: EditorLabels
  readOnly: boolean
}

/** What can happen to a form. */
export type FormEvent =
  /** The loaded user, as the cache has it now (`undefined` while loading). */
  | { type: 'load'; user: User | undefined }
  | { type: 'set'; field: EditorField; value: EditorDraft[EditorField] }
  | { type: 'touch'; field: EditorField }
  /** The row comes made (its id is not the machine's to invent). */
  | { type: 'add-row'; row: MetadataRow }
  | { type: 'update-row'; id: string; patch: Partial<Pick<MetadataRow, 'key' | 'value'>> }
  | { type: 'remove-row'; id: string }
  | { type: 'submit' }
  | { type: 'saved'; user: User }
  /** A refused save; `message` when the caller explained it itself (a 403 that turns UserEditor read-only). */
  | { type: 'failed'; error: unknown; message?: string | undefined }
  | { type: 'choose'; field: EditorField; choice: ConflictChoice }
  | { type: 'resolve'; mode: ConflictChoice | 'choices' }
  /** Leaving (a discard button, a router): asks when something is unsaved. */
  | { type: 'leave' }
  | { type: 'answer'; discard: boolean }

export const initialFormState: FormState = {
  base: undefined,
  synced: null,
  draft: undefined,
  touched: [],
  submitted: false,
  serverErrors: {},
  formError: null,
  status: 'idle',
  notice: '',
  conflict: null,
  confirming: false,
  invalidSubmits: 0,
}

/** The draft differs from the version it started from in one of the form's fields. */
export function isDirty(state: FormState, config: FormConfig): boolean {
  const { draft, base } = state
  if (!draft || !base) return false
  const from = draftFromUser(base)
  return config.fields.some((field) => !sameField(draft, from, field))
}

// A draft is never changed in place: its check is kept with it, so asking for each field's error
// parses the draft once.
const checks = new WeakMap<EditorDraft, { config: FormConfig; errors: FieldErrors }>()

/** The schema's messages for the draft, by field (shown or not yet). */
export function clientErrors(state: FormState, config: FormConfig): FieldErrors {
  const { draft } = state
  if (!draft) return {}
  const kept = checks.get(draft)
  if (kept && kept.config.schema === config.schema && kept.config.fields === config.fields) return kept.errors
  const result = v.safeParse(config.schema, candidateInput(draft, config.fields))
  const errors = result.success ? {} : fieldErrors(result.issues)
  checks.set(draft, { config, errors })
  return errors
}

/** The metadata rows' own rules, by row id. */
export function rowErrors(state: FormState, config: FormConfig): Map<string, string> {
  return metadataRowErrors(state.draft?.metadata ?? [], config.labels)
}

/** Whether anything blocks a save (shown or not yet). */
export function hasErrors(state: FormState, config: FormConfig): boolean {
  return Object.keys(clientErrors(state, config)).length > 0 || rowErrors(state, config).size > 0
}

const shown = (state: FormState, field: EditorField): boolean => state.submitted || state.touched.includes(field)

/** The message beside a field: the schema's once touched or submitted, else the server's. */
export function errorOf(state: FormState, config: FormConfig, field: EditorField): string | undefined {
  const message = (shown(state, field) ? clientErrors(state, config)[field]?.[0] : undefined) ?? state.serverErrors[field]?.[0]
  return message === undefined ? undefined : config.labels.validationMessage(message, field)
}

/** A metadata row's message, once the metadata was touched or submitted. */
export function rowErrorOf(state: FormState, config: FormConfig, row: MetadataRow): string | undefined {
  return shown(state, 'metadata') ? rowErrors(state, config).get(row.id) : undefined
}

/** Shows `user` afresh: its draft, nothing touched, no errors, no conflict. */
function showUser(state: FormState, user: User): FormState {
  return {
    ...state,
    synced: editableKey(user),
    base: user,
    draft: draftFromUser(user),
    touched: [],
    submitted: false,
    serverErrors: {},
    formError: null,
    conflict: null,
  }
}

/** A field changed by the user: its server error goes, and "saved" or "failed" no longer stands. */
function edited(state: FormState, field: EditorField): FormState {
  const { [field]: _cleared, ...serverErrors } = state.serverErrors
  return { ...state, serverErrors, status: state.status === 'saved' || state.status === 'error' ? 'idle' : state.status, notice: '' }
}

function withDraft(state: FormState, change: (draft: EditorDraft) => EditorDraft): FormState {
  return state.draft ? { ...state, draft: change(state.draft) } : state
}

function submit(state: FormState, config: FormConfig): FormState {
  const { draft, base } = state
  if (!draft || !base || config.readOnly || state.status === 'saving' || state.conflict) return state
  const checked = { ...state, submitted: true }
  if (hasErrors(state, config)) {
    return { ...checked, invalidSubmits: state.invalidSubmits + 1, formError: config.labels.fixErrors }
  }
  if (!isDirty(state, config)) return { ...checked, notice: config.labels.nothingToSave }
  return { ...checked, status: 'saving', formError: null, serverErrors: {}, notice: '' }
}

function failed(state: FormState, config: FormConfig, error: unknown, message: string | undefined): FormState {
  const { labels, fields } = config
  const next: FormState = { ...state, status: 'error' }
  const { draft, base } = state
  if (isUserkitError(error) && error.code === 'ERR_CONFLICT' && error.current && draft && base) {
    const from = draftFromUser(base)
    const found = conflictFrom(error.current, from, draft, fields)
    if (found.fields.length > 0) return { ...next, conflict: found, status: 'conflict' }
    // Nobody changed the same field: the server's copy with the user's changes on top, to save again.
    const theirs = error.current
    return { ...next, draft: mergeDraft(from, draft, draftFromUser(theirs), fields, {}), base: theirs, synced: editableKey(theirs), formError: labels.conflictMerged }
  }
  if (message !== undefined) return { ...next, formError: message }
  if (isUserkitError(error) && error.code === 'ERR_ROLE_NOT_FOUND') {
    return { ...next, serverErrors: { role: [error.message] }, formError: labels.fixErrors }
  }
  if (isUserkitError(error) && error.details) {
    const entries = Object.entries(error.details)
    const ours = (field: string): boolean => (fields as readonly string[]).includes(field)
    const known = entries.filter(([field]) => ours(field))
    const other = entries.filter(([field]) => !ours(field))
    return {
      ...next,
      serverErrors: Object.fromEntries(known),
      formError: other.length > 0 ? other.flatMap(([, messages]) => messages).join(' ') : labels.fixErrors,
      invalidSubmits: known.length > 0 ? state.invalidSubmits + 1 : state.invalidSubmits,
    }
  }
  if (isUserkitError(error) && error.code === 'ERR_NETWORK') return { ...next, formError: labels.networkError }
  return { ...next, formError: labels.saveFailed(error instanceof Error ? error.message : String(error)) }
}

function resolve(state: FormState, config: FormConfig, mode: ConflictChoice | 'choices'): FormState {
  const { conflict, draft, base } = state
  if (!conflict || !draft || !base) return state
  const choices = mode === 'choices' ? conflict.choices : Object.fromEntries(conflict.fields.map((field) => [field, mode]))
  const theirs = conflict.theirs
  return {
    ...state,
    draft: mergeDraft(draftFromUser(base), draft, draftFromUser(theirs), config.fields, choices),
    base: theirs,
    synced: editableKey(theirs),
    conflict: null,
    formError: null,
    status: 'idle',
    notice: config.labels.conflictResolved,
  }
}

/**
 * The form engine: the next state after `event`, without React and without side effects (the hook
 * saves when the status turns `saving`). Every editor is this one machine.
 */
export function transition(state: FormState, event: FormEvent, config: FormConfig): FormState {
  switch (event.type) {
    case 'load': {
      const { user } = event
      if (!user) return state
      // Another user: show it. The same one changed elsewhere: show it, unless that drops the user's edits.
      const switched = !!state.base && user.uid !== state.base.uid
      const stale = editableKey(user) !== state.synced && !isDirty(state, config) && state.status !== 'saving' && !state.conflict
      return switched || stale ? showUser(state, user) : state
    }
    case 'set':
      return edited(withDraft(state, (draft) => ({ ...draft, [event.field]: event.value })), event.field)
    case 'touch':
      return state.touched.includes(event.field) ? state : { ...state, touched: [...state.touched, event.field] }
    case 'add-row':
      return withDraft(state, (draft) => ({ ...draft, metadata: [...draft.metadata, event.row] }))
    case 'update-row':
      return edited(
        withDraft(state, (draft) => ({ ...draft, metadata: draft.metadata.map((row) => (row.id === event.id ? { ...row, ...event.patch } : row)) })),
        'metadata',
      )
    case 'remove-row':
      return edited(withDraft(state, (draft) => ({ ...draft, metadata: draft.metadata.filter((row) => row.id !== event.id) })), 'metadata')
    case 'submit':
      return submit(state, config)
    case 'saved':
      return { ...showUser(state, event.user), status: 'saved', notice: config.labels.saved }
    case 'failed':
      return failed(state, config, event.error, event.message)
    case 'choose':
      return state.conflict ? { ...state, conflict: { ...state.conflict, choices: { ...state.conflict.choices, [event.field]: event.choice } } } : state
    case 'resolve':
      return resolve(state, config, event.mode)
    case 'leave':
      return isDirty(state, config) ? { ...state, confirming: true } : state
    case 'answer':
      if (!event.discard || !state.base) return { ...state, confirming: false }
      return { ...showUser(state, state.base), confirming: false, status: 'idle', notice: config.labels.discarded }
  }
}
