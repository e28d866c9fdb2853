import { createSqlStore } from './sql/createSqlStore.js'
import type { SqlDriver } from './sql/sqlDriver.js'
import type { UserStore } from './types.js'

interface PgliteQueryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>
}

/** What `pgliteStore` uses of a PGlite instance; typed here so that PGlite's types stay optional. */
export interface PgliteLike extends PgliteQueryable {
  transaction<T>(fn: (tx: PgliteQueryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface PgliteStoreOptions {
  /**
   * Where the database lives: a directory (created if missing) that survives restarts, or any
   * location PGlite understands (`idb://name` in a browser).
   * @default in memory, gone when the process ends
   */
  dataDir?: string
  /** An open PGlite instance to use instead; `close()` then leaves it open for its owner. */
  db?: PgliteLike
}

/**
 * The embedded default store: PostgreSQL in WebAssembly through `@electric-sql/pglite`, an optional
 * peer dependency loaded on first use. Runs the same SQL as a real PostgreSQL.
 * @example pgliteStore({ dataDir: './data/users' })
 */
export function pgliteStore(options: PgliteStoreOptions = {}): UserStore {
  return createSqlStore(pgliteDriver(options))
}

async function openPglite(dataDir: string | undefined): Promise<PgliteLike> {
  let PGlite: typeof import('@electric-sql/pglite').PGlite
  try {
    ;({ PGlite } = await import('@electric-sql/pglite'))
  } catch (cause) {
    throw new Error('pgliteStore needs @electric-sql/pglite: npm install @electric-sql/pglite', { cause })
  }
  // A plain path is a directory on disk; `idb://` and the like are PGlite's to handle.
  if (dataDir !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir)) {
    const { mkdir } = await import('node:fs/promises')
    await mkdir(dataDir, { recursive: true })
  }
  return (await PGlite.create(dataDir)) as PgliteLike
}

function pgliteDriver(options: PgliteStoreOptions): SqlDriver {
  let opening: Promise<PgliteLike> | undefined
  let closed = false
  const db = (): Promise<PgliteLike> => {
    if (closed) return Promise.reject(new Error('pgliteStore is closed'))
    if (options.db) return Promise.resolve(options.db)
    opening ??= openPglite(options.dataDir)
    return opening
  }

  return {
    async query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> {
      return (await db()).query<T>(sql, params)
    },
    async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
      return (await db()).transaction((tx) => fn(transactionDriver(tx)))
    },
    async close(): Promise<void> {
      if (closed) return
      closed = true
      const opened = await opening?.catch(() => undefined)
      await opened?.close()
    },
  }
}

// Inside a transaction PGlite's connection is taken: everything, nested transactions included,
// must go through `tx` or it would wait for itself.
function transactionDriver(tx: PgliteQueryable): SqlDriver {
  const driver: SqlDriver = {
    query: <T>(sql: string, params?: unknown[]) => tx.query<T>(sql, params),
    transaction: (fn) => fn(driver),
    close: () => Promise.reject(new Error('close() is not available inside a transaction')),
  }
  return driver
}
