import type { CreateUserInput, UpdateCurrentUserInput, UpdateUserInput, User, UsersQueryInput } from '../model/index.js'
import type {
  AvatarOptions,
  UploadAvatarOptions,
  AuthTokenResult,
  BlockedUsersQuery,
  BlockOptions,
  BulkUsersInput,
  BulkUsersOptions,
  BulkUsersResult,
  CallOptions,
  CreateAuthTokenOptions,
  CreateUserOptions,
  DeleteResult,
  DeviceInfo,
  ExportUsersOptions,
  ImportReport,
  ImportUsersOptions,
  Outcomes,
  Role,
  UpdateOptions,
  UserPage,
  UsersFilter,
} from './types.js'
import type { UserEventMessage } from './readUserEvents.js'
// Only for the {@link} below.
import type { UserClientOptions } from './options.js'

/**
 * One typed method per endpoint. Every method resolves the answer's `data` and rejects with a
 * `UserkitError` (or, when its signal aborted, with the abort reason). See
 * {@link UserClientOptions} for which API (`/v3` or `/v3.0`) a call goes to.
 */
export interface UserClient {
  /** The auth token the client sends, if any. */
  readonly authToken: string | undefined
  /** Switches the client to this user's token (after a login), or back to its key with `undefined`. */
  setAuthToken(token: string | undefined): void
  /** Whether the client holds an API key (never say which: a fullAccess key must not reach a browser). */
  readonly hasApiKey: boolean
  /**
   * A client for the same server with other credentials, e.g. an `authOnly` key for a prototype login.
   * Unlike `setAuthToken`, it leaves this client as it is.
   */
  withCredentials(credentials: { apiKey?: string; authToken?: string }): UserClient

  /** `POST /users`. Prefers the key: an `authOnly` key may create users. */
  createUser(input: CreateUserInput, options?: CreateUserOptions): Promise<User>
  /**
   * `GET /users/{uid}`. Calls made in the same tick share one `GET /users?uids=…` (unless
   * `batchGetUser` is off); a missing or deactivated user rejects with `ERR_UID_NOT_FOUND`.
   */
  getUser(uid: string, options?: CallOptions): Promise<User>
  /**
   * `GET /users`.
   * @example client.listUsers({ searchKey: 'ad', tags: ['staff'], perPage: 20 })
   */
  listUsers(query?: UsersQueryInput, options?: CallOptions): Promise<UserPage>
  /** `GET /roles`: every role the server knows, with the name to show for it. */
  listRoles(options?: CallOptions): Promise<Role[]>
  /** `PUT /users/{uid}`. With `ifMatch`, a stale copy is refused with `ERR_CONFLICT`. */
  updateUser(uid: string, input: UpdateUserInput, options?: UpdateOptions): Promise<User>
  /** `DELETE /users/{uid}` with `{permanent: false}`: the user can be reactivated. */
  deactivateUser(uid: string, options?: CallOptions): Promise<DeleteResult>
  /** `DELETE /v3/users/{uid}` with `{permanent: true}`: erases the user for good. REST API only. */
  deleteUser(uid: string, options?: CallOptions): Promise<DeleteResult>
  /** `DELETE /v3/users` with `{uidsToDeactivate}`. REST API only. */
  deactivateUsers(uids: readonly string[], options?: CallOptions): Promise<Outcomes>
  /** `PUT /users` with `{uidsToActivate}`. */
  reactivateUsers(uids: readonly string[], options?: CallOptions): Promise<Outcomes>
  /**
   * `POST /bulk_actions`: one action over users by uid or over every user a filter matches (the
   * server applies the filter), one outcome per uid. A manager's token may do all but `delete`,
   * which goes to `/v3` with the key. Past the server's `bulk.maxUsers` (1000 by default) the server
   * runs it as a job, whose progress this call reads until it ends (`onProgress`); past
   * `bulk.maxJobUsers` (100,000) it rejects with `ERR_TOO_MANY_USERS` and changes nothing.
   * @example client.bulkUsers({ action: 'setRole', role: 'moderator', target: { filter: { tags: ['staff'] }, expectedCount: 12 } })
   */
  bulkUsers(input: BulkUsersInput, options?: BulkUsersOptions): Promise<BulkUsersResult>
  /**
   * `GET /exports/users`: every user the filter matches, as CSV (a header row; tags and metadata as
   * JSON) or JSON Lines, as the server streams it. A failure rejects before any of it is read.
   * @example new Response(await client.exportUsers({ role: 'admin' })).blob()
   */
  exportUsers(filter?: UsersFilter, options?: ExportUsersOptions): Promise<ReadableStream<Uint8Array>>
  /**
   * `POST /imports/users`: creates or updates a user per row of a CSV or JSON Lines file, and
   * reports each row; `dryRun` reports and writes nothing. Importing the same file again changes nothing.
   */
  importUsers(text: string, options?: ImportUsersOptions): Promise<ImportReport>

