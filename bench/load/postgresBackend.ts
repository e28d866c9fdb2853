import pg from 'pg'
import { postgresStore, type PoolLike } from '../../src/server/index.js'
import type { PgQueryConfig } from '../../src/server/store/postgresStore.js'
import type { SqlDriver } from '../../src/server/store/sql/sqlDriver.js'
import { sqlRecorder, type Backend, type SqlRecorder } from './backend.js'
import { startPostgres } from './startPostgres.js'

type Queryable = Pick<pg.PoolClient, 'query'>

/** Notes a statement whether it came as text or as a named (prepared) query config. */
function noteQuery(recorder: SqlRecorder, sql: string | PgQueryConfig, params: unknown[] | undefined): void {
  if (typeof sql === 'string') recorder.note(sql, params)
  else recorder.note(sql.text, sql.values)
}

/** postgresStore over a throwaway local cluster; the store and the baseline share one pool of `connections`. */
export async function postgresBackend(connections: number): Promise<Backend> {
  const cluster = await startPostgres()
  const pool = new pg.Pool({ connectionString: cluster.url, max: connections })
  pool.on('error', () => {})
  try {
    const version = await pool.query<{ server_version: string }>('SHOW server_version')
    const recorder = sqlRecorder()
    const recorded: PoolLike = {
      query: (sql, params) => (noteQuery(recorder, sql, params), pool.query(sql as string, params)),
      async connect() {
        const client = await pool.connect()
        return {
          query: (sql, params) => (noteQuery(recorder, sql, params), client.query(sql as string, params)),
          release: (error) => client.release(error),
        }
      },
      end: () => pool.end(),
    }
    const store = postgresStore({ pool: recorded })
    const inTransaction = (client: Queryable): SqlDriver => ({
      query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
      transaction: (fn) => fn(inTransaction(client)),
      close: () => Promise.reject(new Error('close() inside a transaction')),
    })
    // What postgresStore does around a transaction, minus its error handling.
    const driver: SqlDriver = {
      query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
      async transaction(fn) {
        const client = await pool.connect()
        try {
          await client.query('BEGIN')
          const result = await fn(inTransaction(client))
          await client.query('COMMIT')
          return result
        } catch (error) {
          await client.query('ROLLBACK')
          throw error
        } finally {
          client.release()
        }
      },
      close: () => pool.end(),
    }
    return {
      name: `PostgreSQL ${version.rows[0]?.server_version.split(' ')[0] ?? ''}`.trim(),
      store,
      driver,
      capture: recorder.capture,
      async close() {
        await store.close()
        await pool.end().catch(() => undefined)
        await cluster.stop()
      },
    }
  } catch (error) {
    await pool.end().catch(() => undefined)
    await cluster.stop()
    throw error
  }
}
