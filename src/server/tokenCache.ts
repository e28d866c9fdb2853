import type { EventBus, UserEventNotice } from './events/types.js'
import type { StoredUser } from './store/types.js'

/** What a token resolved to: its user as read, and when the token was issued (for its expiry). */
export interface CachedToken {
  user: StoredUser
  createdAt: number
}

export interface TokenCache {
  get(hash: string): CachedToken | undefined
  /** Taken before reading the store: a `set` with it is dropped if a notice came meanwhile. */
  mark(): number
  set(hash: string, found: CachedToken, mark: number): void
  /** The user as this request left it (a presence write), for the entries of that token. */
  refresh(hash: string, user: StoredUser): void
}

export interface TokenCacheOptions {
  seconds: number
  now: () => number
  /** The bus every instance publishes on: what changes a user or a token anywhere drops its entries here. */
  bus: EventBus
  report: (error: unknown) => void
  /** Entries kept at most; the oldest go first. */
  maxEntries?: number
}

/**
 * Token → user for `seconds`, so a signed-in user's requests skip the token lookup. Only tokens
 * found are kept (an unknown one always asks the store), and every notice about a user, from any
 * instance (revocation, logout, deactivation, a role or any other change, a token pruned), drops
 * that user's entries; until the bus is listening, and after it may have missed notices, nothing
 * is served from here. What the bus cannot carry (a row changed by hand in the database) lasts at
 * most `seconds`.
 */
export function createTokenCache({ seconds, now, bus, report, maxEntries = 10_000 }: TokenCacheOptions): TokenCache {
  const entries = new Map<string, CachedToken & { until: number }>()
  const byUser = new Map<string, Set<string>>()
  let listening = false
  // Notices heard so far: a read that started before one may hold what it changed (a revoked token).
  let heardCount = 0

  const drop = (hash: string): void => {
    const entry = entries.get(hash)
    if (!entry) return
    entries.delete(hash)
    const hashes = byUser.get(entry.user.uid)
    hashes?.delete(hash)
    if (hashes?.size === 0) byUser.delete(entry.user.uid)
  }
  const dropUser = (uid: string): void => {
    for (const hash of [...(byUser.get(uid) ?? [])]) drop(hash)
  }
  const heard = (notice: UserEventNotice): void => {
    heardCount++
    if (notice.type === 'tokens.revoked' && notice.tokenHash !== undefined) drop(notice.tokenHash)
    else dropUser(notice.uid)
  }
  bus.subscribe(heard, () => {
    heardCount++
    entries.clear()
    byUser.clear()
  }).then(
    () => void (listening = true),
    (error: unknown) => report(error),
  )

  return {
    get(hash) {
      const entry = entries.get(hash)
      if (!entry) return undefined
      if (!listening || entry.until <= now()) {
        drop(hash)
        return undefined
      }
      return entry
    },
    mark: () => heardCount,
    set(hash, found, mark) {
      if (!listening || mark !== heardCount) return
      drop(hash)
      if (entries.size >= maxEntries) drop(entries.keys().next().value!)
      entries.set(hash, { ...found, until: now() + seconds })
      let hashes = byUser.get(found.user.uid)
      if (!hashes) byUser.set(found.user.uid, (hashes = new Set()))
      hashes.add(hash)
    },
    refresh(hash, user) {
      const entry = entries.get(hash)
      if (entry && entry.user.uid === user.uid) entry.user = user
    },
  }
}
