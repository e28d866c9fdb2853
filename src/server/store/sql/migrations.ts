import { namePrefixes, nameWords } from '../searchTerms.js'
import type { SqlDriver } from './sqlDriver.js'

/** The hash of a picture this server stores, from a user's `avatar` (NULL for any other URL). */
export const avatarHashSql = `substring(avatar from '/v3\\.0/avatars/([0-9a-f]{64})\\.webp$')`

/** The users whose `avatar` may name a stored picture: the partial index's predicate. */
export const avatarPictureSql = `avatar LIKE '%/v3.0/avatars/%'`

export interface Migration {
  version: number
  name: string
  statements: readonly string[]
  /** Work SQL alone cannot do (what JavaScript computes), run after the statements in the same transaction. */
  backfill?: (tx: SqlDriver) => Promise<void>
}

// uid columns and name_lower are COLLATE "C": ordering is then code-point order on every server
// whatever its locale (memoryStore sorts the same way), and a plain btree index serves both the
// ORDER BY and `LIKE 'prefix%'`, which text_pattern_ops alone could not.
// name_lower is written by the store with JavaScript's toLowerCase(), not lower(): lower() follows
// the database's ctype (a "C" database leaves "É" as is; PGlite's C.UTF-8 turns a final "Σ" into
// "σ" where JavaScript gives "ς"), and search must match memoryStore exactly.
// Every name carries the userkit_ prefix: the tables often share a database with the app's own.
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'create users, tokens and blocks',
    statements: [
      `CREATE TABLE userkit_users (
        uid text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        name_lower text COLLATE "C" NOT NULL,
        avatar text,
        link text,
        role text NOT NULL,
        metadata jsonb,
        status_message text,
        tags text[],
        status text NOT NULL DEFAULT 'offline' CHECK (status IN ('online', 'offline')),
        last_active_at bigint,
        deactivated_at bigint,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL
      )`,
      'CREATE INDEX userkit_users_name_lower_idx ON userkit_users (name_lower, uid)',
      'CREATE INDEX userkit_users_tags_idx ON userkit_users USING gin (tags)',
      'CREATE INDEX userkit_users_role_idx ON userkit_users (role)',
      `CREATE TABLE userkit_tokens (
        hash text PRIMARY KEY,
        uid text COLLATE "C" NOT NULL,
        device_id text,
        created_at bigint NOT NULL
      )`,
      'CREATE INDEX userkit_tokens_uid_idx ON userkit_tokens (uid)',
      'CREATE UNIQUE INDEX userkit_tokens_uid_device_idx ON userkit_tokens (uid, device_id) WHERE device_id IS NOT NULL',
      `CREATE TABLE userkit_blocks (
        blocker text COLLATE "C" NOT NULL,
        blocked text COLLATE "C" NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (blocker, blocked)
      )`,
      'CREATE INDEX userkit_blocks_blocked_idx ON userkit_blocks (blocked)',
    ],
  },
  {
    version: 2,
    name: 'search by any word of the name',
    // search_prefixes: every prefix of every word of the name (searchTerms.ts), so that the words of
    // a key are equalities the GIN index intersects ("ada lov" finds "Ada Lovelace").
    // userkit_user_words: one row per word of each name, keyed by (word, name), kept by a trigger
    // from search_words; a one-word key walks it in name order (wordWalk.ts).
    statements: [
      'ALTER TABLE userkit_users ADD COLUMN search_prefixes text[], ADD COLUMN search_words text[]',
      'CREATE INDEX userkit_users_search_prefixes_idx ON userkit_users USING gin (search_prefixes)',
      `CREATE TABLE userkit_user_words (
        word text COLLATE "C" NOT NULL,
        sort_name text COLLATE "C" NOT NULL,
        user_uid text COLLATE "C" NOT NULL REFERENCES userkit_users (uid) ON DELETE CASCADE,
        PRIMARY KEY (word, sort_name, user_uid)
      )`,
      'CREATE INDEX userkit_user_words_user_idx ON userkit_user_words (user_uid)',
      `CREATE FUNCTION userkit_sync_user_words() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM userkit_user_words WHERE user_uid = NEW.uid;
          INSERT INTO userkit_user_words (word, sort_name, user_uid)
            SELECT DISTINCT word, NEW.name_lower, NEW.uid FROM unnest(NEW.search_words) AS word;
          RETURN NULL;
        END
      $$`,
      `CREATE TRIGGER userkit_user_words_on_insert AFTER INSERT ON userkit_users
        FOR EACH ROW EXECUTE FUNCTION userkit_sync_user_words()`,
      `CREATE TRIGGER userkit_user_words_on_update AFTER UPDATE ON userkit_users
        FOR EACH ROW WHEN (OLD.search_words IS DISTINCT FROM NEW.search_words OR OLD.name_lower IS DISTINCT FROM NEW.name_lower)
        EXECUTE FUNCTION userkit_sync_user_words()`,
    ],
    backfill: fillSearchColumns,
  },
  {
    version: 3,
    name: 'rate-limit counts shared by every instance',
    // UNLOGGED: a count lost in a crash costs at most one window's allowance, and the table takes a
    // write per counted request, which the write-ahead log would double.
    statements: [
      `CREATE UNLOGGED TABLE userkit_rate_limits (
        bucket text COLLATE "C" PRIMARY KEY,
        window_start bigint NOT NULL,
        count integer NOT NULL
      )`,
      'CREATE INDEX userkit_rate_limits_window_idx ON userkit_rate_limits (window_start)',
    ],
  },
  {
    version: 4,
    name: 'uploaded pictures',
    // Pictures beside the users, so a PGlite demo or a single PostgreSQL needs nothing else. The
    // expression index answers "does anyone still show this picture?" without reading every user.
    statements: [
      `CREATE TABLE userkit_avatars (
        hash text COLLATE "C" PRIMARY KEY,
        content_type text NOT NULL,
        bytes bytea NOT NULL,
        created_at bigint NOT NULL
      )`,
      `CREATE INDEX userkit_users_avatar_hash_idx ON userkit_users ((${avatarHashSql})) WHERE ${avatarPictureSql}`,
    ],
  },
  {
    version: 5,
    name: 'sort by created, updated, last active and role',
    // Keyed exactly as listUsersOrder sorts (uid last), so a page of any sort, either way, is an
    // index scan that stops after its rows.
    statements: [
      'CREATE INDEX userkit_users_created_idx ON userkit_users (created_at, uid)',
      'CREATE INDEX userkit_users_updated_idx ON userkit_users (updated_at, uid)',
      'CREATE INDEX userkit_users_last_active_idx ON userkit_users ((COALESCE(last_active_at, 0)), uid)',
      // role was created without COLLATE "C"; the sort names it so that every server orders roles by code point.
      'CREATE INDEX userkit_users_role_name_idx ON userkit_users ((role COLLATE "C"), name_lower, uid)',
    ],
  },
]

