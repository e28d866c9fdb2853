import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pgliteDriver } from '../../src/server/store/pgliteStore.js'
import { createSqlStore } from '../../src/server/store/sql/createSqlStore.js'
import type { Backend } from './backend.js'
import { countingDriver } from './countingDriver.js'

/** pgliteStore (named statements and all) over a PGlite in a temporary data directory, as the bin runs it. */
export async function pgliteBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'userkit-load-pglite-'))
  let db: PGlite | undefined
  try {
    db = await PGlite.create(dir)
    const open = db
    // The store's own driver, wrapped to count: what pgliteStore({ db }) builds, plus the count.
    const counted = countingDriver(pgliteDriver({ db: open }))
    const store = createSqlStore(counted.driver)
    return {
      name: 'PGlite',
      store,
      driver: pgliteDriver({ db: open }),
      statements: counted.count,
      capture: counted.capture,
      inProcess: true,
      async close() {
        await store.close()
        await open.close()
        await rm(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await db?.close().catch(() => undefined)
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}
