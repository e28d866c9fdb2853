import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { memoryStore, pgliteStore, postgresStore, type UserStore } from '../../src/server/index.js'
import { createTestDatabase } from '../setup/postgresDatabase.js'

/** A store under test, fresh for each test through `reset`. */
export interface StoreKit {
  name: string
  open(): Promise<{
    store: () => UserStore
    reset(): Promise<void>
    close(): Promise<void>
    /** Raw SQL against the store's database (SQL stores only), for tests that inspect what is stored. */
    sql?: (query: string) => Promise<unknown[]>
  }>
}

const memory: StoreKit = {
  name: 'memory',
  async open() {
    let store = memoryStore()
    return {
      store: () => store,
      reset: async () => {
        store = memoryStore()
      },
      close: async () => store.close(),
    }
  },
}

// One PGlite per test file (it costs seconds and ~1 GB to start); tables are emptied between tests.
const pglite: StoreKit = {
  name: 'pglite',
  async open() {
    const db = await PGlite.create()
    const store = pgliteStore({ db })
    await store.getUser('warm-up') // runs the migrations
    return {
      store: () => store,
      reset: async () => {
        await db.exec('TRUNCATE userkit_users, userkit_user_words, userkit_tokens, userkit_blocks, userkit_rate_limits, userkit_avatars')
      },
      close: async () => {
        await store.close()
        await db.close()
      },
      sql: async (query: string) => (await db.query(query)).rows,
    }
  },
}

// A database per test file on the throwaway cluster of test/setup/postgres.ts (files run in parallel),
// one pool for the file; tables are emptied between tests.
const postgres: StoreKit = {
  name: 'postgres',
  async open() {
    const database = await createTestDatabase()
    const pool = new pg.Pool({ connectionString: database.url, max: 4 })
    const store = postgresStore({ pool })
    await store.getUser('warm-up') // runs the migrations
    return {
      store: () => store,
      reset: async () => {
        await pool.query('TRUNCATE userkit_users, userkit_user_words, userkit_tokens, userkit_blocks, userkit_rate_limits, userkit_avatars')
      },
      close: async () => {
        await store.close()
        await pool.end()
        await database.drop()
      },
      sql: async (query: string) => (await pool.query(query)).rows,
    }
  },
}

/** Every store the contract suite runs against. */
export const storeKits: StoreKit[] = [memory, pglite, postgres]
