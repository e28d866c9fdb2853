import type { AvatarEncoder } from './avatars/avatarEncoder.js'
import type { AvatarStore } from './avatars/types.js'
import type { EventStreamOptions } from './events/types.js'
import type { UserStore } from './store/types.js'

export type KeyScope = 'fullAccess' | 'authOnly'

export interface ApiKey {
  key: string
  /** `fullAccess` for backends (CometChat's REST API key); `authOnly` to create users and issue tokens. */
  scope: KeyScope
}

export interface RolePermissions {
  /** Users with this role may create, update and deactivate other users (never change their own role). */
  manageUsers?: boolean
  /** The role's name as people read it ("Administrator"); components show it instead of the id. */
  label?: string
}

export interface UserHandlerOptions {
  store: UserStore
  keys: readonly ApiKey[]
  /**
   * Known roles; `default` always exists.
   * @default { default: {} }
   */
  roles?: Record<string, RolePermissions>
  /**
   * Maps a request carrying the host app's own session (cookie, JWT) to a user, for the client API.
   * Called only for requests without an `authtoken` whose `Origin`, when present, is this site (same
   * host) or one listed in `cors.origin`; from any other origin the request gets 403 first.
   */
  authenticate?: (request: Request) => Promise<{ uid: string } | null>
  /**
   * Answer CORS preflights and add CORS headers for these origins. Without it, no CORS headers. The
   * listed origins (not `'*'`) may also use sessions that `authenticate` reads.
   */
  cors?: { origin: string | string[] }
  /**
   * Largest request body accepted, in bytes; larger ones get 413 before they are read.
   * @default 65536
   */
  maxBodyBytes?: number
  /**
   * Longest request URL accepted (path and query, as characters of the serialized URL, which is
   * ASCII); a longer one gets 400 `ERR_BAD_REQUEST` naming `url` before its query is read.
   * @default 8192
   */
  maxUrlLength?: number
  /**
   * Requests per minute allowed to each key and each auth token; over it, 429
   * `ERR_TOO_MANY_REQUESTS` with `Retry-After`. Every answer to an identified caller carries
   * `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (unix seconds). Requests
   * that fail authentication count against nobody. `false` turns rate limiting off (e.g. behind a
   * gateway that limits already).
   * @default { perMinute: { fullAccess: 10000, authOnly: 1000, token: 1200 } }, counted in memory
   */
  rateLimit?: false | RateLimitOptions
  /**
   * The client's address, for counting failed authentications per address. Behind a proxy, return
   * the address it forwarded (e.g. the last hop of `X-Forwarded-For` your proxy appends); never trust
   * a header a client can set directly.
   * @default the socket's remote address under `serve()`; none in-process
   */
  clientAddress?: (request: Request) => string | undefined
  /**
   * Receives unexpected errors (the client gets a 500 without details).
   * @default console.error
   */
  onError?: (error: unknown) => void
  /** The clock, in unix seconds; tests replace it. It also drives the rate-limit windows and presence. */
  now?: () => number
  /**
   * How long a user stays `online` without a sign of life. `PUT /v3.0/me` (the SDK's login) and
   * `POST /v3.0/user_sessions` (its heartbeat) set `online` with `lastActiveAt`; every other
   * request with the user's token keeps it so, written at most once per quarter of the timeout (at
   * most every 15 s); `DELETE /v3.0/me` sets `offline`.
   * @default { timeoutSeconds: 60 }
   */
  presence?: PresenceOptions
  /**
   * How long auth tokens live and how many one user may hold. See the README for rotating them.
   * @default { maxPerUser: 50 }, no expiry
   */
  tokens?: TokenOptions
  /**
   * The user event stream (`GET /v3.0/events`, `GET /v3/events`, Server-Sent Events).
   * @default one in-process bus per handler
   */
  events?: EventStreamOptions
  /**
   * Where uploaded pictures (`PUT /v3.0/me/avatar`, `PUT /v3/users/{uid}/avatar`) are kept. Pictures
   * are re-encoded by `avatarEncoder` (sharp by default).
   * @default the store's own: a table in PGlite or PostgreSQL, memory for `memoryStore`
   */
  avatarStore?: AvatarStore
  /**
   * Re-encodes an uploaded picture into the stored one: a square WebP of at most `side` px, first
   * frame, upright, no metadata, refusing more than `maxPixels` before decoding (throw
   * `UserkitError` `ERR_PAYLOAD_TOO_LARGE`, or `ERR_BAD_REQUEST` for a picture it cannot read).
   * For a runtime without sharp: a browser, an edge worker with a WebAssembly codec.
   * @default sharp's, an optional peer loaded on the first upload
   */
  avatarEncoder?: AvatarEncoder
  /**
   * The origin a stored picture's URL starts with (`<avatarBaseUrl>/v3.0/avatars/<hash>.webp`), when
   * the handler is reached under another name than the one clients use.
   * @default the origin the upload request reached
   */
  avatarBaseUrl?: string
  /**
   * Bounds of the bulk routes (`POST /bulk_actions`, `POST /imports/users`).
   * @default { maxUsers: 1000, maxJobUsers: 100000, maxImportBytes: 4194304 }
   */
  bulk?: BulkOptions
}

