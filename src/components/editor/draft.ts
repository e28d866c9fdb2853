import {
  canonicalJson,
  PRIVATE_METADATA_KEY,
  type JsonValue,
  type UnsettableField,
  type UpdateUserInput,
  type User,
  type UserMetadata,
} from '../../model/index.js'

/** The fields typed as text. */
export type TextField = 'name' | 'avatar' | 'link' | 'statusMessage'
/** Every field an editor may change. */
export type EditorField = TextField | 'tags' | 'metadata' | 'role'
/** Every field of a draft: the editors' and the uid, which only a new user's form sets. */
export type DraftField = EditorField | 'uid'

/** One key/value pair of `metadata`; `private` ones live under `metadata["@private"]`. */
export interface MetadataRow {
  /** A React key only: never rendered, so server and client renders agree. */
  id: string
  key: string
  value: string
  private: boolean
  /** The value as loaded, kept while its text is untouched so a number or object survives a save. */
  original?: JsonValue
}

/** What the form holds: every field as the user is typing it. */
export interface EditorDraft {
  /** Typed only when creating a user; an editor shows whose it is. */
  uid: string
  name: string
  avatar: string
  link: string
  statusMessage: string
  tags: string[]
  metadata: MetadataRow[]
  role: string
}

let lastRowId = 0
export function newMetadataRow(isPrivate: boolean): MetadataRow {
  lastRowId += 1
  return { id: `r${lastRowId}`, key: '', value: '', private: isPrivate }
}

const textOf = (value: JsonValue): string => (typeof value === 'string' ? value : JSON.stringify(value))

function rowsOf(object: UserMetadata, isPrivate: boolean): MetadataRow[] {
  return Object.entries(object).map(([key, value]) => ({ ...newMetadataRow(isPrivate), key, value: textOf(value), original: value }))
}

function isObject(value: unknown): value is UserMetadata {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export function draftFromUser(user: User): EditorDraft {
  const { [PRIVATE_METADATA_KEY]: hidden, ...shared } = user.metadata ?? {}
  return {
    uid: user.uid,
    name: user.name,
    avatar: user.avatar ?? '',
    link: user.link ?? '',
    statusMessage: user.statusMessage ?? '',
    tags: user.tags ?? [],
    metadata: [...rowsOf(shared, false), ...(isObject(hidden) ? rowsOf(hidden, true) : [])],
    role: user.role,
  }
}

const isBlankRow = (row: MetadataRow): boolean => row.key.trim() === '' && row.value === ''

export interface MetadataRowErrorLabels {
  keyRequired: string
  duplicateKey: (key: string) => string
  /** Without it a shared `@private` row is left to the schema (a form with no private part). */
  reservedKey?: ((key: string) => string) | undefined
}

/** The rows' own rules (they become one object: keys unique and present), by row id. */
export function metadataRowErrors(rows: readonly MetadataRow[], labels: MetadataRowErrorLabels): Map<string, string> {
  const errors = new Map<string, string>()
  const seen = new Set<string>()
  for (const row of rows) {
    if (isBlankRow(row)) continue
    const key = row.key.trim()
    const scoped = `${row.private}:${key}`
    if (key === '') errors.set(row.id, labels.keyRequired)
    else if (!row.private && key === PRIVATE_METADATA_KEY && labels.reservedKey) errors.set(row.id, labels.reservedKey(key))
    else if (seen.has(scoped)) errors.set(row.id, labels.duplicateKey(key))
    seen.add(scoped)
  }
  return errors
}

/** The rows as `metadata`, `undefined` when empty; blank rows are left out. */
export function metadataFromRows(rows: readonly MetadataRow[]): UserMetadata | undefined {
  const shared: UserMetadata = {}
  const hidden: UserMetadata = {}
  for (const row of rows) {
    if (isBlankRow(row)) continue
    const value = row.original !== undefined && textOf(row.original) === row.value ? row.original : row.value
    ;(row.private ? hidden : shared)[row.key.trim()] = value
  }
  if (Object.keys(hidden).length > 0) shared[PRIVATE_METADATA_KEY] = hidden
  return Object.keys(shared).length > 0 ? shared : undefined
}

/** A field as it would be sent: trimmed where the server trims, `undefined` when empty. */
export function wireValue(draft: EditorDraft, field: DraftField): unknown {
  switch (field) {
    case 'uid':
      return draft.uid.trim()
    case 'name':
      return draft.name.trim()
    case 'avatar':
    case 'link':
      return draft[field].trim() || undefined
    case 'statusMessage':
      return draft.statusMessage || undefined
    case 'tags':
      return draft.tags.length > 0 ? draft.tags : undefined
    case 'metadata':
      return metadataFromRows(draft.metadata)
    case 'role':
      // '' is a new user's "the server's default role".
      return draft.role || undefined
  }
}

export function sameField(a: EditorDraft, b: EditorDraft, field: DraftField): boolean {
  return canonicalJson(wireValue(a, field)) === canonicalJson(wireValue(b, field))
}

/** Everything the form holds, for validation against the server's schema. */
export function candidateInput(draft: EditorDraft, fields: readonly DraftField[]): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  for (const field of fields) {
    const value = wireValue(draft, field)
    if (value !== undefined) input[field] = value
  }
  return input
}

const unsettable = new Set<EditorField>(['avatar', 'link', 'metadata', 'statusMessage', 'tags'])

/** Only what differs from `base`: changed fields set, emptied ones in `unset`. */
export function changedInput(draft: EditorDraft, base: EditorDraft, fields: readonly EditorField[]): UpdateUserInput {
  const input: Record<string, unknown> = {}
  const unset: UnsettableField[] = []
  for (const field of fields) {
    if (sameField(draft, base, field)) continue
    const value = wireValue(draft, field)
    if (value === undefined && unsettable.has(field)) unset.push(field as UnsettableField)
    else input[field] = value
  }
  return unset.length > 0 ? { ...input, unset } : input
}

/** Takes one field's part of `from` into `into`. */
export function withField(into: EditorDraft, from: EditorDraft, field: EditorField): EditorDraft {
  return { ...into, [field]: from[field] }
}

/** What a user's editable fields are, as one string: equal strings, nothing to show afresh. */
export function editableKey(user: User): string {
  const { uid, name, avatar, link, role, metadata, statusMessage, tags, deactivatedAt } = user
  return canonicalJson({ uid, name, avatar, link, role, metadata, statusMessage, tags, deactivatedAt })
}
