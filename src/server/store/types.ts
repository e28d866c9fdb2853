import type { UnsettableField, User, UserStatus } from '../../model/index.js'
import type { RateLimitCounter } from '../options.js'
import type { AvatarStore } from '../avatars/types.js'

/** A user as a store keeps it: nothing viewer-relative, `@private` metadata included. */
/** CometChat's blocked-users directions, seen from the user whose list it is. */
export type BlockDirection = 'blockedByMe' | 'hasBlockedMe' | 'both'

export type StoredUser = Omit<User, 'hasBlockedMe' | 'blockedByMe' | 'authToken'>

export type { UnsettableField }

/** What `listUsers` filters, sorts and pages by. Every filter is optional and they combine with AND. */
export interface ListUsersParams {
  limit: number
  offset: number
  /**
   * `key` as a case-insensitive prefix of the uid, or each word of `key` as the start of some word of
   * the name (Unicode word rules, accents folded: `searchTerms.ts`); only the fields named in `in`.
   */
  search?: { key: string; in: readonly ('uid' | 'name')[] }
  /** Count matches only up to one past this; the result then says `totalCapped`. Absent: count all. */
  countUpTo?: number
  status?: UserStatus
  /**
   * Presence expiry, in unix seconds: a user stored as online whose `lastActiveAt` is before it
   * counts as offline, for `status` and for `sortBy: 'status'`. Absent: the stored status holds.
   */
  onlineSince?: number
  /** The user's role is one of these. */
  roles?: readonly string[]
  /** The user has at least one of these tags (with `tagsMatch: 'all'`, every one of them). */
  tags?: readonly string[]
  /** @default 'any' */
  tagsMatch?: 'any' | 'all'
  /** The user's uid is one of these (already lowercased). */
  uids?: readonly string[]
  deactivated: 'exclude' | 'only' | 'include'
  /** Leave out users this uid has blocked and users who have blocked this uid. */
  hideBlockedFor?: string
  /** Only users that this uid has blocked — or, with `blockDirection`, who have blocked it, or either. */
  blockedBy?: string
  /** Which side of `blockedBy`'s blocks to list. @default 'blockedByMe' */
  blockDirection?: BlockDirection
  /**
   * `name` sorts by name (case-insensitive) then uid; `status` puts online first, then by name;
   * `createdAt`, `updatedAt`, `lastActiveAt` (never seen counts as 0) by that time then uid; `role`
   * by role id, then by name; `uid` by uid alone (with `afterUid`, for keyset paging).
   */
  sortBy: 'name' | 'status' | 'createdAt' | 'updatedAt' | 'lastActiveAt' | 'role' | 'uid'
  sortOrder: 'asc' | 'desc'
  /** Only users whose uid sorts after this one (code points): keyset paging with `sortBy: 'uid'`. */
  afterUid?: string
  /** Skip counting: `total` is then the page's length. For readers that page to the end anyway. */
  withoutTotal?: boolean
}

export interface ListUsersResult {
  users: StoredUser[]
  /** How many users match the filters, across all pages; with `totalCapped`, at least that many. */
  total: number
  /** More than `countUpTo` users match: `total` is `countUpTo`. */
  totalCapped?: boolean
}

/** The outcome of `updateUser`: the row before, and after (null when `change` declined to write). */
export interface UpdateOutcome {
  before: StoredUser
  after: StoredUser | null
}

export interface TokenRecord {
  /** SHA-256 of the token, hex. The token itself is never stored. */
  hash: string
  uid: string
  /** The device the token was issued for; a new token for the same device replaces the old one. */
  deviceId?: string
  createdAt: number
}

export interface BlockRelations {
  /** Uids (of those asked) that the viewer has blocked. */
  blockedByMe: Set<string>
  /** Uids (of those asked) that have blocked the viewer. */
  hasBlockedMe: Set<string>
}

/** A user as `getUserSeenBy` finds it, with the blocks between it and the viewer. */
export interface UserSeenBy {
  user: StoredUser
  /** The viewer has blocked this user. */
  blockedByMe: boolean
  /** This user has blocked the viewer. */
  hasBlockedMe: boolean
}

/**
 * Persistence behind the handler. Every store passes the same suite; the handler holds all policy
 * (who may do what, validation), a store only keeps data and answers queries.
 */
export interface UserStore {
  /** Inserts a user; `false` when the uid is taken (a deactivated user still holds it). */
  createUser(user: StoredUser): Promise<boolean>
  /** The user whatever its state, deactivated included; `null` when absent. */
  getUser(uid: string): Promise<StoredUser | null>
  listUsers(params: ListUsersParams): Promise<ListUsersResult>
  /**
   * Reads the user and writes what `change` returns, atomically: no other update of that user
   * interleaves, so read-modify-write loses nothing. `change` returning `null` writes nothing.
   * Resolves `null` when the user does not exist.
   */
  updateUser(uid: string, change: (current: StoredUser) => StoredUser | null): Promise<UpdateOutcome | null>
  /** Sets presence without touching `updatedAt`; a no-op for an absent user. */
  setPresence(uid: string, status: UserStatus, lastActiveAt: number): Promise<void>
  /** Erases the user with its tokens and blocks. `false` when absent. */
  deleteUser(uid: string): Promise<boolean>

  /** Stores a token hash; with a `deviceId`, replaces that user's token for that device. */
  addToken(token: TokenRecord): Promise<void>
  findToken(hash: string): Promise<TokenRecord | null>
  /** The token and its user, in one lookup: what every request with a token starts with. */
  findTokenUser(hash: string): Promise<{ token: TokenRecord; user: StoredUser } | null>
  /** `false` when no such token. */
  deleteToken(hash: string): Promise<boolean>
  /** Revokes all of a user's tokens; resolves how many there were. */
  deleteTokensOf(uid: string): Promise<number>
  /**
   * Revokes `uid`'s tokens created before `createdBefore`, then all but its `keep` newest (ties by
   * hash, the greater kept); resolves how many went.
   */
  pruneTokens(uid: string, keep: number, createdBefore: number): Promise<number>

  /** `blocker` blocks each of `uids` (already blocked is fine). */
  block(blocker: string, uids: readonly string[]): Promise<void>
  unblock(blocker: string, uids: readonly string[]): Promise<void>
  blockRelations(viewer: string, uids: readonly string[]): Promise<BlockRelations>
  /**
   * The user (whatever its state) and its blocks with `viewer`, in one lookup: what a user answer
   * with block flags needs. `null` when absent.
   */
  getUserSeenBy(uid: string, viewer: string): Promise<UserSeenBy | null>

  /**
   * A rate-limit counter in this store's database, which every handler on the database shares: the
   * handler counts there unless `rateLimit.counter` says otherwise. Absent where the database is this
   * process's own (memory, PGlite), whose handler counts in memory.
   */
  sharedRateLimitCounter?: () => RateLimitCounter

  /**
   * Where uploaded pictures live by default: the same database (or memory) as the users. A store
   * without it needs the handler's `avatarStore` option for uploads.
   */
  avatars?: AvatarStore
  /**
   * Whether some user's `avatar` names the stored picture with this hash (at any origin): a picture
   * nobody names any more is removed. A store without it never removes pictures.
   */
  avatarInUse?(hash: string): Promise<boolean>

  /** Releases the database. */
  close(): Promise<void>
}
