import type { SqlDriver } from '../store/sql/sqlDriver.js'
import type { AvatarStore } from './types.js'

/** Pictures in the `userkit_avatars` table (migration 4), beside the users in the same database. */
export function sqlAvatarStore(db: () => Promise<SqlDriver>): AvatarStore {
  return {
    async put(avatar) {
      await (await db()).query(
        `INSERT INTO userkit_avatars (hash, content_type, bytes, created_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT (hash) DO NOTHING`,
        [avatar.hash, avatar.contentType, avatar.bytes, Math.floor(Date.now() / 1000)],
        'userkit_put_avatar',
      )
    },
    async get(hash) {
      const { rows } = await (await db()).query<{ content_type: string; bytes: Uint8Array }>(
        'SELECT content_type, bytes FROM userkit_avatars WHERE hash = $1',
        [hash],
        'userkit_get_avatar',
      )
      const row = rows[0]
      return row ? { hash, contentType: row.content_type as 'image/webp', bytes: new Uint8Array(row.bytes) } : null
    },
    async delete(hash) {
      await (await db()).query('DELETE FROM userkit_avatars WHERE hash = $1', [hash], 'userkit_delete_avatar')
    },
  }
}