export interface BulkOptions {
  /**
   * Most users one bulk action changes while the request waits (200 with the result). Past it the
   * action is a job (202 with `{ job }`): it runs in the background, one job after another, and
   * `GET /bulk_actions/{id}` tells its progress and then its result. A job is kept, and reported, by
   * the instance that took it, in memory, for an hour after it ends; a restart ends it part way
   * (run the same action again: every bulk action can be repeated safely).
   * @default 1000
   */
  maxUsers?: number
  /**
   * Most users one bulk action may touch at all; a target matching more is refused whole with 400
   * `ERR_TOO_MANY_USERS` (narrow the filter), before anything changes.
   * @default 100000 (or `maxUsers`, if larger)
   */
  maxJobUsers?: number
  /**
   * Largest CSV or JSON Lines body `POST /imports/users` reads, in bytes; larger gets 413.
   * @default 4194304 (4 MiB)
   */
  maxImportBytes?: number
}

export interface TokenOptions {
  /**
   * Seconds after its issue at which a token stops working (401 `AUTH_ERR_AUTH_TOKEN_NOT_FOUND`, as
   * for a revoked one); the app then issues a new one. Absent: tokens live until revoked or logged out.
   */
  ttlSeconds?: number
  /**
   * Live tokens one user may hold; issuing one more revokes the oldest (expired ones go first).
   * A token issued with a `deviceId` replaces that device's earlier one and so adds none.
   * @default 50
   */
  maxPerUser?: number
  /**
   * Seconds a token's user is kept in memory, so a signed-in user's requests skip the token lookup.
   * Needs `events.bus`, the bus every instance publishes on: a revocation, logout, deactivation or
   * role change anywhere reaches every instance's cache within the bus's delivery time (with one
   * instance alone, `memoryEventBus()`). A change the bus cannot carry (a row edited by hand in the
   * database) shows after at most these seconds.
   * @default 0 (off)
   */
  cacheSeconds?: number
}

export interface PresenceOptions {
  /**
   * Seconds of silence after which an online user reads as `offline` everywhere (answers, the
   * `status` filter, sorting by status); `Infinity` keeps users online until they log out.
   * @default 60
   */
  timeoutSeconds?: number
}

/**
 * Requests per minute for each kind of caller, each key and each token counted on its own. A limit
 * of `Infinity` leaves that kind unlimited.
 */
export interface RateLimitPerMinute {
  /**
   * Per `fullAccess` key: CometChat's documented limit for its core operations (creating users,
   * logging them in), which is most of what a backend does here.
   * @default 10000
   */
  fullAccess?: number
  /**
   * Per `authOnly` key: CometChat's documented per-key limit. Lower than `fullAccess` because an
   * `authOnly` key ships inside demo apps, where anyone can read it.
   * @default 1000
   */
  authOnly?: number
  /**
   * Per auth token (a user vouched for by `authenticate` counts per uid instead): 20 a second
   * sustained, far more than a person's UI sends, while one leaked token cannot flood the server.
   * @default 1200
   */
  token?: number
  /**
   * Failed authentications (an unknown key, an unknown, revoked or expired token) per client address
   * and per presented value; past it, that address or value gets 429 before any lookup until the
   * minute ends. The address is the socket's under `serve()`, or `clientAddress`'s. Counted in this
   * instance's memory, at most 10,000 addresses and values a minute.
   * @default 20
   */
  failedAuth?: number
}

/**
 * Where requests are counted, in fixed windows aligned on the clock (a 60-second window starts at a
 * multiple of 60 unix seconds). On `postgresStore` the default counter is shared by every instance
 * on the database; on the other stores it counts in one handler's memory, so behind a load balancer
 * each instance would allow the full limit: plug in a shared counter (Redis `INCR` + `EXPIRE`, …).
 */
export interface RateLimitCounter {
  /**
   * Counts one request for `bucket` in the window that starts at `windowStart` (unix seconds) and
   * lasts `windowSeconds`, and returns how many that window now holds, this one included. Buckets
   * are opaque ids (`key:<sha256>`, `token:<sha256>`, `user:<uid>`) and never hold a key or token.
   */
  hit(bucket: string, windowStart: number, windowSeconds: number): number | Promise<number>
}

export interface RateLimitOptions {
  /** @default { fullAccess: 10000, authOnly: 1000, token: 1200 } */
  perMinute?: RateLimitPerMinute
  /**
   * Where the requests are counted. On `postgresStore` the default is a table in its database
   * (`userkit_rate_limits`, one statement per counted request) shared by every instance on it, so
   * that N instances allow the limit, not N times it; `'memory'` counts in this handler's memory
   * instead (one instance, or a gateway that limits already).
   * @default postgresStore: shared in its database; any other store: this handler's memory, which forgets each window once the next begins
   */
  counter?: RateLimitCounter | 'memory'
}
