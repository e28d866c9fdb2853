import type { SqlDriver } from '../../src/server/store/sql/sqlDriver.js'
import type { SqlCall } from './backend.js'

/** A store's driver with a count of the statements through it (a transaction's BEGIN and COMMIT included). */
export interface CountingDriver {
  driver: SqlDriver
  /** Statements sent so far. */
  count(): number
  /** The statements the store sent while `run` ran (nothing else may use the store meanwhile). */
  capture(run: () => Promise<unknown>): Promise<SqlCall[]>
}

export function countingDriver(inner: SqlDriver): CountingDriver {
  let sent = 0
  let calls: SqlCall[] | undefined
  const note = (sql: string, params: unknown[] | undefined): void => {
    sent++
    calls?.push({ sql, params: params ?? [] })
  }
  const wrap = (target: SqlDriver): SqlDriver => ({
    query: (sql, params, name) => (note(sql, params), target.query(sql, params, name)),
    transaction: (fn) => {
      note('BEGIN', undefined)
      return target.transaction((tx) => fn(wrap(tx))).finally(() => note('COMMIT', undefined))
    },
    close: () => target.close(),
  })
  return {
    driver: wrap(inner),
    count: () => sent,
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
