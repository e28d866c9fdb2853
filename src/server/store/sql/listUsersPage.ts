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
  const { byName, byUid, n } = searchHalves(params)
  const upTo = `$${n + 3}`
  const half = (where: string): string => `(SELECT ${userColumns}, name_lower FROM userkit_users ${where} ${order} LIMIT ${upTo})`
  return {
    sql: `SELECT ${userColumns} FROM (${half(byName.sql)} UNION ${half(byUid.sql)}) AS userkit_users ${order}
      LIMIT $${n + 1} OFFSET $${n + 2}`,
    params: [...byName.params, ...byUid.params, params.limit, params.offset, params.limit + params.offset],
  }
}

// The name half numbers its parameters from $1, the uid half after it; `n` counts both.
function searchHalves(params: ListUsersParams): { byName: BuiltQuery; byUid: BuiltQuery; n: number } {
  const byName = listUsersWhere({ ...params, search: { key: params.search!.key, in: ['name'] } })
  const byUid = listUsersWhere({ ...params, search: { key: params.search!.key, in: ['uid'] } }, byName.params.length + 1)
  return { byName, byUid, n: byName.params.length + byUid.params.length }
}

/**
 * The total of `listUsers`. With `countUpTo`, matches are counted only until one more than that,
 * so a broad search costs no more than its cap; a search of uid or name counts both halves by their
 * own indexes, like the page.
 */
export function listUsersCount(params: ListUsersParams): BuiltQuery {
  const cap = params.countUpTo
  if (cap === undefined) {
    const where = listUsersWhere(params)
    return { sql: `SELECT count(*) AS total FROM userkit_users ${where.sql}`, params: where.params }
  }
  const fields = params.search?.in
  const both = fields !== undefined && (fields.length === 0 || (fields.includes('uid') && fields.includes('name')))
  if (!both) {
    const where = listUsersWhere(params)
    const n = where.params.length
    return {
      sql: `SELECT count(*) AS total FROM (SELECT 1 FROM userkit_users ${where.sql} LIMIT $${n + 1}) AS capped`,
      params: [...where.params, cap + 1],
    }
  }
  const { byName, byUid, n } = searchHalves(params)
  const limit = `$${n + 1}`
  return {
    sql: `SELECT count(*) AS total FROM (
        (SELECT uid FROM userkit_users ${byName.sql} LIMIT ${limit}) UNION (SELECT uid FROM userkit_users ${byUid.sql} LIMIT ${limit})
      ) AS matched`,
    params: [...byName.params, ...byUid.params, cap + 1],
  }
}
