import { mergeDraft, type ConflictChoice } from '../editor/conflict.js'
import { draftFromUser, editableKey, type DraftField, type EditorDraft, type EditorField } from '../editor/draft.js'
import { failed } from './formFailure.js'
import { hasErrors, isDirty } from './formSelectors.js'
import type { FormConfig, FormEvent, FormState } from './formTypes.js'

/** A form before anything happened; `draft` is a new user's, or `undefined` until a user loads. */
export function initialFormState(draft?: EditorDraft): FormState {
  return {
    base: undefined,
    synced: null,
    draft,
    touched: [],
    submitted: false,
    serverErrors: {},
    formError: null,
    status: 'idle',
    notice: '',
    conflict: null,
    confirming: false,
    invalidSubmits: 0,
    created: null,
  }
}

/** Shows `user` afresh: its draft, nothing touched, no errors, no conflict. */
function showUser(state: FormState, user: NonNullable<FormState['base']>): FormState {
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
function edited(state: FormState, field: DraftField): FormState {
  const { [field]: _cleared, ...serverErrors } = state.serverErrors
  return { ...state, serverErrors, status: state.status === 'saved' || state.status === 'error' ? 'idle' : state.status, notice: '' }
}

function withDraft(state: FormState, change: (draft: EditorDraft) => EditorDraft): FormState {
  return state.draft ? { ...state, draft: change(state.draft) } : state
}

function submit(state: FormState, config: FormConfig, blocked: readonly DraftField[] = []): FormState {
  const creating = config.mode === 'create'
  if (!state.draft || (!creating && !state.base) || config.readOnly || state.status === 'saving' || state.conflict) return state
  const checked: FormState = { ...state, submitted: true, created: null }
  if (hasErrors(state, config, blocked)) {
    return { ...checked, invalidSubmits: state.invalidSubmits + 1, formError: creating ? null : config.labels.fixErrors }
  }
  if (!creating && !isDirty(state, config)) return { ...checked, notice: config.labels.nothingToSave }
  return { ...checked, status: 'saving', formError: null, serverErrors: {}, notice: '' }
}

function saved(state: FormState, config: FormConfig, user: NonNullable<FormState['base']>): FormState {
  if (config.mode !== 'create') return { ...showUser(state, user), status: 'saved', notice: config.labels.saved }
  const next: FormState = { ...state, status: 'saved', created: user }
  return config.resetTo ? { ...next, draft: config.resetTo, touched: [], submitted: false } : next
}

function resolve(state: FormState, config: FormConfig, mode: ConflictChoice | 'choices'): FormState {
  const { conflict, draft, base } = state
  if (!conflict || !draft || !base) return state
  const choices = mode === 'choices' ? conflict.choices : Object.fromEntries(conflict.fields.map((field) => [field, mode]))
  const fields = config.fields.filter((field): field is EditorField => field !== 'uid')
  const theirs = conflict.theirs
  return {
    ...state,
    draft: mergeDraft(draftFromUser(base), draft, draftFromUser(theirs), fields, choices),
    base: theirs,
    synced: editableKey(theirs),
    conflict: null,
    formError: null,
    status: 'idle',
    notice: config.labels.conflictResolved,
  }
}

/**
 * The form engine: the next state after `event`, without React and without side effects (its hook
 * saves when the status turns `saving`). ProfileEditor and UserEditor are its `edit` mode,
 * CreateUserForm its `create` mode.
 */
export function transition(state: FormState, event: FormEvent, config: FormConfig): FormState {
  switch (event.type) {
    case 'load': {
      const { user } = event
      if (!user || config.mode === 'create') return state
      // Another user: show it. The same one changed elsewhere: show it, unless that drops the user's edits.
      const switched = !!state.base && user.uid !== state.base.uid
      const stale = editableKey(user) !== state.synced && !isDirty(state, config) && state.status !== 'saving' && !state.conflict
      return switched || stale ? showUser(state, user) : state
    }
    case 'set': {
      const next = edited(withDraft(state, (draft) => ({ ...draft, [event.field]: event.value })), event.field)
      // The uid's rules are shown live, as the user types.
      return event.field === 'uid' ? transition(next, { type: 'touch', field: 'uid' }, config) : next
    }
    case 'touch':
      return state.touched.includes(event.field) ? state : { ...state, touched: [...state.touched, event.field] }
    case 'add-row': {
      const { metadata: _cleared, ...serverErrors } = state.serverErrors
      return { ...withDraft(state, (draft) => ({ ...draft, metadata: [...draft.metadata, event.row] })), serverErrors }
    }
    case 'update-row':
      return edited(
        withDraft(state, (draft) => ({ ...draft, metadata: draft.metadata.map((row) => (row.id === event.id ? { ...row, ...event.patch } : row)) })),
        'metadata',
      )
    case 'remove-row':
      return edited(withDraft(state, (draft) => ({ ...draft, metadata: draft.metadata.filter((row) => row.id !== event.id) })), 'metadata')
    case 'submit':
      return submit(state, config, event.blocked)
    case 'saved':
      return saved(state, config, event.user)
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
