import * as v from 'valibot'
import { createUserSchema, fieldErrors, type CreateUserInput, type FieldErrors, type UserkitError } from '../../model/index.js'
import { metadataFromRows, newMetadataRow, type MetadataRow } from '../editor/draft.js'
import type { CreateUserFormLabels } from './createUserFormLabels.js'

/** What the form holds while the user types: text as typed, before trimming and checking. */
export interface CreateUserDraft {
  uid: string
  name: string
  avatar: string
  link: string
  /** `''`: the server's default role. */
  role: string
  tags: string[]
  /** Key/value rows (values as text); a new user has no private part. */
  metadata: MetadataRow[]
}

/** A draft to start from: metadata rows need only their key and value. */
export type CreateUserDraftInit = Partial<Omit<CreateUserDraft, 'metadata'>> & {
  metadata?: ReadonlyArray<Pick<MetadataRow, 'key' | 'value'> & Partial<MetadataRow>>
}

/** The fields of the form, in the order they are shown (and focused after a failed submit). */
export const createUserFields = ['uid', 'name', 'avatar', 'link', 'role', 'tags', 'metadata'] as const
export type CreateUserField = (typeof createUserFields)[number]

export function initialDraft(role: string, init: CreateUserDraftInit = {}): CreateUserDraft {
  const metadata = (init.metadata ?? []).map((row) => ({ ...newMetadataRow(false), ...row }))
  return { uid: '', name: '', avatar: '', link: '', role, tags: [], ...init, metadata }
}

/** The body to send: empty optional fields left out, so the server's defaults apply. */
export function draftToInput(draft: CreateUserDraft): CreateUserInput {
  const input: CreateUserInput = { uid: draft.uid.trim(), name: draft.name }
  const avatar = draft.avatar.trim()
  const link = draft.link.trim()
  const metadata = metadataFromRows(draft.metadata)
  if (avatar) input.avatar = avatar
  if (link) input.link = link
  if (draft.role) input.role = draft.role
  if (draft.tags.length > 0) input.tags = draft.tags
  if (metadata) input.metadata = metadata
  return input
}

/** The model's create schema, the rules the server applies (a metadata row's own rules are the rows'). */
export function validateDraft(draft: CreateUserDraft, labels: CreateUserFormLabels): FieldErrors {
  const result = v.safeParse(createUserSchema, draftToInput(draft))
  if (result.success) return {}
  const errors: FieldErrors = {}
  for (const [field, messages] of Object.entries(fieldErrors(result.issues))) {
    errors[field] = messages.map((message) => labels.fieldError(field, message))
  }
  return errors
}

/** The uid taken, or the server's field details, go beside their fields; anything else to the summary. */
export function mapServerError(error: UserkitError, labels: CreateUserFormLabels): { fields: FieldErrors; summary: string | null } {
  if (error.code === 'ERR_UID_ALREADY_EXISTS') return { fields: { uid: [labels.uidTaken] }, summary: null }
  const known = new Set<string>(createUserFields)
  const fields: FieldErrors = {}
  let unplaced = false
  for (const [field, messages] of Object.entries(error.details ?? {})) {
    if (known.has(field)) fields[field] = messages.map((message) => labels.fieldError(field, message))
    else unplaced = true
  }
  const placed = Object.keys(fields).length > 0
  return { fields, summary: placed && !unplaced ? null : labels.submitFailed(error) }
}
