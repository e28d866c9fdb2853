import * as v from 'valibot'
import { fieldErrors, ruleOf, type FieldErrors } from '../../model/index.js'
import { candidateInput, draftFromUser, metadataRowErrors, sameField, type DraftField, type EditorDraft, type MetadataRow } from '../editor/draft.js'
import type { FormConfig, FormState } from './formTypes.js'

// What a form's markup asks of its state: pure reads, no React.

/** The draft differs from the version it started from in one of the form's fields (`edit` only). */
export function isDirty(state: FormState, config: FormConfig): boolean {
  const { draft, base } = state
  if (!draft || !base) return false
  const from = draftFromUser(base)
  return config.fields.some((field) => !sameField(draft, from, field))
}

// A draft is never changed in place: its check is kept with it, so asking for each field's error
// parses the draft once.
const checks = new WeakMap<EditorDraft, { config: FormConfig; errors: FieldErrors }>()

/** What the schema says of the draft, by field, in the labels' words (shown or not yet). */
export function clientErrors(state: FormState, config: FormConfig): FieldErrors {
  const { draft } = state
  if (!draft) return {}
  const kept = checks.get(draft)
  if (kept && kept.config.schema === config.schema && kept.config.fields === config.fields && kept.config.labels === config.labels) return kept.errors
  const result = v.safeParse(config.schema, candidateInput(draft, config.fields))
  const raw = result.success ? {} : fieldErrors(result.issues)
  const errors = Object.fromEntries(
    Object.entries(raw).map(([field, messages]) => [field, messages.map((message) => config.labels.fieldError(field, ruleOf(message)))]),
  )
  checks.set(draft, { config, errors })
  return errors
}

/** The metadata rows' own rules, by row id. */
export function rowErrors(state: FormState, config: FormConfig): Map<string, string> {
  return metadataRowErrors(state.draft?.metadata ?? [], config.labels)
}

/** The fields that keep a submit from being sent, in the form's order; `blocked` adds reasons from outside the draft. */
export function blockingFields(state: FormState, config: FormConfig, blocked: readonly DraftField[] = []): DraftField[] {
  const errors = clientErrors(state, config)
  const badRows = rowErrors(state, config).size > 0
  return config.fields.filter((field) => (errors[field]?.length ?? 0) > 0 || blocked.includes(field) || (field === 'metadata' && badRows))
}

/** Whether anything blocks a save (shown or not yet). */
export function hasErrors(state: FormState, config: FormConfig, blocked: readonly DraftField[] = []): boolean {
  return blockingFields(state, config, blocked).length > 0 || Object.keys(clientErrors(state, config)).length > 0
}

const shown = (state: FormState, field: DraftField): boolean => state.submitted || state.touched.includes(field)

/** The one message beside a field: the schema's once touched or submitted, else the server's. */
export function errorOf(state: FormState, config: FormConfig, field: DraftField): string | undefined {
  const client = shown(state, field) ? (clientErrors(state, config)[field] ?? []) : []
  return client[0] ?? state.serverErrors[field]?.[0]
}

/** A metadata row's message, once the metadata was touched or submitted. */
export function rowErrorOf(state: FormState, config: FormConfig, row: MetadataRow): string | undefined {
  return shown(state, 'metadata') ? rowErrors(state, config).get(row.id) : undefined
}
