import { createHash } from 'node:crypto'
import type { SqlDriver } from '../../src/server/store/sql/sqlDriver.js'

/** The auth token of user-<i>, for the first `count` users (varyRequest.cts spells it out again). */
export const benchToken = (i: number): string => `bench-token-${i}`

/** Gives user-0 … user-(count - 1) a token each and signs them in (online, active now), as a login would. */
export async function seedTokens(driver: SqlDriver, count: number, now: number): Promise<void> {
  const uids = Array.from({ length: count }, (_, i) => `user-${i}`)
  const hashes = uids.map((_, i) => createHash('sha256').update(benchToken(i)).digest('hex'))
  await driver.query(
    `INSERT INTO userkit_tokens (hash, uid, created_at) SELECT hash, uid, $3::bigint FROM unnest($1::text[], $2::text[]) AS t(hash, uid)
      ON CONFLICT (hash) DO NOTHING`,
    [hashes, uids, now],
  )
  await driver.query(`UPDATE userkit_users SET status = 'online', last_active_at = $2 WHERE uid = ANY($1::text[])`, [uids, now])
}
