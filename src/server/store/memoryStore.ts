import type { UserMetadata, UserStatus } from '../../model/index.js'
import { avatarHashOf } from '../avatars/avatarUrls.js'
import { memoryAvatarStore } from '../avatars/memoryAvatarStore.js'
import { namePrefixes, searchKeyTerms } from './searchTerms.js'
import type { BlockRelations, ListUsersParams, ListUsersResult, StoredUser, TokenRecord, UpdateOutcome, UserSeenBy, UserStore } from './types.js'

/**
 * A `UserStore` in a few Maps: for tests, Storybook and demos. Runs in browsers too. It answers
 * exactly as the SQL stores do (the same suite runs against all of them); data lives as long as
 * the store.
 */
export function memoryStore(): UserStore {
  const users = new Map<string, StoredUser>()
  const tokens = new Map<string, TokenRecord>()
  const blocks = new Map<string, Set<string>>()
  const hasBlocked = (blocker: string, blocked: string): boolean => blocks.get(blocker)?.has(blocked) ?? false

  return {
    async createUser(user: StoredUser): Promise<boolean> {
      if (users.has(user.uid)) return false
      users.set(user.uid, normalize(user))
      return true
    },

    async getUser(uid: string): Promise<StoredUser | null> {
      const user = users.get(uid)
      return user ? copy(user) : null
    },

    async listUsers(params: ListUsersParams): Promise<ListUsersResult> {
      const matching = [...users.values()].filter((user) => matches(user, params, hasBlocked))
      matching.sort(comparatorFor(params))
      if (params.sortOrder === 'desc') matching.reverse()
      const page = matching.slice(params.offset, params.offset + params.limit)
      if (params.withoutTotal) return { users: page.map(copy), total: page.length }
      const cap = params.countUpTo
      if (cap !== undefined && matching.length > cap) return { users: page.map(copy), total: cap, totalCapped: true }
      return { users: page.map(copy), total: matching.length }
    },

    // No await between reading and writing: the whole read-change-write runs in one turn of the
    // event loop, so no other call can interleave.
    async updateUser(uid: string, change: (current: StoredUser) => StoredUser | null): Promise<UpdateOutcome | null> {
      const current = users.get(uid)
      if (!current) return null
      const next = change(copy(current))
      if (next === null) return { before: copy(current), after: null }
      const stored = normalize({ ...next, uid })
      users.set(uid, stored)
      return { before: copy(current), after: copy(stored) }
    },

    async setPresence(uid: string, status: UserStatus, lastActiveAt: number): Promise<void> {
      const user = users.get(uid)
      if (user) users.set(uid, { ...user, status, lastActiveAt })
    },

    async deleteUser(uid: string): Promise<boolean> {
      for (const [hash, token] of tokens) if (token.uid === uid) tokens.delete(hash)
      blocks.delete(uid)
      for (const blocked of blocks.values()) blocked.delete(uid)
      return users.delete(uid)
    },

    async addToken(token: TokenRecord): Promise<void> {
      if (token.deviceId != null) {
        for (const [hash, other] of tokens) {
          if (other.uid === token.uid && other.deviceId === token.deviceId) tokens.delete(hash)
        }
      }
      tokens.set(token.hash, copyToken(token))
    },

    async pruneTokens(uid: string, keep: number, createdBefore: number): Promise<number> {
      const newestFirst = [...tokens.values()]
        .filter((token) => token.uid === uid)
        .sort((a, b) => b.createdAt - a.createdAt || (a.hash < b.hash ? 1 : a.hash > b.hash ? -1 : 0))
      let count = 0
      newestFirst.forEach((token, index) => {
        if ((token.createdAt < createdBefore || index >= keep) && tokens.delete(token.hash)) count++
      })
      return count
    },

    async findTokenUser(hash: string): Promise<{ token: TokenRecord; user: StoredUser } | null> {
      const token = tokens.get(hash)
      const user = token && users.get(token.uid)
      return token && user ? { token: copyToken(token), user: copy(user) } : null
    },

    async findToken(hash: string): Promise<TokenRecord | null> {
      const token = tokens.get(hash)
      return token ? copyToken(token) : null
    },

    async deleteToken(hash: string): Promise<boolean> {
      return tokens.delete(hash)
    },

    async deleteTokensOf(uid: string): Promise<number> {
      let count = 0
      for (const [hash, token] of tokens) {
        if (token.uid === uid && tokens.delete(hash)) count++
      }
      return count
    },

    async block(blocker: string, uids: readonly string[]): Promise<void> {
      if (uids.length === 0) return
      const blocked = blocks.get(blocker) ?? new Set<string>()
      for (const uid of uids) blocked.add(uid)
      blocks.set(blocker, blocked)
    },

    async unblock(blocker: string, uids: readonly string[]): Promise<void> {
      const blocked = blocks.get(blocker)
      for (const uid of uids) blocked?.delete(uid)
      if (blocked?.size === 0) blocks.delete(blocker)
    },

    async getUserSeenBy(uid: string, viewer: string): Promise<UserSeenBy | null> {
      const user = users.get(uid)
      return user ? { user: copy(user), blockedByMe: hasBlocked(viewer, uid), hasBlockedMe: hasBlocked(uid, viewer) } : null
    },

    async blockRelations(viewer: string, uids: readonly string[]): Promise<BlockRelations> {
      return {
        blockedByMe: new Set(uids.filter((uid) => hasBlocked(viewer, uid))),
        hasBlockedMe: new Set(uids.filter((uid) => hasBlocked(uid, viewer))),
      }
    },

    avatars: memoryAvatarStore(),

    async avatarInUse(hash: string): Promise<boolean> {
      for (const user of users.values()) if (avatarHashOf(user.avatar) === hash) return true
      return false
    },

    async close(): Promise<void> {},
  }
}

