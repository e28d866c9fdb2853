import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations, pgliteStore } from '../../src/server/store/index.js'
import type { ListUsersParams } from '../../src/server/store/index.js'
import { listUsersWhere } from '../../src/server/store/sql/listUsersQuery.js'
import { aUser, everyone, T0 } from './cases/fixtures.js'
import { describeStore } from './storeSuite.js'

// A fresh PGlite costs seconds and ~1 GB; reopening a data directory ~0.3 s. So the file makes one
// database, through pgliteStore on disk, then reopens it and shares it among all tests.
let dir: string
let db: PGlite
let firstStoreWrote: boolean[]
const persisted = aUser('ann', { name: 'Ann', metadata: { a: 1 }, tags: ['x'] })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'userkit-pglite-'))
  const dataDir = join(dir, 'not', 'yet', 'there')
  const first = pgliteStore({ dataDir })
  firstStoreWrote = [await first.createUser(persisted), await first.createUser(persisted)]
  await first.addToken({ hash: 'h', uid: 'ann', deviceId: 'phone', createdAt: T0 })
  await first.block('ann', ['bob'])
  await first.close()
  db = await PGlite.create(dataDir)
})

afterAll(async () => {
  await db?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('pgliteStore on disk', () => {
  it('keeps data across close and reopen, in a directory it created', async () => {
    expect(firstStoreWrote).toStrictEqual([true, false])
    const second = pgliteStore({ db })
    expect(await second.getUser('ann')).toStrictEqual(persisted)
    expect(await second.findToken('h')).toStrictEqual({ hash: 'h', uid: 'ann', deviceId: 'phone', createdAt: T0 })
    expect((await second.blockRelations('ann', ['bob'])).blockedByMe).toStrictEqual(new Set(['bob']))
    await second.close()
  })

  it('migrates only once across reopens and leaves a db it was given open', async () => {
    const store = pgliteStore({ db })
    expect(await store.getUser('ann')).not.toBeNull()
    await store.close()
    const { rows } = await db.query<{ version: number }>('SELECT version FROM userkit_schema_migrations ORDER BY version')
    expect(rows.map((row) => row.version)).toStrictEqual(migrations.map((m) => m.version))
  })

  it('closes without opening anything when never used', async () => {
    await expect(pgliteStore({ dataDir: join(dir, 'unused') }).close()).resolves.toBeUndefined()
  })
})

describe('pgliteStore named statements', () => {
  const prepared = async (instance: PGlite): Promise<string[]> =>
    (await instance.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'userkit_%' ORDER BY name")).rows.map((row) => row.name)
  // An instance of the test's own: what it prepared is then the test's doing alone.
  const withOwnPglite = async (test: (own: PGlite) => Promise<void>): Promise<void> => {
    const own = await PGlite.create()
    try {
      await test(own)
    } finally {
      await own.close()
    }
  }

  it('prepares its fixed statements once on the instance, and reads and writes through them as query() does', () =>
    withOwnPglite(async (own) => {
      const store = pgliteStore({ db: own })
      const ada = aUser('named-ada', { name: 'Ada', metadata: { a: [1, { b: 'ç' }] }, tags: ['x', 'y'], lastActiveAt: T0 })
      expect(await store.createUser(ada)).toBe(true)
      expect(await store.createUser(ada)).toBe(false)
      expect(await store.getUser('named-ada')).toStrictEqual(ada)
      await store.addToken({ hash: 'h1', uid: 'named-ada', deviceId: 'phone', createdAt: T0 })
      expect(await store.findTokenUser('h1')).toStrictEqual({ token: { hash: 'h1', uid: 'named-ada', deviceId: 'phone', createdAt: T0 }, user: ada })
      await store.setPresence('named-ada', 'online', T0 + 5)
      const outcome = await store.updateUser('named-ada', (user) => ({ ...user, name: 'Ada L', tags: ['z'] }))
      expect(outcome?.after).toMatchObject({ name: 'Ada L', tags: ['z'], status: 'online', lastActiveAt: T0 + 5 })
      expect(await prepared(own)).toStrictEqual([
        'userkit_add_token',
        'userkit_find_token_user',
        'userkit_get_user',
        'userkit_insert_user',
        'userkit_lock_user',
        'userkit_set_presence',
        'userkit_update_user',
      ])
      // A second store on the same instance reuses them rather than preparing them again (which PostgreSQL refuses).
      const second = pgliteStore({ db: own })
      expect((await second.getUser('named-ada'))?.name).toBe('Ada L')
      await store.close()
      await second.close()
    }))

  it('reports a failing named statement as query() would, and goes on serving', () =>
    withOwnPglite(async (own) => {
      const store = pgliteStore({ db: own })
      await store.createUser(aUser('fine'))
      await own.exec("ALTER TABLE userkit_users ADD CONSTRAINT no_bad CHECK (name <> 'bad')")
      await expect(store.updateUser('fine', (user) => ({ ...user, name: 'bad' }))).rejects.toMatchObject({ code: '23514' })
      await expect(store.setPresence('fine', 'away' as 'online', T0)).rejects.toMatchObject({ code: '23514' })
      expect(await store.getUser('fine')).toMatchObject({ uid: 'fine', status: 'offline' })
      await store.close()
    }))

  it('goes through query() alone with preparedStatements: false', () =>
    withOwnPglite(async (own) => {
      const store = pgliteStore({ db: own, preparedStatements: false })
      await store.createUser(aUser('plain'))
      expect((await store.getUser('plain'))?.uid).toBe('plain')
      expect(await prepared(own)).toStrictEqual([])
      await store.close()
    }))
})

describe('pgliteStore on the shared instance', () => {
  describeStore('pgliteStore', async () => {
    const store = pgliteStore({ db })
    await store.getUser('') // runs the migrations on first use
    await db.exec('TRUNCATE userkit_users, userkit_user_words, userkit_tokens, userkit_blocks, userkit_rate_limits, userkit_avatars')
    return store
  })

  describe('schema', () => {
    async function plan(params: Partial<ListUsersParams>): Promise<string> {
      const where = listUsersWhere({ ...everyone, ...params })
      await db.exec('SET enable_seqscan = off')
      try {
        const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT uid FROM userkit_users ${where.sql}`, where.params)
        return rows.map((row) => row['QUERY PLAN']).join('\n')
      } finally {
        await db.exec('RESET enable_seqscan')
      }
    }

    it('answers searches, tags and roles from indexes', async () => {
      const store = pgliteStore({ db })
      await store.createUser(aUser('ab', { name: 'Ab' }))
      expect(await plan({ search: { key: 'lov ad', in: ['name'] } })).toMatch(/Index.*userkit_users_search_prefixes_idx/)
      expect(await plan({ search: { key: 'a', in: ['uid'] } })).toMatch(/Index.*users_pkey/)
      const both = await plan({ search: { key: 'a', in: [] } })
      expect(both).toMatch(/userkit_users_search_prefixes_idx/)
      expect(both).toMatch(/users_pkey/)
      expect(await plan({ tags: ['x'] })).toMatch(/Index.*userkit_users_tags_idx/)
      expect(await plan({ roles: ['admin'] })).toMatch(/Index.*userkit_users_role_idx/)
      await store.close()
    })

    it('walks the words table in name order for a one-word name search, page and capped count', async () => {
      const store = pgliteStore({ db })
      await store.createUser(aUser('walker', { name: 'Ada Lovelace' }))
      const { listUsersCount, listUsersPage } = await import('../../src/server/store/sql/listUsersPage.js')
      const params = { ...everyone, search: { key: 'lov', in: [] as ('uid' | 'name')[] }, countUpTo: 1000 }
      for (const query of [listUsersPage(params), listUsersCount(params)]) {
        const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, query.params)
        expect(rows.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/userkit_user_words_pkey/)
      }
      const words = await db.query<{ word: string }>("SELECT word FROM userkit_user_words WHERE user_uid = 'walker' ORDER BY word")
      expect(words.rows.map((row) => row.word)).toStrictEqual(['ada', 'lovelace'])
      await store.updateUser('walker', (user) => ({ ...user, name: 'Ada King' }))
      const renamed = await db.query<{ word: string }>("SELECT word FROM userkit_user_words WHERE user_uid = 'walker' ORDER BY word")
      expect(renamed.rows.map((row) => row.word)).toStrictEqual(['ada', 'king'])
      await store.deleteUser('walker')
      expect((await db.query("SELECT 1 FROM userkit_user_words WHERE user_uid = 'walker'")).rows).toStrictEqual([])
      await store.close()
    })

    it('fills the search words of users written before search by word existed', async () => {
      await db.exec('DROP TABLE userkit_avatars, userkit_user_words, userkit_users, userkit_tokens, userkit_blocks, userkit_rate_limits, userkit_avatars, userkit_schema_migrations; DROP FUNCTION userkit_sync_user_words')
      // The schema as version 1 left it.
      for (const statement of migrations[0]!.statements) await db.exec(statement)
      await db.exec('CREATE TABLE userkit_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)')
      await db.exec("INSERT INTO userkit_schema_migrations VALUES (1, 'v1', 0)")
      await db.query(
        `INSERT INTO userkit_users (uid, name, name_lower, role, created_at, updated_at)
          SELECT 'old-' || i, 'Grace Hopper ' || i, 'grace hopper ' || i, 'default', 0, 0 FROM generate_series(1, 2500) AS i`,
      )
      const store = pgliteStore({ db })
      const found = await store.listUsers({ ...everyone, search: { key: 'hop 2499', in: ['name'] } })
      expect(found.users.map((user) => user.uid)).toStrictEqual(['old-2499'])
      const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM userkit_users WHERE search_prefixes IS NULL OR search_words IS NULL')
      expect(rows[0]?.count).toBe(0)
      const walked = await store.listUsers({ ...everyone, search: { key: 'hopper', in: ['name'] }, limit: 2 })
      expect(walked.users.map((user) => user.uid)).toStrictEqual(['old-1', 'old-10'])
      await store.close()
    })

    it('migrates once when several stores start at once on an empty database', async () => {
      await db.exec('DROP TABLE userkit_avatars, userkit_user_words, userkit_users, userkit_tokens, userkit_blocks, userkit_rate_limits, userkit_avatars, userkit_schema_migrations; DROP FUNCTION userkit_sync_user_words')
      const stores = Array.from({ length: 3 }, () => pgliteStore({ db }))
      const created = await Promise.all(stores.map((store, i) => store.createUser(aUser(`u${i}`))))
      expect(created).toStrictEqual([true, true, true])
      const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM userkit_schema_migrations')
      expect(rows[0]?.count).toBe(migrations.length)
      await Promise.all(stores.map((store) => store.close()))
    })
  })
})
