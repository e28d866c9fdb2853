import type { UserMetadata, UserStatus } from '../../../model/index.js'
import { namePrefixes, nameWords } from '../searchTerms.js'
import type { StoredUser, TokenRecord } from '../types.js'

/** A `userkit_users` row as a driver returns it: bigint may come as a string (`pg`) or a number (PGlite). */
export interface UserRow {
  uid: string
  name: string
  avatar: string | null
  link: string | null
  role: string
  metadata: UserMetadata | string | null
  status_message: string | null
  tags: string[] | null
  status: UserStatus
  last_active_at: string | number | null
  deactivated_at: string | number | null
  created_at: string | number
  updated_at: string | number
}

export interface TokenRow {
  hash: string
  uid: string
  device_id: string | null
  created_at: string | number
}

export const userColumns =
  'uid, name, avatar, link, role, metadata, status_message, tags, status, last_active_at, deactivated_at, created_at, updated_at'

/** The columns `userValues` fills, in its order, with the casts their parameters need. */
export const writableColumns = [
  ['uid', 'text'],
  ['name', 'text'],
  ['name_lower', 'text'],
  ['avatar', 'text'],
  ['link', 'text'],
  ['role', 'text'],
  ['metadata', 'jsonb'],
  ['status_message', 'text'],
  ['tags', 'text[]'],
  ['status', 'text'],
  ['last_active_at', 'bigint'],
  ['deactivated_at', 'bigint'],
  ['created_at', 'bigint'],
  ['updated_at', 'bigint'],
  ['search_prefixes', 'text[]'],
  ['search_words', 'text[]'],
] as const

/**
 * Parameters for `writableColumns`. Absent optional fields become NULL; so does an empty `tags`
 * array, which therefore reads back absent (memoryStore does the same).
 */
export function userValues(user: StoredUser): unknown[] {
  return [
    user.uid,
    user.name,
    user.name.toLowerCase(),
    user.avatar ?? null,
    user.link ?? null,
    user.role,
    // Stringified here: `pg` would turn a JavaScript array into a PostgreSQL array, not JSON.
    user.metadata == null ? null : JSON.stringify(user.metadata),
    user.statusMessage ?? null,
    user.tags && user.tags.length > 0 ? user.tags : null,
    user.status,
    user.lastActiveAt ?? null,
    user.deactivatedAt ?? null,
    user.createdAt,
    user.updatedAt,
    namePrefixes(user.name),
    nameWords(user.name),
  ]
}

export function rowToUser(row: UserRow): StoredUser {
  const user: StoredUser = {
    uid: row.uid,
    name: row.name,
    role: row.role,
    status: row.status,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  }
  if (row.avatar !== null) user.avatar = row.avatar
  if (row.link !== null) user.link = row.link
  if (row.metadata !== null) {
    user.metadata = typeof row.metadata === 'string' ? (JSON.parse(row.metadata) as UserMetadata) : row.metadata
  }
  if (row.status_message !== null) user.statusMessage = row.status_message
  if (row.tags !== null && row.tags.length > 0) user.tags = row.tags
  if (row.last_active_at !== null) user.lastActiveAt = Number(row.last_active_at)
  if (row.deactivated_at !== null) user.deactivatedAt = Number(row.deactivated_at)
  return user
}

export function rowToToken(row: TokenRow): TokenRecord {
  const token: TokenRecord = { hash: row.hash, uid: row.uid, createdAt: Number(row.created_at) }
  if (row.device_id !== null) token.deviceId = row.device_id
  return token
}
