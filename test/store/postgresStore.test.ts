import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { StoreUnavailableError } from '../../src/server/index.js'
import { migrations, postgresStore } from '../../src/server/store/index.js'
import { createTestDatabase, type TestDatabase } from '../setup/postgresDatabase.js'
import { aUser } from './cases/fixtures.js'
import { describeStore } from './storeSuite.js'

// A database of this file's own on the throwaway cluster (test/setup/postgres.ts), one pool shared by all tests.
let database: TestDatabase
let pool: pg.Pool

beforeAll(async () => {
  database = await createTestDatabase()
  pool = new pg.Pool({ connectionString: database.url, max: 4 })
})

afterAll(async () => {
  await pool?.end()
  await database?.drop()
})

describeStore('postgresStore', async () => {
  const store = postgresStore({ pool })
  await store.getUser('') // runs the migrations on first use
  await pool.query('TRUNCATE userkit_users, userkit_user_words, userkit_tokens, userkit_blocks, userkit_rate_limits, userkit_avatars')
  return store
})

describe('postgresStore', () => {
  it('prepares its fixed statements once per connection, unless preparedStatements is false', async () => {
    const preparedOn = async (preparedStatements: boolean): Promise<string[]> => {
      // One connection: the statements the store prepared are the ones that connection lists.
      const single = new pg.Pool({ connectionString: database.url, max: 1 })
      try {
        const store = postgresStore({ pool: single, preparedStatements })
        await store.createUser(aUser(`prep-${preparedStatements}`))
        await store.getUser(`prep-${preparedStatements}`)
        await store.getUser(`prep-${preparedStatements}`)
        await store.findToken('none')
        await store.setPresence(`prep-${preparedStatements}`, 'online', 1)
        const { rows } = await single.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name')
        return rows.map((row) => row.name)
      } finally {
        await single.end()
      }
    }
    expect(await preparedOn(true)).toStrictEqual(['userkit_find_token', 'userkit_get_user', 'userkit_insert_user', 'userkit_set_presence'])
    expect(await preparedOn(false)).toStrictEqual([])
  })

  it('leaves a pool it was given open, and refuses work once closed', async () => {
    const store = postgresStore({ pool })
    expect(await store.createUser(aUser('given-pool'))).toBe(true)
    await store.close()
    await expect(store.getUser('given-pool')).rejects.toThrow('postgresStore is closed')
    const { rows } = await pool.query<{ uid: string }>("SELECT uid FROM userkit_users WHERE uid = 'given-pool'")
    expect(rows).toStrictEqual([{ uid: 'given-pool' }])
  })

  it('opens a pool of its own from a connection string, and ends it on close', async () => {
    const url = new URL(database.url)
    url.searchParams.set('application_name', 'userkit_own_pool')
    const store = postgresStore({ connectionString: url.toString(), max: 2 })
    await Promise.all(['a', 'b', 'c'].map((uid) => store.createUser(aUser(`own-${uid}`))))
    const connections = async (): Promise<number> => {
      const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'userkit_own_pool'")
      return rows[0]!.n
    }
    expect(await connections()).toBeGreaterThan(0)
    expect(await connections()).toBeLessThanOrEqual(2)
    await store.close()
    await vi.waitFor(async () => expect(await connections()).toBe(0))
    await store.close() // a second close is harmless
  })

  it('closes without connecting when never used', async () => {
    await expect(postgresStore({ connectionString: 'postgres://nobody@127.0.0.1:1/none' }).close()).resolves.toBeUndefined()
  })

  it('rejects promptly, naming the database, when it does not exist', async () => {
    const url = new URL(database.url)
    url.pathname = '/userkit_no_such_database'
    const store = postgresStore({ connectionString: url.toString() })
    const started = Date.now()
    await expect(store.getUser('ann')).rejects.toThrow('database "userkit_no_such_database" does not exist')
    // A failed migration is not cached: the next call tries again, and fails the same way.
    await expect(store.getUser('ann')).rejects.toThrow('does not exist')
    expect(Date.now() - started).toBeLessThan(5_000)
    await store.close()
  })

  it('rejects promptly when nothing listens at the address', async () => {
    const store = postgresStore({ connectionString: 'postgres://nobody@127.0.0.1:1/none' })
    const failure = await store.getUser('ann').catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(StoreUnavailableError)
    expect((failure as Error).cause).toMatchObject({ code: 'ECONNREFUSED' })
    await store.close()
  })

  it('rolls back a failed transaction and gives its connection back to the pool', async () => {
    const single = new pg.Pool({ connectionString: database.url, max: 1 })
    const store = postgresStore({ pool: single })
    await store.createUser(aUser('tx', { name: 'Before' }))
    const failing = store.updateUser('tx', () => {
      throw new Error('change refused')
    })
    await expect(failing).rejects.toThrow('change refused')
    // With one connection, a client kept checked out (or left inside BEGIN) would block or leak here.
    expect((await store.getUser('tx'))?.name).toBe('Before')
    expect((await store.updateUser('tx', (user) => ({ ...user, name: 'After' })))?.after?.name).toBe('After')
    // Inside a leftover transaction now() would be that transaction's start, not this statement's.
    const { rows } = await single.query<{ fresh: boolean }>('SELECT now() = statement_timestamp() AS fresh')
    expect(rows[0]?.fresh).toBe(true)
    await store.close()
    await single.end()
  })

  it('migrates once when several stores start at once on an empty database', async () => {
    const empty = await createTestDatabase()
    const stores = Array.from({ length: 3 }, () => postgresStore({ connectionString: empty.url, max: 2 }))
    try {
      const created = await Promise.all(stores.map((store, i) => store.createUser(aUser(`u${i}`))))
      expect(created).toStrictEqual([true, true, true])
      expect((await stores[0]!.listUsers({ limit: 10, offset: 0, deactivated: 'include', sortBy: 'name', sortOrder: 'asc' })).total).toBe(3)
      const { rows } = await pool.query<{ ok: boolean }>('SELECT true AS ok') // the shared pool is unaffected
      expect(rows).toStrictEqual([{ ok: true }])
    } finally {
      await Promise.all(stores.map((store) => store.close()))
    }
    const check = new pg.Client({ connectionString: empty.url })
    await check.connect()
    const { rows } = await check.query<{ version: number }>('SELECT version FROM userkit_schema_migrations ORDER BY version')
    await check.end()
    expect(rows.map((row) => row.version)).toStrictEqual(migrations.map((m) => m.version))
    await empty.drop()
  })
})
