import type { ListUsersParams } from '../types.js'
import { listUsersOrder, listUsersWhere, type BuiltQuery } from './listUsersQuery.js'
import { userColumns } from './rows.js'

/**
 * The page of `listUsers`, without its total. A search of uid OR name is two index range scans
 * joined (each stops after the rows the page needs): as one OR, PostgreSQL can only walk the whole
 * name index in order, filtering, which grows with the table instead of with the page.
 */
export function listUsersPage(params: ListUsersParams): BuiltQuery {
  const order = listUsersOrder(params)
  const fields = params.search?.in
  // No fields named means both, as in `listUsersWhere`.
  const both = fields !== undefined && (fields.length === 0 || (fields.includes('uid') && fields.includes('name')))
  if (!both) {
    const where = listUsersWhere(params)
    const n = where.params.length
    return {
      sql: `SELECT ${userColumns} FROM userkit_users ${where.sql} ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
      params: [...where.params, params.limit, params.offset],
    }
  }
  // Both halves bind the same values in the same order (the search pattern first), so they share
  // the parameter numbers.
  const byName = listUsersWhere({ ...params, search: { key: params.search!.key, in: ['name'] } })
  const byUid = listUsersWhere({ ...params, search: { key: params.search!.key, in: ['uid'] } })
  const n = byName.params.length
  const upTo = `$${n + 3}`
  const half = (where: string): string => `(SELECT ${userColumns}, name_lower FROM userkit_users ${where} ${order} LIMIT ${upTo})`
  return {
    sql: `SELECT ${userColumns} FROM (${half(byName.sql)} UNION ${half(byUid.sql)}) AS userkit_users ${order}
      LIMIT $${n + 1} OFFSET $${n + 2}`,
    params: [...byName.params, params.limit, params.offset, params.limit + params.offset],
  }
}

/** The total of `listUsers`: every match is counted, which costs in proportion to the matches. */
export function listUsersCount(params: ListUsersParams): BuiltQuery {
  const where = listUsersWhere(params)
  return { sql: `SELECT count(*) AS total FROM userkit_users ${where.sql}`, params: where.params }
}
