import type { RuleCode, User, UserkitErrorCode, UsersQueryInput } from '../model/index.js'
import type { UploadProgress } from './uploadWithProgress.js'

/** What every client method accepts last. */
export interface CallOptions {
  /**
   * Aborts the call: it then rejects with the signal's reason (a `DOMException` named
   * `AbortError` by default), never with a `UserkitError`.
   * @default undefined
   */
  signal?: AbortSignal
}

/** Where a list stands, converted from the wire's `meta.pagination`. */
export interface Pagination {
  /** Users matching the query across all pages; with `totalCapped`, at least that many. */
  total: number
  /**
   * A search matched more users than the server counts (1,000, or the end of the page asked for):
   * show "1,000+". Absent when `total` is exact.
   */
  totalCapped?: true
  /** Users on this page. */
  count: number
  perPage: number
  currentPage: number
  totalPages: number
}

/** One page of users. */
export interface UserPage {
  users: User[]
  pagination: Pagination
}

/** What a bulk call did with one uid. */
export interface Outcome {
  success: boolean
  message: string
  /** Present when `success` is false. */
  error?: { code: string; message: string }
}

/** A bulk call's outcome per uid, keyed by uid. */
export type Outcomes = Record<string, Outcome>

/** The answer to deactivating, deleting, revoking and logging out. */
export interface DeleteResult {
  success: boolean
  message: string
}

/** A freshly issued auth token. */
/** A role the server knows (`GET /roles`): its id, its name as people read it, and its power. */
export interface Role {
  role: string
  /** The configured `label`, or the id when none was given. */
  name: string
  /** Whether users with this role may manage other users. */
  manageUsers: boolean
}

export interface AuthTokenResult {
  uid: string
  authToken: string
  /** Unix seconds. */
  createdAt: number
}

export interface CreateUserOptions extends CallOptions {
  /**
   * Also issue an auth token for the new user: it comes back as `user.authToken`.
   * @default false
   */
  withAuthToken?: boolean
}

export interface UpdateOptions extends CallOptions {
  /**
   * Sent as `If-Match`: the update is refused with `ERR_CONFLICT` (412, the current user in
   * `error.current`) when the user has changed since. Take it from `userEtag(user)`.
   * @default undefined
   */
  ifMatch?: string
}

export interface CreateAuthTokenOptions extends CallOptions {
  /**
   * Issue a new token even when the device already has one.
   * @default undefined
   */
  force?: boolean
  /**
   * The device the token is for: a new token for the same device replaces the old one.
   * @default undefined
   */
  deviceId?: string
}

export interface BlockOptions extends CallOptions {
  /**
   * Who blocks, when the call goes to the REST API (the client holds a key and no token): required
   * there. With a token the blocker is always the token's user and this is not sent.
   * @default undefined
   */
  blocker?: string
}

/** The query of `getBlockedUsers`. */
export interface BlockedUsersQuery {
  /** @default 100 */
  perPage?: number
  /** @default 1 */
  page?: number
  /** A prefix of the uid or name, case-insensitive. */
  searchKey?: string
  /**
   * Whom to list: the users I blocked, the users who blocked me, or both (CometChat's directions).
   * @default 'blockedByMe'
   */
  direction?: 'blockedByMe' | 'hasBlockedMe' | 'both'
}

/** What `login` tells the server about the device. */
export interface DeviceInfo {
  deviceId?: string
  platform?: string
}

export interface AvatarOptions extends UpdateOptions {
  /**
   * Whose picture: absent, the signed-in user's (`/v3.0/me/avatar`); a uid needs a `fullAccess`
   * key or a token whose role may manage users.
   * @default undefined
   */
  uid?: string
}

export interface UploadAvatarOptions extends AvatarOptions {
  /**
   * Hears how much of the file has gone. In a browser using its own `fetch` this is live
   * (through XMLHttpRequest); with a `fetch` option of the app's it is called once, at the end.
   * @example onProgress: ({ loaded, total }) => setPercent(Math.round((100 * loaded) / total))
   */
  onProgress?: (progress: UploadProgress) => void
}

/** The filters of `GET /users` that choose users: what a bulk action or an export applies. */
export type UsersFilter = Pick<
  UsersQueryInput,
  'searchKey' | 'searchIn' | 'status' | 'role' | 'roles' | 'tags' | 'tagsMatch' | 'uids' | 'onlyDeactivated' | 'withDeactivated'
>

/** `delete` erases for good and is for a fullAccess key only (the client sends it to `/v3`). */
export type BulkAction = 'deactivate' | 'reactivate' | 'setRole' | 'addTags' | 'removeTags' | 'delete'

export interface BulkUsersInput {
  action: BulkAction
  /** The role to give, with `setRole`. */
  role?: string
  /** The tags to add or remove, with `addTags` and `removeTags`. */
  tags?: readonly string[]
  /**
   * Users by uid, or every user a filter matches, as the server finds them when it acts; with
   * `expectedCount`, the server refuses (`ERR_CONFLICT`) if the filter no longer matches that many.
   */
  target: { uids: readonly string[] } | { filter: UsersFilter; expectedCount?: number }
}

/** One bulk action's outcome: each targeted uid once, in `succeeded` or in `failed`. */
export interface BulkUsersOptions extends CallOptions {
  /**
   * Told how far the action is: once for an action the server answered at once, after each look
   * at a job's progress for a larger one (past the server's `bulk.maxUsers`, 1000 by default).
   */
  onProgress?: (progress: BulkProgress) => void
  /**
   * How often a job's progress is read, ms.
   * @default 500
   */
  pollMs?: number
}

/** Users a bulk action has been through, of its `total`, and how many of them failed. */
export interface BulkProgress {
  processed: number
  total: number
  failed: number
}

export interface BulkUsersResult {
  succeeded: string[]
  failed: { uid: string; code: UserkitErrorCode; message: string }[]
  /** How many users the action was applied to. */
  total: number
}

export type UsersFileFormat = 'csv' | 'jsonl'

export interface ExportUsersOptions extends CallOptions {
  /** @default 'csv' */
  format?: UsersFileFormat
}

export interface ImportUsersOptions extends CallOptions {
  /** @default 'csv' */
  format?: UsersFileFormat
  /** Report what would change and write nothing. */
  dryRun?: boolean
}

/** Why a row of an import did not land: its line in the file, and the field when one is to blame. */
export interface ImportRowError {
  line: number
  uid?: string
  field?: string
  code: UserkitErrorCode
  /** The rule the field broke (`url`, `pattern`…), when a schema refused it: say it with `fieldError(field, rule)`. */
  rule?: RuleCode
  message: string
}

export interface ImportReport {
  dryRun: boolean
  created: number
  updated: number
  unchanged: number
  failed: number
  /** Every row read, in the file's order. */
  rows: { line: number; uid?: string; outcome: 'created' | 'updated' | 'unchanged' | 'failed' }[]
  errors: ImportRowError[]
}
