import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import { pgliteStore, type PgliteLike } from '../../src/server/index.js'
import type { SqlDriver } from '../../src/server/store/sql/sqlDriver.js'
import { sqlRecorder, type Backend } from './backend.js'

/** pgliteStore over a PGlite in a temporary data directory, as the bin runs it. */
export async function pgliteBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'userkit-load-pglite-'))
  let db: PGlite | undefined
  try {
    db = await PGlite.create(dir)
    const open = db
    const recorder = sqlRecorder()
    const recorded: PgliteLike = {
      query: <T>(sql: string, params?: unknown[]) => (recorder.note(sql, params), open.query<T>(sql, params)),
      transaction: (fn) =>
        open.transaction((tx) => fn({ query: <T>(sql: string, params?: unknown[]) => (recorder.note(sql, params), tx.query<T>(sql, params)) })),
      close: () => open.close(),
    }
    const store = pgliteStore({ db: recorded })
    const inTransaction = (tx: Transaction): SqlDriver => ({
      query: <T>(sql: string, params?: unknown[]) => tx.query<T>(sql, params),
      transaction: (fn) => fn(inTransaction(tx)),
      close: () => Promise.reject(new Error('close() inside a transaction')),
    })
    const driver: SqlDriver = {
      query: <T>(sql: string, params?: unknown[]) => open.query<T>(sql, params),
      transaction: (fn) => open.transaction((tx) => fn(inTransaction(tx))),
      close: () => open.close(),
    }
    return {
      name: 'PGlite',
      store,
      driver,
      capture: recorder.capture,
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
