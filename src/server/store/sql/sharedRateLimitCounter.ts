import type { RateLimitCounter } from '../../options.js'
import type { SqlDriver } from './sqlDriver.js'

// One row per bucket, its current window and count. A hit in a later window starts it again at 1; a
// hit from an instance whose clock lags (an earlier window) counts toward the row's window, so no
// instance can move a window back and hand out a second full allowance.
const hitSql = `INSERT INTO userkit_rate_limits AS counted (bucket, window_start, count) VALUES ($1, $2, 1)
  ON CONFLICT (bucket) DO UPDATE SET
    count = CASE WHEN EXCLUDED.window_start > counted.window_start THEN 1 ELSE counted.count + 1 END,
    window_start = GREATEST(counted.window_start, EXCLUDED.window_start)
  RETURNING count`

/**
 * Counts requests in the database's `userkit_rate_limits` (migration 3), one statement per counted
 * request, so that every instance on the database draws on the same allowance: N instances allow the
 * configured limit, not N times it. Rows of buckets silent for a whole window are dropped once per
 * window by whichever instance moves on first.
 */
export function sharedRateLimitCounter(db: () => Promise<SqlDriver>): RateLimitCounter {
  let pruned = -Infinity
  return {
    async hit(bucket, windowStart, windowSeconds) {
      const sql = await db()
      if (windowStart > pruned) {
        pruned = windowStart
        // Not awaited: a request need not wait for the housekeeping, nor fail with it.
        sql.query('DELETE FROM userkit_rate_limits WHERE window_start < $1', [windowStart - windowSeconds], 'userkit_prune_rate_limits').catch(() => {})
      }
      const { rows } = await sql.query<{ count: number | string }>(hitSql, [bucket, windowStart], 'userkit_rate_limit_hit')
      return Number(rows[0]?.count ?? 1)
    },
  }
}
