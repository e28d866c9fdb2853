import { rowToUser, userValues, writableColumns, type UserRow } from '../../src/server/store/sql/rows.js'
import { SEARCH_COUNT_CAP } from '../../src/server/operations/readUsers.js'
import { searchKeyTerms } from '../../src/server/store/searchTerms.js'
import { likePrefix } from '../../src/server/store/sql/listUsersQuery.js'
import type { Backend, SqlCall } from './backend.js'
import type { LoadOperation } from './loadOperation.js'

export interface DriverOperationsOptions {
  backend: Backend
  /** Sends one request of each operation through the handler, so that its SQL can be captured. */
  request: (operation: LoadOperation) => Promise<void>
  users: number
  prefixes: readonly string[]
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T

function only(calls: SqlCall[], what: string, startsWith: string, params: number): string {
  const found = calls.filter((call) => call.sql.trimStart().startsWith(startsWith))
  if (found.length !== 1 || found[0]?.params.length !== params) {
    throw new Error(`${what}: expected one ${startsWith} with ${params} parameters, the store sent ${JSON.stringify(calls, null, 1)}`)
  }
  return found[0].sql
}

/**
 * Each operation as the SQL the store sent for it through the handler, replayed straight through
 * the driver with fresh parameters: the floor the handler's figures are compared against.
 */
export async function driverOperations(options: DriverOperationsOptions): Promise<Record<LoadOperation, () => Promise<unknown>>> {
  const { backend, users, prefixes } = options
  const captured = async (operation: LoadOperation): Promise<SqlCall[]> => backend.capture(() => options.request(operation))
  const getSql = only(await captured('get'), 'get-by-uid', 'SELECT', 1)
  // The page (a word-prefix lookup and a uid range scan joined) and the capped total, sent together as the store does.
  const searchCalls = await captured('search')
  const pageSql = only(searchCalls, 'search page', 'SELECT uid', 5)
  const countSql = only(searchCalls, 'search total', 'SELECT count', 3)
  const updateCalls = await captured('update')
  const lockSql = only(updateCalls, 'update', 'SELECT', 1)
  const updateSql = only(updateCalls, 'update', 'UPDATE', writableColumns.length)
  const uid = (): string => `user-${Math.floor(Math.random() * users)}`
  const { driver } = backend

  return {
    get: () => driver.query(getSql, [uid()]),
    search: () => {
      const key = pick(prefixes)
      const [terms, pattern] = [searchKeyTerms(key), likePrefix(key)]
      return Promise.all([driver.query(pageSql, [terms, pattern, 25, 0, 25]), driver.query(countSql, [terms, pattern, SEARCH_COUNT_CAP + 1])])
    },
    update: () =>
      driver.transaction(async (tx) => {
        const { rows } = await tx.query<UserRow>(lockSql, [uid()])
        if (!rows[0]) throw new Error('update baseline: no such user')
        const user = rowToUser(rows[0])
        const next = { ...user, statusMessage: `load ${Math.random().toString(36).slice(2, 10)}`, updatedAt: Math.floor(Date.now() / 1000) }
        return tx.query(updateSql, userValues(next))
      }),
  }
}
