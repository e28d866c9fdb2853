import { likePrefix } from '../../src/server/store/sql/listUsersQuery.js'
import type { SqlDriver } from '../../src/server/store/sql/sqlDriver.js'

// The search as it stood before word search (whole-name prefix on name_lower, uid prefix, an exact
// count of every match), run on the same table in the same run: the "before" the bench sets beside
// today's search. The name_lower index it walks is still there, for sorting.
const page = `SELECT uid FROM (
    (SELECT uid, name_lower FROM userkit_users WHERE name_lower LIKE $1 ESCAPE '\\' AND deactivated_at IS NULL ORDER BY name_lower, uid LIMIT 25)
    UNION
    (SELECT uid, name_lower FROM userkit_users WHERE uid LIKE $1 ESCAPE '\\' AND deactivated_at IS NULL ORDER BY name_lower, uid LIMIT 25)
  ) AS matched ORDER BY name_lower, uid LIMIT 25`
const total = `SELECT count(*) AS total FROM userkit_users WHERE (uid LIKE $1 ESCAPE '\\' OR name_lower LIKE $1 ESCAPE '\\') AND deactivated_at IS NULL`

/** The previous search's page and exact total for `key`; resolves how many users the page holds. */
export async function previousSearch(driver: SqlDriver, key: string): Promise<number> {
  const pattern = likePrefix(key)
  const [found] = await Promise.all([driver.query(page, [pattern]), driver.query(total, [pattern])])
  return found.rows.length
}
