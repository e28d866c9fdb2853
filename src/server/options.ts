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
}

export interface UserHandlerOptions {
  store: UserStore
  keys: readonly ApiKey[]
  /**
   * Known roles; `default` always exists.
   * @default { default: {} }
   */
  roles?: Record<string, RolePermissions>
  /** Maps a request carrying the host app's own session (cookie, JWT) to a user, for the client API. */
  authenticate?: (request: Request) => Promise<{ uid: string } | null>
  /** Answer CORS preflights and add CORS headers for these origins. Without it, no CORS headers. */
  cors?: { origin: string | string[] }
  /**
   * Largest request body accepted, in bytes; larger ones get 413 before they are read.
   * @default 65536
   */
  maxBodyBytes?: number
  /**
   * Receives unexpected errors (the client gets a 500 without details).
   * @default console.error
   */
  onError?: (error: unknown) => void
  /** The clock, in unix seconds; tests replace it. */
  now?: () => number
}
