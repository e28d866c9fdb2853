import type { UserStatus } from '../../../model/index.js'
import type { BlockRelations, ListUsersParams, ListUsersResult, StoredUser, TokenRecord, UpdateOutcome, UserSeenBy, UserStore } from '../types.js'
import { sqlAvatarStore } from '../../avatars/sqlAvatarStore.js'
import { listUsersCount, listUsersPage } from './listUsersPage.js'
import { avatarHashSql, avatarPictureSql, migrate } from './migrations.js'
import { sharedRateLimitCounter } from './sharedRateLimitCounter.js'
import { rowToToken, rowToUser, userColumns, userValues, writableColumns } from './rows.js'
import type { TokenRow, UserRow } from './rows.js'
import type { SqlDriver } from './sqlDriver.js'

const insertUserSql = `INSERT INTO userkit_users (${writableColumns.map(([name]) => name).join(', ')})
  VALUES (${writableColumns.map(([, type], i) => `$${i + 1}::${type}`).join(', ')})
  ON CONFLICT (uid) DO NOTHING RETURNING uid`

// uid ($1) is the key and is never rewritten.
const updateUserSql = `UPDATE userkit_users SET ${writableColumns
  .slice(1)
  .map(([name, type], i) => `${name} = $${i + 2}::${type}`)
  .join(', ')} WHERE uid = $1 RETURNING ${userColumns}`

const qualifiedUserColumns = userColumns
  .split(', ')
  .map((column) => `u.${column}`)
  .join(', ')

const avatarInUseSql = `SELECT EXISTS (SELECT 1 FROM userkit_users WHERE ${avatarPictureSql} AND ${avatarHashSql} = $1) AS used`

const nowSeconds = (): number => Math.floor(Date.now() / 1000)

/**
 * A `UserStore` over any PostgreSQL (15 or later, PGlite included) reached through `driver`.
 * The schema is migrated on first use. `sharedCounter`: the database is shared by several server
 * instances, whose rate limits it should then count (`sharedRateLimitCounter.ts`).
 */
