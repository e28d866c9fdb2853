import { namePrefixes, nameWords } from '../../src/server/store/searchTerms.js'
import type { SqlDriver } from '../../src/server/store/sql/sqlDriver.js'
import { benchNames } from '../benchUser.js'

// benchUser(i) in SQL, for every i in a range. name_lower comes from JavaScript's toLowerCase(),
// as the store writes it: the database's lower() follows its ctype and lowercases differently.
// search_prefixes and search_words likewise: namePrefixes() and nameWords() of each name part and of i
// (the trigger fills userkit_user_words from search_words).
const insertRange = `INSERT INTO userkit_users (uid, name, name_lower, role, metadata, tags, status, created_at, updated_at, search_prefixes, search_words)
  SELECT 'user-' || i,
    ($1::text[])[i % $5::int + 1] || ' ' || ($2::text[])[(i / $5::int) % $6::int + 1] || ' ' || i,
    ($3::text[])[i % $5::int + 1] || ' ' || ($4::text[])[(i / $5::int) % $6::int + 1] || ' ' || i,
    CASE WHEN i % 50 = 0 THEN 'admin' ELSE 'default' END,
    jsonb_build_object('department', 'dept-' || i % 7),
    ARRAY['team-' || i % 20],
    CASE WHEN i % 3 = 0 THEN 'online' ELSE 'offline' END,
    1800000000::bigint + i,
    1800000000::bigint + i,
    ARRAY(
      SELECT jsonb_array_elements_text($9::jsonb -> (i % $5::int))
      UNION SELECT jsonb_array_elements_text($10::jsonb -> ((i / $5::int) % $6::int))
      UNION SELECT left(i::text, n) FROM generate_series(1, length(i::text)) AS n
    ),
    ARRAY(
      SELECT jsonb_array_elements_text($11::jsonb -> (i % $5::int))
      UNION SELECT jsonb_array_elements_text($12::jsonb -> ((i / $5::int) % $6::int))
      UNION SELECT i::text
    )
  FROM generate_series($7::int, $8::int) AS i`

const CHUNK = 100_000

/**
 * Adds benchUser(from) … benchUser(to - 1) to the store's own table (its migrations must have run),
 * then vacuums and analyzes as autovacuum would.
 */
export async function growUsers(driver: SqlDriver, from: number, to: number): Promise<void> {
  const given = [...benchNames.given]
  const family = [...benchNames.family]
  const lower = (names: string[]): string[] => names.map((name) => name.toLowerCase())
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(start + CHUNK, to) - 1
    await driver.query(insertRange, [
      given,
      family,
      lower(given),
      lower(family),
      given.length,
      family.length,
      start,
      end,
      JSON.stringify(given.map(namePrefixes)),
      JSON.stringify(family.map(namePrefixes)),
      JSON.stringify(given.map(nameWords)),
      JSON.stringify(family.map(nameWords)),
    ])
  }
  // As autovacuum would: statistics, and the visibility map that lets index-only scans skip the heap.
  await driver.query('VACUUM (ANALYZE) userkit_users')
  await driver.query('VACUUM (ANALYZE) userkit_user_words')
}