const BACKFILL_BATCH = 1000

// Names written before version 2 get their search columns here (the trigger their words), a batch
// per statement.
async function fillSearchColumns(tx: SqlDriver): Promise<void> {
  for (;;) {
    const { rows } = await tx.query<{ uid: string; name: string }>(
      'SELECT uid, name FROM userkit_users WHERE search_words IS NULL LIMIT $1',
      [BACKFILL_BATCH],
    )
    if (rows.length === 0) return
    const batch = Object.fromEntries(rows.map(({ uid, name }) => [uid, { prefixes: namePrefixes(name), words: nameWords(name) }]))
    await tx.query(
      `UPDATE userkit_users
        SET search_prefixes = ARRAY(SELECT jsonb_array_elements_text(batch.search -> 'prefixes')),
            search_words = ARRAY(SELECT jsonb_array_elements_text(batch.search -> 'words'))
        FROM jsonb_each($1::jsonb) AS batch(uid, search) WHERE userkit_users.uid = batch.uid`,
      [JSON.stringify(batch)],
    )
  }
}

// Any constant will do as long as nothing else in the database uses it for an advisory lock.
const MIGRATION_LOCK_KEY = 4_242_016_001

/**
 * Brings the schema up to date. Safe when several instances start at once: the advisory lock makes
 * them take turns, and each applies only the versions not yet recorded.
 */
export async function migrate(driver: SqlDriver, list: readonly Migration[] = migrations): Promise<number[]> {
  return driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY])
    await tx.query(
      `CREATE TABLE IF NOT EXISTS userkit_schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at bigint NOT NULL
      )`,
    )
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM userkit_schema_migrations')
    const done = new Set(rows.map((row) => Number(row.version)))
    const applied: number[] = []
    for (const migration of [...list].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue
      for (const statement of migration.statements) await tx.query(statement)
      await migration.backfill?.(tx)
      await tx.query('INSERT INTO userkit_schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Math.floor(Date.now() / 1000),
      ])
      applied.push(migration.version)
    }
    return applied
  })
}
