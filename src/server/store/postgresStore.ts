import { createSqlStore } from './sql/createSqlStore.js'
import type { SqlDriver } from './sql/sqlDriver.js'
import type { UserStore } from './types.js'
import { StoreUnavailableError, unlessUnavailable } from './storeUnavailable.js'

/** `pg`'s query config: with a `name`, the statement is prepared once per connection and reused. */
export interface PgQueryConfig {
  name: string
  text: string
  values?: unknown[]
}

interface PgQueryable {
  query(sql: string | PgQueryConfig, params?: unknown[]): Promise<{ rows: any[] }>
}

/** What `postgresStore` uses of a checked-out `pg` client. */
export interface PoolClientLike extends PgQueryable {
  /** Back to the pool; given an error, the pool discards the connection instead. */
  release(error?: Error | boolean): void
}

/** What `postgresStore` uses of a `pg` `Pool`; typed here so that `pg`'s types stay optional. */
export interface PoolLike extends PgQueryable {
  connect(): Promise<PoolClientLike>
  end(): Promise<void>
}

export type PostgresStoreOptions = (
  | {
      /** An open `pg` Pool (or one that behaves like it); `close()` then leaves it open for its owner. */
      pool: PoolLike
    }
  | {
      /** @example 'postgres://userkit:secret@db.internal:5432/app' */
      connectionString: string
      /**
       * Connections the store's own pool may open at once.
       * @default 10 (`pg`'s default)
       */
      max?: number
    }) & {
  /**
   * Prepare the store's fixed statements (user and token lookups, presence, updates) once per
   * connection, so PostgreSQL parses and plans them once instead of on every request. Turn it off
   * behind PgBouncer in transaction mode older than 1.21 (or without `max_prepared_statements`),
   * where a connection's prepared statements do not follow its client.
   * @default true
   */
  preparedStatements?: boolean
}

// pg waits forever for a connection by default: a server that never answers would hang every request.
const CONNECT_TIMEOUT_MS = 10_000

/**
 * A real PostgreSQL (15 or later, or anything that speaks its protocol) through `pg`, an optional peer
 * dependency loaded on first use. Runs the same SQL and migrations as `pgliteStore`; many server
 * instances may share one database, and by default count their rate limits in it, together.
 * @example postgresStore({ connectionString: process.env.DATABASE_URL! })
 * @example postgresStore({ pool }) // an app's own pg Pool, left open by close()
 */
export function postgresStore(options: PostgresStoreOptions): UserStore {
  return createSqlStore(postgresDriver(options), { sharedCounter: true })
}

async function openPool(connectionString: string, max: number | undefined): Promise<PoolLike> {
  let pg: typeof import('pg')
  try {
    pg = await import('pg')
  } catch (cause) {
    throw new Error('postgresStore needs pg: npm install pg', { cause })
  }
  // pg is CommonJS: depending on the loader its classes sit on the namespace or on its default export.
  const Pool = pg.Pool ?? (pg as unknown as { default: typeof pg }).default.Pool
  const pool = new Pool({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...(max !== undefined ? { max } : {}) })
  // An idle connection the server drops (restart, failover) is reported here; unheard, the error would
  // end the process. The next query opens a fresh connection and reports any failure itself.
  pool.on('error', () => {})
  return pool
}

/** The driver under `postgresStore`; exported for the load bench, which counts what passes through it. */
export function postgresDriver(options: PostgresStoreOptions): SqlDriver {
  let opening: Promise<PoolLike> | undefined
  let closed = false
  const pool = (): Promise<PoolLike> => {
    // A request still on its way while the server shuts down: unavailable, like a database away.
    if (closed) return Promise.reject(new StoreUnavailableError('postgresStore is closed'))
    if ('pool' in options) return Promise.resolve(options.pool)
    opening ??= openPool(options.connectionString, options.max)
    return opening
  }

  const prepared = options.preparedStatements !== false
  const inTransaction = async <T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> => {
    const client = await (await pool()).connect()
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      const result = await fn(transactionDriver(client, prepared))
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot roll back is in an unknown state: the pool must not hand it out again.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError))
      })
      throw error
    } finally {
      client.release(broken)
    }
  }

  return {
    query<T>(sql: string, params?: unknown[], name?: string): Promise<{ rows: T[] }> {
      return unlessUnavailable(async () => send(await pool(), sql, params, prepared ? name : undefined))
    },
    transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
      return unlessUnavailable(() => inTransaction(fn))
    },
    async close(): Promise<void> {
      if (closed) return
      closed = true
      const opened = await opening?.catch(() => undefined)
      await opened?.end()
    },
  }
}

// Everything inside a transaction, nested transactions included, goes through its one client: another
// pool connection would not see the transaction's writes, and could wait on its locks.
function transactionDriver(client: PgQueryable, prepared: boolean): SqlDriver {
  const driver: SqlDriver = {
    query: <T>(sql: string, params?: unknown[], name?: string): Promise<{ rows: T[] }> => send(client, sql, params, prepared ? name : undefined),
    transaction: (fn) => fn(driver),
    close: () => Promise.reject(new Error('close() is not available inside a transaction')),
  }
  return driver
}

function send(target: PgQueryable, sql: string, params: unknown[] | undefined, name: string | undefined): Promise<{ rows: any[] }> {
  return name === undefined ? target.query(sql, params) : target.query({ name, text: sql, ...(params ? { values: params } : {}) })
}
