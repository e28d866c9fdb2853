import { createSqlStore } from './sql/createSqlStore.js'
import type { SqlDriver } from './sql/sqlDriver.js'
import type { UserStore } from './types.js'
import { isPgliteFault, isWasmTrap } from './pgliteFault.js'
import { pgliteStatements, speaksProtocol } from './pgliteStatements.js'
import { makePrivateDirectory } from './privateDirectory.js'
import { StoreUnavailableError, unlessUnavailable } from './storeUnavailable.js'

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
  /**
   * Told when an existing data directory was readable by others and has been made owner-only.
   * @default console.warn
   */
  onNotice?: (line: string) => void
  /**
   * Run the store's fixed statements (user and token lookups, presence, updates) as named ones,
   * parsed and planned once per instance, through PGlite's extended protocol. Off, every statement
   * goes through `query()`, which parses and plans it again each time.
   * @default true
   */
  preparedStatements?: boolean
}

/**
 * The embedded default store: PostgreSQL in WebAssembly through `@electric-sql/pglite`, an optional
 * peer dependency loaded on first use. Runs the same SQL as a real PostgreSQL.
 * @example pgliteStore({ dataDir: './data/users' })
 */
export function pgliteStore(options: PgliteStoreOptions = {}): UserStore {
  return createSqlStore(pgliteDriver(options))
}

async function openPglite(dataDir: string | undefined, notice: (line: string) => void): Promise<PgliteLike> {
  let PGlite: typeof import('@electric-sql/pglite').PGlite
  try {
    ;({ PGlite } = await import('@electric-sql/pglite'))
  } catch (cause) {
    throw new Error('pgliteStore needs @electric-sql/pglite: npm install @electric-sql/pglite', { cause })
  }
  if (dataDir === undefined || isLocation(dataDir)) return (await PGlite.create(dataDir)) as PgliteLike
  // The files hold token hashes and private metadata: the owner's alone, before and after PGlite
  // writes them (it creates files 0666; those made later sit in a folder no one else can enter).
  const tightened = await makePrivateDirectory(dataDir)
  if (tightened > 0) notice(`userkit: ${dataDir} was readable by other users; made ${tightened} entries of it owner-only (0700/0600).`)
  const db = (await PGlite.create(dataDir)) as PgliteLike
  await makePrivateDirectory(dataDir)
  return db
}

// A plain path is a directory on disk; `idb://` and the like are PGlite's to handle.
function isLocation(dataDir: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir)
}

/** The driver under `pgliteStore`; exported for the load bench, which counts what passes through it. */
export function pgliteDriver(options: PgliteStoreOptions): SqlDriver {
  let opening: Promise<PgliteLike> | undefined
  let closed = false
  // PGlite cannot come back in-process from a trap of its WebAssembly: from then on every call is
  // refused as unavailable (503) until the process restarts and reopens the data directory.
  let trapped: unknown
  const db = (): Promise<PgliteLike> => {
    if (trapped !== undefined) {
      return Promise.reject(new StoreUnavailableError('The embedded database stopped; restart the server.', { cause: trapped }))
    }
    if (closed) return Promise.reject(new Error('pgliteStore is closed'))
    if (options.db) return Promise.resolve(options.db)
    // A data directory that could not be opened (unwritable, not a directory) is tried again on the
    // next call, so that fixing it needs no restart.
    opening ??= openPglite(options.dataDir, options.onNotice ?? ((line) => console.warn(line))).catch((error: unknown) => {
      opening = undefined
      throw error
    })
    return opening
  }
  // PostgreSQL keeps writing to the files it holds open after their directory is removed, and would
  // acknowledge writes that no restart will find: the directory is looked for before any answer.
  const onDisk = options.db === undefined && options.dataDir !== undefined && !isLocation(options.dataDir)
  const stillThere = async (): Promise<void> => {
    if (!onDisk) return
    const { access } = await import('node:fs/promises')
    await access(`${options.dataDir}/PG_VERSION`)
  }
  // `acknowledges`: a write, whose success is a promise that a restart will find it; reads need no look.
  const guarded = async <T>(work: () => Promise<T>, acknowledges: boolean): Promise<T> => {
    try {
      return await unlessUnavailable(async () => {
        const result = await work()
        if (acknowledges) await stillThere()
        return result
      }, isPgliteFault)
    } catch (error) {
      if (error instanceof StoreUnavailableError && isWasmTrap(error.cause)) trapped ??= error.cause
      throw error
    }
  }

  const prepared = options.preparedStatements !== false
  const named = new WeakMap<PgliteLike, ReturnType<typeof pgliteStatements> | null>()
  // Named statements need PGlite's protocol entry; a wrapper without it runs them through query().
  const statementsOf = (open: PgliteLike): ReturnType<typeof pgliteStatements> | null => {
    if (!prepared) return null
    let found = named.get(open)
    if (found === undefined) named.set(open, (found = speaksProtocol(open) ? pgliteStatements(open) : null))
    return found
  }

  return {
    query<T>(sql: string, params?: unknown[], name?: string): Promise<{ rows: T[] }> {
      return guarded(async () => {
        const open = await db()
        const statements = name === undefined ? null : statementsOf(open)
        return statements ? statements.run<T>(name as string, sql, params ?? [], false) : open.query<T>(sql, params)
      }, !/^\s*SELECT\b/i.test(sql))
    },
    transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
      return guarded(async () => {
        const open = await db()
        return open.transaction((tx) => fn(transactionDriver(tx, statementsOf(open))))
      }, true)
    },
    async close(): Promise<void> {
      if (closed) return
      closed = true
      const opened = await opening?.catch(() => undefined)
      // A trapped instance may fail to close too; there is nothing left to save in it.
      await opened?.close().catch((error: unknown) => {
        if (trapped === undefined) throw error
      })
    },
  }
}

// Inside a transaction PGlite's connection is taken: everything, nested transactions included,
// must go through `tx` or it would wait for itself.
function transactionDriver(tx: PgliteQueryable, statements: ReturnType<typeof pgliteStatements> | null): SqlDriver {
  const driver: SqlDriver = {
    query: <T>(sql: string, params?: unknown[], name?: string) =>
      statements && name !== undefined ? statements.run<T>(name, sql, params ?? [], true) : tx.query<T>(sql, params),
    transaction: (fn) => fn(driver),
    close: () => Promise.reject(new Error('close() is not available inside a transaction')),
  }
  return driver
}
