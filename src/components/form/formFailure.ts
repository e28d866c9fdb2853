import { fieldRules, isUserkitError, UserkitError, type FieldErrors } from '../../model/index.js'
import { conflictFrom, mergeDraft } from '../editor/conflict.js'
import { draftFromUser, editableKey, type DraftField, type EditorField } from '../editor/draft.js'
import type { FormConfig, FormState } from './formTypes.js'

const editable = (fields: readonly DraftField[]): EditorField[] => fields.filter((field): field is EditorField => field !== 'uid')

/**
 * The server's refusals of the form's own fields, in the labels' words by rule code (never the
 * server's English), and the messages for any other field.
 */
function placeDetails(error: UserkitError, config: FormConfig): { placed: FieldErrors; other: string[] } {
  const details = error.details ?? {}
  const rules = error.rules ?? fieldRules(details)
  const placed: FieldErrors = {}
  const other: string[] = []
  for (const [field, messages] of Object.entries(details)) {
    if ((config.fields as readonly string[]).includes(field)) placed[field] = (rules[field] ?? ['invalid']).map((rule) => config.labels.fieldError(field, rule))
    else other.push(...messages)
  }
  return { placed, other }
}

/** A 412 while editing: a conflict to resolve where both sides changed a field, else a merge to save again. */
function conflicted(state: FormState, config: FormConfig, theirs: NonNullable<FormState['base']>): FormState | undefined {
  const { draft, base } = state
  if (!draft || !base) return undefined
  const from = draftFromUser(base)
  const fields = editable(config.fields)
  const found = conflictFrom(theirs, from, draft, fields)
  if (found.fields.length > 0) return { ...state, conflict: found, status: 'conflict' }
  const draftNow = mergeDraft(from, draft, draftFromUser(theirs), fields, {})
  return { ...state, status: 'error', draft: draftNow, base: theirs, synced: editableKey(theirs), formError: config.labels.conflictMerged }
}

/** The state after a refused save: the draft kept, the server's words beside the fields or in the form error. */
export function failed(state: FormState, config: FormConfig, error: unknown, message: string | undefined): FormState {
  const { labels } = config
  const next: FormState = { ...state, status: 'error' }
  if (config.mode !== 'create' && isUserkitError(error) && error.code === 'ERR_CONFLICT' && error.current) {
    const merged = conflicted(state, config, error.current)
    if (merged) return merged
  }
  if (message !== undefined) return { ...next, formError: message }
  const focus = { invalidSubmits: state.invalidSubmits + 1 }
  if (config.mode === 'create' && isUserkitError(error)) {
    if (error.code === 'ERR_UID_ALREADY_EXISTS') return { ...next, ...focus, serverErrors: { uid: [labels.uidTaken ?? error.message] }, formError: null }
    const { placed, other } = placeDetails(error, config)
    const anyPlaced = Object.keys(placed).length > 0
    const formError = anyPlaced && other.length === 0 ? null : (labels.submitFailed?.(error) ?? labels.saveFailed(error))
    return { ...next, ...(anyPlaced ? focus : {}), serverErrors: placed, formError }
  }
  if (isUserkitError(error) && error.code === 'ERR_ROLE_NOT_FOUND') {
    return { ...next, serverErrors: { role: [labels.fieldError('role', 'notFound')] }, formError: labels.fixErrors }
  }
  if (isUserkitError(error) && error.details) {
    const { placed, other } = placeDetails(error, config)
    const anyPlaced = Object.keys(placed).length > 0
    return { ...next, ...(anyPlaced ? focus : {}), serverErrors: placed, formError: other.length > 0 ? other.join(' ') : labels.fixErrors }
  }
  if (isUserkitError(error) && error.code === 'ERR_NETWORK') return { ...next, formError: labels.networkError }
  return { ...next, formError: labels.saveFailed(asUserkitError(error)) }
}

/** Anything thrown, as a `UserkitError` the labels can read the code of. */
export function asUserkitError(error: unknown): UserkitError {
  return isUserkitError(error) ? error : new UserkitError('ERR_INTERNAL', error instanceof Error ? error.message : String(error), { cause: error })
}
