import type { UserStore } from '../../src/server/index.js'
import type { SqlDriver } from '../../src/server/store/sql/sqlDriver.js'

export interface SqlCall {
  sql: string
  params: readonly unknown[]
}

/** A database under test: the store the handler serves, and the same database straight through its driver. */
export interface Backend {
  name: string
  /** The store as the servers use it (its driver counted): Userkit's handler and the bare servers alike. */
  store: UserStore
  /** The driver itself, bypassing the store and the count: how the bench seeds. */
  driver: SqlDriver
  /** Statements the store has sent so far (a transaction's BEGIN and COMMIT included). */
  statements(): number
  /** The statements the store sent while `run` ran (nothing else may use the store meanwhile). */
  capture(run: () => Promise<unknown>): Promise<SqlCall[]>
  /** Whether the database runs in this process (PGlite): its CPU is then part of the server's. */
  inProcess: boolean
  /** Closes everything and deletes what the backend created on disk. */
  close(): Promise<void>
}
