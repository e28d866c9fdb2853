import type { RateLimitState } from './rateLimit.js'

const WINDOW_SECONDS = 60
/** Buckets one window may hold: what an attacker can make this process remember is bounded. */
const MAX_BUCKETS = 10_000
/** Enough of a presented value's SHA-256 to tell one replayed value from another. */
const FINGERPRINT_LENGTH = 16

/**
 * Failed authentications (an unknown key, an unknown, revoked or expired token) counted per client
 * address and per presented value, in one-minute windows. Past `limit`, that address or value is
 * refused with 429 before the store is asked. A value is counted by a fingerprint of all of it, not
 * by its first characters: generated keys share a prefix (`uk_full_`), and failures under a shared
 * prefix would lock the real key out. A window full of buckets stops counting new ones rather than
 * refusing strangers.
 */
export interface AuthFailures {
  /** Whether nothing failed in this window (then no fingerprint is needed to answer `refused`). */
  readonly empty: boolean
  /** The window's state when this address or this value (its SHA-256, hex) failed `limit` times in it. */
  refused(address: string | undefined, sha256: string | undefined): RateLimitState | undefined
  /** Counts one failure of this address and this value. */
  failed(address: string | undefined, sha256: string): void
}

export function createAuthFailures(limit: number, now: () => number): AuthFailures {
  let windowStart = -Infinity
  let counts = new Map<string, number>()
  const bucketsOf = (address: string | undefined, sha256: string | undefined): string[] => [
    ...(address ? [`address:${address}`] : []),
    ...(sha256 ? [`value:${sha256.slice(0, FINGERPRINT_LENGTH)}`] : []),
  ]
  const roll = (): number => {
    const time = now()
    const start = Math.floor(time / WINDOW_SECONDS) * WINDOW_SECONDS
    if (start > windowStart) {
      windowStart = start
      counts = new Map()
    }
    return time
  }
  return {
    get empty() {
      roll()
      return counts.size === 0
    },
    refused(address, sha256) {
      const time = roll()
      if (!bucketsOf(address, sha256).some((bucket) => (counts.get(bucket) ?? 0) >= limit)) return undefined
      const reset = windowStart + WINDOW_SECONDS
      return { limit, remaining: 0, reset, retryAfter: Math.max(1, Math.ceil(reset - time)) }
    },
    failed(address, sha256) {
      roll()
      for (const bucket of bucketsOf(address, sha256)) {
        const count = counts.get(bucket)
        if (count !== undefined) counts.set(bucket, count + 1)
        else if (counts.size < MAX_BUCKETS) counts.set(bucket, 1)
      }
    },
  }
}
