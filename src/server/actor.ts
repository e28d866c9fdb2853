import type { KeyScope } from './options.js'
import type { RateLimitState } from './rateLimit.js'
import type { StoredUser } from './store/types.js'

/** Who is asking: a key, or a user (through a token or the host app's `authenticate`). */
export type Actor =
  | { kind: 'key'; scope: KeyScope; onBehalfOf?: string }
  | {
      kind: 'user'
      uid: string
      role: string
      manageUsers: boolean
      /** The token this request came with, absent when `authenticate` vouched for the user. */
      token?: { value: string; hash: string }
    }

/**
 * Hono's environment: the actor and, when limits apply, the caller's rate-limit state are set by the
 * credentials middleware of each surface (on `/v3.0` also `self`, the acting user as the credentials
 * found it); the parsed body by `jsonBody` (a picture's bytes by `avatarBody`), before either.
 */
export interface ServerEnv {
  Variables: { actor: Actor; self?: StoredUser; rateLimit?: RateLimitState; body?: Record<string, unknown>; picture?: Uint8Array }
}

/** The uid whose view of blocks applies, if any. */
export function viewerUid(actor: Actor): string | undefined {
  return actor.kind === 'user' ? actor.uid : actor.onBehalfOf
}

/** `metadata["@private"]` is for the user themselves and for keys. */
export function seesPrivateOf(actor: Actor, uid: string): boolean {
  return actor.kind === 'key' || actor.uid === uid
}
