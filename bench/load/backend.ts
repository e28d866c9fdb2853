import type { UserStore } from '../../src/server/index.js'
import type { SqlDriver } from '../../src/server/store/sql/sqlDriver.js'

export interface SqlCall {
  sql: string
  params: readonly unknown[]
}

/** A database under test: the store the handler serves, and the same database straight through its driver. */
export interface Backend {
  name: string
  store: UserStore
  /** The driver itself, bypassing the store: the baseline, and how the bench seeds. */
  driver: SqlDriver
  /** The statements the store sent while `run` ran (nothing else may use the store meanwhile). */
  capture(run: () => Promise<unknown>): Promise<SqlCall[]>
  /** Closes everything and deletes what the backend created on disk. */
  close(): Promise<void>
}

/** Notes the store's statements while a capture runs; a no-op otherwise. */
export interface SqlRecorder {
  note(sql: string, params: readonly unknown[] | undefined): void
  capture: Backend['capture']
}

export function sqlRecorder(): SqlRecorder {
  let calls: SqlCall[] | undefined
  return {
    note(sql, params) {
      calls?.push({ sql, params: params ?? [] })
    },
    async capture(run) {
      calls = []
      try {
        await run()
        return calls
      } finally {
        calls = undefined
      }
    },
  }
}
