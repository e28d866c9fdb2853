import type { User } from './user.js'

/** Who may change a field after creation. */
export type FieldEditability = 'never' | 'yes' | 'manager' | 'server'

export interface FieldSpec {
  readonly type: 'string' | 'number' | 'boolean' | 'object' | 'string[]' | 'status'
  readonly setBy: 'creator' | 'server'
  readonly editable: FieldEditability
  /** May be cleared with `unset`. */
  readonly unsettable: boolean
}

/** DESIGN's field table as data: the one place that says who sets and edits what. */
export const userFields = {
  uid: { type: 'string', setBy: 'creator', editable: 'never', unsettable: false },
  name: { type: 'string', setBy: 'creator', editable: 'yes', unsettable: false },
  avatar: { type: 'string', setBy: 'creator', editable: 'yes', unsettable: true },
  link: { type: 'string', setBy: 'creator', editable: 'yes', unsettable: true },
  role: { type: 'string', setBy: 'creator', editable: 'manager', unsettable: false },
  metadata: { type: 'object', setBy: 'creator', editable: 'yes', unsettable: true },
  status: { type: 'status', setBy: 'server', editable: 'server', unsettable: false },
  statusMessage: { type: 'string', setBy: 'creator', editable: 'yes', unsettable: true },
  lastActiveAt: { type: 'number', setBy: 'server', editable: 'server', unsettable: false },
  hasBlockedMe: { type: 'boolean', setBy: 'server', editable: 'server', unsettable: false },
  blockedByMe: { type: 'boolean', setBy: 'server', editable: 'server', unsettable: false },
  tags: { type: 'string[]', setBy: 'creator', editable: 'yes', unsettable: true },
  deactivatedAt: { type: 'number', setBy: 'server', editable: 'server', unsettable: false },
  createdAt: { type: 'number', setBy: 'server', editable: 'server', unsettable: false },
  updatedAt: { type: 'number', setBy: 'server', editable: 'server', unsettable: false },
} as const satisfies Record<Exclude<keyof User, 'authToken'>, FieldSpec>

export type UserField = keyof typeof userFields

const fieldNames = Object.keys(userFields) as UserField[]

/** Fields a client may never set: the server owns them and ignores them in a body. */
export const serverFields: readonly UserField[] = fieldNames.filter((f) => userFields[f].setBy === 'server')

/** Fields `unset` may clear. */
export const unsettableFields = fieldNames.filter((f) => userFields[f].unsettable) as readonly (
  | 'avatar'
  | 'link'
  | 'metadata'
  | 'statusMessage'
  | 'tags'
)[]

/** Limits from the field table. */
export const limits = {
  uidLength: 100,
  nameLength: 100,
  urlLength: 3000,
  roleLength: 100,
  metadataBytes: 5 * 1024,
  statusMessageLength: 250,
  tags: 25,
  tagLength: 100,
  perPage: 1000,
  defaultPerPage: 100,
  searchKeyLength: 200,
  uidsPerQuery: 1000,
} as const

/** The key in `metadata` that only the user themselves and keys can see. */
export const PRIVATE_METADATA_KEY = '@private'