export function createSqlStore(driver: SqlDriver, options: { sharedCounter?: boolean } = {}): UserStore {
  let ready: Promise<unknown> | undefined
  // A failed migration (database away) is retried by the next call instead of failing forever.
  const db = async (): Promise<SqlDriver> => {
    ready ??= migrate(driver).catch((error: unknown) => {
      ready = undefined
      throw error
    })
    await ready
    return driver
  }

  return {
    ...(options.sharedCounter ? { sharedRateLimitCounter: () => sharedRateLimitCounter(db) } : {}),

    async createUser(user: StoredUser): Promise<boolean> {
      const { rows } = await (await db()).query(insertUserSql, userValues(user), 'userkit_insert_user')
      return rows.length === 1
    },

    async getUser(uid: string): Promise<StoredUser | null> {
      const { rows } = await (await db()).query<UserRow>(`SELECT ${userColumns} FROM userkit_users WHERE uid = $1`, [uid], 'userkit_get_user')
      return rows[0] ? rowToUser(rows[0]) : null
    },

    async listUsers(params: ListUsersParams): Promise<ListUsersResult> {
      const sql = await db()
      const page = listUsersPage(params)
      if (params.withoutTotal) {
        const { rows } = await sql.query<UserRow>(page.sql, page.params)
        return { users: rows.map(rowToUser), total: rows.length }
      }
      const count = listUsersCount(params)
      // Apart, not as a window count over the page: that would read every match to return 25.
      const [{ rows }, counted] = await Promise.all([
        sql.query<UserRow>(page.sql, page.params),
        sql.query<{ total: string | number }>(count.sql, count.params),
      ])
      const total = Number(counted.rows[0]?.total ?? 0)
      const cap = params.countUpTo
      if (cap !== undefined && total > cap) return { users: rows.map(rowToUser), total: cap, totalCapped: true }
      return { users: rows.map(rowToUser), total }
    },

    async updateUser(uid: string, change: (current: StoredUser) => StoredUser | null): Promise<UpdateOutcome | null> {
      return (await db()).transaction(async (tx) => {
        const { rows } = await tx.query<UserRow>(`SELECT ${userColumns} FROM userkit_users WHERE uid = $1 FOR UPDATE`, [uid], 'userkit_lock_user')
        if (!rows[0]) return null
        const before = rowToUser(rows[0])
        const next = change(rowToUser(rows[0]))
        if (next === null) return { before, after: null }
        const updated = await tx.query<UserRow>(updateUserSql, userValues({ ...next, uid }), 'userkit_update_user')
        return { before, after: updated.rows[0] ? rowToUser(updated.rows[0]) : null }
      })
    },

    async setPresence(uid: string, status: UserStatus, lastActiveAt: number): Promise<void> {
      await (await db()).query('UPDATE userkit_users SET status = $2, last_active_at = $3 WHERE uid = $1', [uid, status, lastActiveAt], 'userkit_set_presence')
    },

    async deleteUser(uid: string): Promise<boolean> {
      return (await db()).transaction(async (tx) => {
        await tx.query('DELETE FROM userkit_tokens WHERE uid = $1', [uid])
        await tx.query('DELETE FROM userkit_blocks WHERE blocker = $1 OR blocked = $1', [uid])
        const { rows } = await tx.query('DELETE FROM userkit_users WHERE uid = $1 RETURNING uid', [uid])
        return rows.length === 1
      })
    },

    async addToken(token: TokenRecord): Promise<void> {
      const values = [token.hash, token.uid, token.deviceId ?? null, token.createdAt]
      // One statement instead of delete-then-insert: two logins racing on one device cannot both
      // pass the delete and then collide on the unique index.
      await (await db()).query(
        `INSERT INTO userkit_tokens (hash, uid, device_id, created_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT (uid, device_id) WHERE device_id IS NOT NULL
          DO UPDATE SET hash = EXCLUDED.hash, created_at = EXCLUDED.created_at`,
        values,
        'userkit_add_token',
      )
    },

    async findToken(hash: string): Promise<TokenRecord | null> {
      const { rows } = await (await db()).query<TokenRow>(
        'SELECT hash, uid, device_id, created_at FROM userkit_tokens WHERE hash = $1',
        [hash],
        'userkit_find_token',
      )
      return rows[0] ? rowToToken(rows[0]) : null
    },

    async findTokenUser(hash: string): Promise<{ token: TokenRecord; user: StoredUser } | null> {
      const { rows } = await (await db()).query<UserRow & { token_device_id: string | null; token_created_at: string | number }>(
        `SELECT ${qualifiedUserColumns}, t.device_id AS token_device_id, t.created_at AS token_created_at
          FROM userkit_tokens t JOIN userkit_users u ON u.uid = t.uid WHERE t.hash = $1`,
        [hash],
        'userkit_find_token_user',
      )
      const row = rows[0]
      if (!row) return null
      const token = rowToToken({ hash, uid: row.uid, device_id: row.token_device_id, created_at: row.token_created_at })
      return { token, user: rowToUser(row) }
    },

    async deleteToken(hash: string): Promise<boolean> {
      const { rows } = await (await db()).query('DELETE FROM userkit_tokens WHERE hash = $1 RETURNING hash', [hash], 'userkit_delete_token')
      return rows.length === 1
    },

    async deleteTokensOf(uid: string): Promise<number> {
      const { rows } = await (await db()).query<{ count: string | number }>(
        'WITH deleted AS (DELETE FROM userkit_tokens WHERE uid = $1 RETURNING 1) SELECT count(*) AS count FROM deleted',
        [uid],
      )
      return Number(rows[0]?.count ?? 0)
    },

    async pruneTokens(uid: string, keep: number, createdBefore: number): Promise<number> {
      const { rows } = await (await db()).query<{ count: string | number }>(
        `WITH ranked AS (
           SELECT hash, created_at, row_number() OVER (ORDER BY created_at DESC, hash DESC) AS position
             FROM userkit_tokens WHERE uid = $1
         ), deleted AS (
           DELETE FROM userkit_tokens WHERE hash IN (SELECT hash FROM ranked WHERE created_at < $2 OR position > $3) RETURNING 1
         ) SELECT count(*) AS count FROM deleted`,
        [uid, createdBefore, keep],
      )
      return Number(rows[0]?.count ?? 0)
    },

    async block(blocker: string, uids: readonly string[]): Promise<void> {
      if (uids.length === 0) return
      await (await db()).query(
        `INSERT INTO userkit_blocks (blocker, blocked, created_at)
          SELECT DISTINCT $1::text, blocked, $3::bigint FROM unnest($2::text[]) AS blocked
          ON CONFLICT (blocker, blocked) DO NOTHING`,
        [blocker, uids, nowSeconds()],
      )
    },

    async unblock(blocker: string, uids: readonly string[]): Promise<void> {
      if (uids.length === 0) return
      await (await db()).query('DELETE FROM userkit_blocks WHERE blocker = $1 AND blocked = ANY($2::text[])', [blocker, uids])
    },

    async blockRelations(viewer: string, uids: readonly string[]): Promise<BlockRelations> {
      const relations: BlockRelations = { blockedByMe: new Set(), hasBlockedMe: new Set() }
      if (uids.length === 0) return relations
      const { rows } = await (await db()).query<{ blocker: string; blocked: string }>(
        `SELECT blocker, blocked FROM userkit_blocks
          WHERE (blocker = $1 AND blocked = ANY($2::text[])) OR (blocked = $1 AND blocker = ANY($2::text[]))`,
        [viewer, uids],
        'userkit_block_relations',
      )
      for (const { blocker, blocked } of rows) {
        if (blocker === viewer) relations.blockedByMe.add(blocked)
        if (blocked === viewer) relations.hasBlockedMe.add(blocker)
      }
      return relations
    },

    async getUserSeenBy(uid: string, viewer: string): Promise<UserSeenBy | null> {
      const { rows } = await (await db()).query<UserRow & { blocked_by_me: boolean; has_blocked_me: boolean }>(
        `SELECT ${userColumns},
            EXISTS (SELECT 1 FROM userkit_blocks WHERE blocker = $2 AND blocked = $1) AS blocked_by_me,
            EXISTS (SELECT 1 FROM userkit_blocks WHERE blocker = $1 AND blocked = $2) AS has_blocked_me
          FROM userkit_users WHERE uid = $1`,
        [uid, viewer],
        'userkit_get_user_seen_by',
      )
      const row = rows[0]
      return row ? { user: rowToUser(row), blockedByMe: row.blocked_by_me, hasBlockedMe: row.has_blocked_me } : null
    },

    avatars: sqlAvatarStore(db),

    async avatarInUse(hash: string): Promise<boolean> {
      const { rows } = await (await db()).query<{ used: boolean }>(avatarInUseSql, [hash], 'userkit_avatar_in_use')
      return rows[0]?.used === true
    },

    async close(): Promise<void> {
      await driver.close()
    },
  }
}