  /** `POST /v3/users/{uid}/auth_tokens`. REST API only; an `authOnly` key may do it. */
  createAuthToken(uid: string, options?: CreateAuthTokenOptions): Promise<AuthTokenResult>
  /** `DELETE /v3/users/{uid}/auth_tokens/{token}`. REST API only. */
  revokeAuthToken(uid: string, token: string, options?: CallOptions): Promise<DeleteResult>
  /** `DELETE /v3/users/{uid}/auth_tokens`: every token of the user. REST API only. */
  revokeAuthTokens(uid: string, options?: CallOptions): Promise<DeleteResult>

  /**
   * `POST /v3.0/blockedusers` with a token, `POST /v3/users/{blocker}/blockedusers` with a key.
   * @throws TypeError when the call goes to the REST API and `blocker` is missing.
   */
  blockUsers(uids: readonly string[], options?: BlockOptions): Promise<Outcomes>
  /** `DELETE` on the same paths as {@link UserClient.blockUsers}. */
  unblockUsers(uids: readonly string[], options?: BlockOptions): Promise<Outcomes>
  /** `GET /v3.0/blockedusers` with a token, `GET /v3/users/{blocker}/blockedusers` with a key. */
  getBlockedUsers(query?: BlockedUsersQuery, options?: BlockOptions): Promise<UserPage>

  /**
   * `PUT /v3.0/me` with the device info, as CometChat's SDK logs in: resolves the token's user
   * with its `authToken`. The client keeps the token it holds.
   */
  login(deviceInfo?: DeviceInfo, options?: CallOptions): Promise<User>
  /** `GET /v3.0/me`. */
  getMe(options?: CallOptions): Promise<User>
  /** `PUT /v3.0/me`. A `uid` or `role` smuggled past the type is dropped before sending. */
  updateMe(input: UpdateCurrentUserInput, options?: UpdateOptions): Promise<User>
  /**
   * `PUT /v3.0/me/avatar` (or `/users/{uid}/avatar` with `uid`): the server re-encodes the picture
   * (PNG, JPEG, WebP or GIF, at most 5 MB) to a square WebP and sets `avatar` to its URL.
   * @example await client.uploadAvatar(input.files[0], { onProgress: ({ loaded, total }) => show(loaded / total) })
   */
  uploadAvatar(file: Blob, options?: UploadAvatarOptions): Promise<User>
  /** `DELETE /v3.0/me/avatar` (or `/users/{uid}/avatar`): clears `avatar`. */
  removeAvatar(options?: AvatarOptions): Promise<User>
  /** `DELETE /v3.0/me`: revokes the token. The client still holds it: `setAuthToken(undefined)` after. */
  logout(options?: CallOptions): Promise<DeleteResult>
  /** `POST /v3.0/user_sessions`: keeps the user `online`. */
  heartbeat(options?: CallOptions): Promise<void>
  /**
   * `GET /events` (Server-Sent Events) with this client's server, fetch and credentials: the token's
   * stream on `/v3.0`, else the fullAccess key's on `/v3`. Ends when `signal` aborts or the server closes.
   * @example for await (const event of client.events()) console.log(event.type)
   */
  events(options?: { lastEventId?: string; signal?: AbortSignal }): AsyncGenerator<UserEventMessage, void, undefined>
}
