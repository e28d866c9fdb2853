import { PGlite } from '@electric-sql/pglite'
import { memoryStore, pgliteStore, type UserStore } from '../../src/server/index.js'

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
        await db.exec('TRUNCATE userkit_users, userkit_tokens, userkit_blocks')
      },
      close: async () => {
        await store.close()
        await db.close()
      },
      sql: async (query: string) => (await db.query(query)).rows,
    }
  },
}

/** Every store the contract suite runs against. PostgreSQL joins with [E]. */
export const storeKits: StoreKit[] = [memory, pglite]