function matches(user: StoredUser, params: ListUsersParams, hasBlocked: (a: string, b: string) => boolean): boolean {
  if (params.search) {
    const key = params.search.key.toLowerCase()
    const fields = params.search.in.length > 0 ? params.search.in : ['uid', 'name']
    const found = (fields.includes('uid') && user.uid.startsWith(key)) || (fields.includes('name') && nameMatches(user.name, params.search.key))
    if (!found) return false
  }
  if (params.status && statusAt(user, params.onlineSince) !== params.status) return false
  if (params.roles && !params.roles.includes(user.role)) return false
  if (params.tags && !(params.tagsMatch === 'all' ? params.tags.every : params.tags.some).call(params.tags, (tag) => user.tags?.includes(tag) ?? false))
    return false
  if (params.uids && !params.uids.includes(user.uid)) return false
  if (params.afterUid !== undefined && compareCodePoints(user.uid, params.afterUid) <= 0) return false
  if (params.deactivated === 'exclude' && user.deactivatedAt !== undefined) return false
  if (params.deactivated === 'only' && user.deactivatedAt === undefined) return false
  const viewer = params.hideBlockedFor
  if (viewer !== undefined && (hasBlocked(viewer, user.uid) || hasBlocked(user.uid, viewer))) return false
  const owner = params.blockedBy
  if (owner !== undefined) {
    const direction = params.blockDirection ?? 'blockedByMe'
    const byOwner = direction !== 'hasBlockedMe' && hasBlocked(owner, user.uid)
    const ofOwner = direction !== 'blockedByMe' && hasBlocked(user.uid, owner)
    if (!byOwner && !ofOwner) return false
  }
  return true
}

// The SQL stores' `search_prefixes @> terms`, computed on the spot.
function nameMatches(name: string, key: string): boolean {
  const terms = searchKeyTerms(key)
  if (terms.length === 0) return false
  const prefixes = new Set(namePrefixes(name))
  return terms.every((term) => prefixes.has(term))
}

function byName(a: StoredUser, b: StoredUser): number {
  return compareCodePoints(a.name.toLowerCase(), b.name.toLowerCase()) || compareCodePoints(a.uid, b.uid)
}

const byUid = (a: StoredUser, b: StoredUser): number => compareCodePoints(a.uid, b.uid)
const byNumber = (value: (user: StoredUser) => number) => (a: StoredUser, b: StoredUser): number => value(a) - value(b) || byUid(a, b)

// The SQL stores' listUsersOrder, as comparators.
function comparatorFor(params: ListUsersParams): (a: StoredUser, b: StoredUser) => number {
  switch (params.sortBy) {
    case 'status':
      return byStatus(params.onlineSince)
    case 'createdAt':
      return byNumber((user) => user.createdAt)
    case 'updatedAt':
      return byNumber((user) => user.updatedAt)
    case 'lastActiveAt':
      return byNumber((user) => user.lastActiveAt ?? 0)
    case 'role':
      return (a, b) => compareCodePoints(a.role, b.role) || byName(a, b)
    case 'uid':
      return byUid
    default:
      return byName
  }
}

function statusAt(user: StoredUser, onlineSince: number | undefined): UserStatus {
  return user.status === 'online' && (onlineSince === undefined || (user.lastActiveAt ?? 0) >= onlineSince) ? 'online' : 'offline'
}

function byStatus(onlineSince: number | undefined): (a: StoredUser, b: StoredUser) => number {
  const online = (user: StoredUser): number => Number(statusAt(user, onlineSince) === 'online')
  return (a, b) => online(b) - online(a) || byName(a, b)
}

/**
 * Code-point order, which is what PostgreSQL's COLLATE "C" gives (it compares UTF-8 bytes).
 * `<` on strings compares UTF-16 code units instead and would put "😀" (a surrogate pair) before
 * "ｚ" (U+FF5A).
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointRank(x) - codePointRank(y)
  }
  return a.length - b.length
}

// Moves surrogates (D800–DFFF) above E000–FFFF, keeping both ranges in order.
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000
}

const optionalFields = ['avatar', 'link', 'statusMessage', 'lastActiveAt', 'deactivatedAt'] as const

/**
 * What the SQL stores would read back: known fields only, null and undefined dropped (absent), an
 * empty `tags` dropped, metadata through JSON as jsonb takes it.
 */
function normalize(user: StoredUser): StoredUser {
  const stored: StoredUser = {
    uid: user.uid,
    name: user.name,
    role: user.role,
    status: user.status,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  }
  for (const field of optionalFields) {
    const value = user[field]
    if (value != null) (stored as unknown as Record<string, unknown>)[field] = value
  }
  if (user.metadata != null) stored.metadata = JSON.parse(JSON.stringify(user.metadata)) as UserMetadata
  if (user.tags != null && user.tags.length > 0) stored.tags = [...user.tags]
  return stored
}

function copy(user: StoredUser): StoredUser {
  const result = { ...user }
  if (user.metadata) result.metadata = JSON.parse(JSON.stringify(user.metadata)) as UserMetadata
  if (user.tags) result.tags = [...user.tags]
  return result
}

function copyToken(token: TokenRecord): TokenRecord {
  const result: TokenRecord = { hash: token.hash, uid: token.uid, createdAt: token.createdAt }
  if (token.deviceId != null) result.deviceId = token.deviceId
  return result
}
