import type { CreateUserInput } from '../../model/index.js'
import { metadataFromRows, newMetadataRow, type EditorDraft, type MetadataRow } from '../editor/draft.js'

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

/** A create form's draft as the form machine holds it: an editor's draft with no status message. */
export const toForm = (draft: CreateUserDraft): EditorDraft => ({ ...draft, statusMessage: '' })
export const fromForm = ({ uid, name, avatar, link, role, tags, metadata }: EditorDraft): CreateUserDraft => ({ uid, name, avatar, link, role, tags, metadata })
