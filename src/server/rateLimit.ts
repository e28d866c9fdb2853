import type { Context, MiddlewareHandler } from 'hono'
import { UserkitError } from '../model/index.js'
import type { ServerEnv } from './actor.js'
import type { KeyScope, RateLimitCounter, RateLimitOptions, RateLimitPerMinute } from './options.js'
import { createAuthFailures, type AuthFailures } from './authFailures.js'
import { clientAddressOf } from './clientAddress.js'
import { hashAuthToken } from './tokens.js'

const WINDOW_SECONDS = 60

const defaultPerMinute = {
  fullAccess: 10_000,
  authOnly: 1_000,
  token: 1_200,
  failedAuth: 20,
} satisfies Required<RateLimitPerMinute>

/** Who is counted: a key (as presented, already matched), a token (by its hash) or a vouched-for user. */
export type RateLimitCaller =
  | { kind: 'key'; scope: KeyScope; key: string }
  | { kind: 'token'; hash: string }
  | { kind: 'user'; uid: string }

/** Where a caller stands in the current window, as the `X-RateLimit-*` headers tell it. */
export interface RateLimitState {
  limit: number
  remaining: number
  /** Unix seconds at which the window ends. */
  reset: number
  /** Seconds to wait, present once the limit is passed. */
  retryAfter?: number
}

export interface RateLimiter {
  /** Counts one request by `caller`; `undefined` when that kind of caller is unlimited. */
  take(caller: RateLimitCaller): Promise<RateLimitState | undefined>
  /** Failed authentications, per client address and presented value; absent when unlimited. */
  failures?: AuthFailures
  /** The client's address, as `clientAddress` or `serve()` tells it. */
  addressOf(request: Request): string | undefined
}

/** The handler's limiter, or `undefined` when `rateLimit: false`. `shared`: the store's counter, the default when present. */
export function createRateLimiter(
  options: false | RateLimitOptions | undefined,
  now: () => number,
  addressOf: (request: Request) => string | undefined = clientAddressOf,
  shared?: () => RateLimitCounter,
): RateLimiter | undefined {
  if (options === false) return undefined
  const perMinute = { ...defaultPerMinute, ...options?.perMinute }
  for (const [kind, limit] of Object.entries(perMinute)) {
    if (!(limit === Infinity || (Number.isInteger(limit) && limit > 0))) {
      throw new TypeError(
        `rateLimit.perMinute.${kind} must be a positive integer or Infinity (got ${String(limit)}); use rateLimit: false to turn limits off.`,
      )
    }
  }
  const chosen = options?.counter
  const counter = chosen === 'memory' ? memoryRateLimitCounter() : (chosen ?? shared?.() ?? memoryRateLimitCounter())
  // Only configured keys reach here (after a match), so this holds one digest per configured key.
  const keyIds = new Map<string, Promise<string>>()
  const keyId = (key: string): Promise<string> => {
    let id = keyIds.get(key)
    if (!id) keyIds.set(key, (id = hashAuthToken(key)))
    return id
  }

  return {
    addressOf,
    ...(perMinute.failedAuth !== Infinity ? { failures: createAuthFailures(perMinute.failedAuth, now) } : {}),
    async take(caller) {
      const limit = caller.kind === 'key' ? perMinute[caller.scope] : perMinute.token
      if (limit === Infinity) return undefined
      const bucket =
        caller.kind === 'key' ? `key:${await keyId(caller.key)}` : caller.kind === 'token' ? `token:${caller.hash}` : `user:${caller.uid}`
      const time = now()
      const windowStart = Math.floor(time / WINDOW_SECONDS) * WINDOW_SECONDS
      const reset = windowStart + WINDOW_SECONDS
      const count = await counter.hit(bucket, windowStart, WINDOW_SECONDS)
      const state: RateLimitState = { limit, remaining: Math.max(0, limit - count), reset }
      if (count > limit) state.retryAfter = Math.max(1, Math.ceil(reset - time))
      return state
    },
  }
}

/**
 * Counts `caller`'s request, keeps the state for the answer's headers, and refuses it with 429
 * past the limit. Called once the caller is identified, so a failed authentication counts for nobody.
 */
export async function countRequest(c: Context<ServerEnv>, limiter: RateLimiter | undefined, caller: RateLimitCaller): Promise<void> {
  const state = await limiter?.take(caller)
  if (!state) return
  c.set('rateLimit', state)
  if (state.retryAfter !== undefined) {
    throw new UserkitError('ERR_TOO_MANY_REQUESTS', `Too many requests: the limit is ${state.limit} a minute. Retry after ${state.retryAfter} s.`)
  }
}

/**
 * Runs `authenticate` (which throws a 401 for a credential it does not know) unless this client or
 * this presented value (`sha256`: its digest) failed too often this minute: then 429 before the
 * store is asked. A 401 counts against both.
 */
export async function guardAuthentication<T>(
  c: Context<ServerEnv>,
  limiter: RateLimiter | undefined,
  sha256: () => Promise<string>,
  authenticate: () => Promise<T>,
): Promise<T> {
  const failures = limiter?.failures
  if (!limiter || !failures) return authenticate()
  const address = limiter.addressOf(c.req.raw)
  // The common case, a minute without failures, pays for no digest.
  const print = failures.empty ? undefined : await sha256()
  const state = failures.refused(address, print)
  if (state) {
    c.set('rateLimit', state)
    throw new UserkitError('ERR_TOO_MANY_REQUESTS', `Too many failed authentications from this client; retry after ${state.retryAfter} s.`)
  }
  try {
    return await authenticate()
  } catch (error) {
    if (error instanceof UserkitError && error.status === 401) failures.failed(address, print ?? (await sha256()))
    throw error
  }
}

/** Puts the `X-RateLimit-*` headers (and on a 429 the real `Retry-After`) on every answer to a counted caller. */
export function rateLimitHeaders(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    await next()
    const state = c.get('rateLimit')
    if (!state) return
    c.header('X-RateLimit-Limit', String(state.limit))
    c.header('X-RateLimit-Remaining', String(state.remaining))
    c.header('X-RateLimit-Reset', String(state.reset))
    if (state.retryAfter !== undefined) c.header('Retry-After', String(state.retryAfter))
  }
}

/**
 * Counts in this process's memory. Every bucket shares the same aligned windows, so one map holds
 * the current window and is dropped whole when the next begins: memory stays bounded by the
 * callers of one minute.
 */
export function memoryRateLimitCounter(): RateLimitCounter {
  let current = -Infinity
  let counts = new Map<string, number>()
  return {
    hit(bucket, windowStart) {
      if (windowStart > current) {
        current = windowStart
        counts = new Map()
      }
      const count = (counts.get(bucket) ?? 0) + 1
      counts.set(bucket, count)
      return count
    },
  }
}
