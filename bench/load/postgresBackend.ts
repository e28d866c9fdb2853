import pg from 'pg'
import { postgresDriver } from '../../src/server/store/postgresStore.js'
import { createSqlStore } from '../../src/server/store/sql/createSqlStore.js'
import type { Backend } from './backend.js'
import { countingDriver } from './countingDriver.js'
import { startPostgres } from './startPostgres.js'

/** postgresStore (named statements and all) over a throwaway local cluster; every server shares one pool of `connections`. */
export async function postgresBackend(connections: number): Promise<Backend> {
  const cluster = await startPostgres()
  const pool = new pg.Pool({ connectionString: cluster.url, max: connections })
  pool.on('error', () => {})
  try {
    const version = await pool.query<{ server_version: string }>('SHOW server_version')
    // The store's own driver, wrapped to count: what postgresStore({ pool }) builds, plus the count.
    const counted = countingDriver(postgresDriver({ pool }))
    const store = createSqlStore(counted.driver, { sharedCounter: true })
    return {
      name: `PostgreSQL ${version.rows[0]?.server_version.split(' ')[0] ?? ''}`.trim(),
      store,
      driver: postgresDriver({ pool, preparedStatements: false }),
      statements: counted.count,
      capture: counted.capture,
      inProcess: false,
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
