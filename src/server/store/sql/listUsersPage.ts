import type { ListUsersParams } from '../types.js'
import { listUsersOrder, listUsersWhere, type BuiltQuery } from './listUsersQuery.js'
import { userColumns } from './rows.js'
import { LIMIT, walkedWord, wordMatches, wordWalk } from './wordWalk.js'

type Fields = 'uid' | 'name' | 'both'

// No fields named means both, as in `listUsersWhere`.
function searchedFields(params: ListUsersParams): Fields | undefined {
  const fields = params.search?.in
  if (fields === undefined) return undefined
  if (fields.length === 0 || (fields.includes('uid') && fields.includes('name'))) return 'both'
  return fields.includes('name') ? 'name' : 'uid'
}

/** `query` with its LIMIT placeholder bound to the parameter after `before` others. */
const bindLimit = (query: BuiltQuery, at: number): string => query.sql.replaceAll(LIMIT, `$${at}`)

/**
 * The page of `listUsers`, without its total. A name search of one word walks the words table in
 * name order (`wordWalk.ts`); a search of uid OR name is two halves joined, each stopping after the
 * rows the page needs: as one OR, PostgreSQL can only walk the whole name index in order, filtering,
 * which grows with the table instead of with the page.
 */
export function listUsersPage(params: ListUsersParams): BuiltQuery {
  const order = listUsersOrder(params)
  const fields = searchedFields(params)
  const word = walkedWord(params)
  const upToPage = params.limit + params.offset
  if (word !== undefined && fields === 'name') {
    const walk = wordWalk(params, word, 1)
    const n = walk.params.length
    return {
      sql: `SELECT ${userColumns} FROM ${bindLimit(walk, n + 3)} AS userkit_users ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
      params: [...walk.params, params.limit, params.offset, upToPage],
    }
  }
  if (fields !== 'both') {
    const where = listUsersWhere(params)
    const n = where.params.length
    return {
      sql: `SELECT ${userColumns} FROM userkit_users ${where.sql} ${order} LIMIT $${n + 1} OFFSET $${n + 2}`,
      params: [...where.params, params.limit, params.offset],
    }
  }
  const byUid = listUsersWhere({ ...params, search: { key: params.search!.key, in: ['uid'] } })
  const uidHalf = (limit: string): string => `(SELECT ${userColumns}, name_lower FROM userkit_users ${byUid.sql} ${order} LIMIT ${limit})`
  const nameHalf =
    word !== undefined
      ? wordWalk(params, word, byUid.params.length + 1)
      : (() => {
          const where = listUsersWhere({ ...params, search: { key: params.search!.key, in: ['name'] } }, byUid.params.length + 1)
          return { sql: `(SELECT ${userColumns}, name_lower FROM userkit_users ${where.sql} ${order} LIMIT ${LIMIT})`, params: where.params }
        })()
  const n = byUid.params.length + nameHalf.params.length
  const upTo = `$${n + 3}`
  return {
    sql: `SELECT ${userColumns} FROM (${uidHalf(upTo)} UNION ${bindLimit(nameHalf, n + 3)}) AS userkit_users ${order}
      LIMIT $${n + 1} OFFSET $${n + 2}`,
    params: [...byUid.params, ...nameHalf.params, params.limit, params.offset, upToPage],
  }
}

/**
 * The total of `listUsers`. With `countUpTo`, matches are counted only until one more than that,
 * so a broad search costs no more than its cap; a search of uid or name counts both halves by their
 * own indexes, like the page.
 */
export function listUsersCount(params: ListUsersParams): BuiltQuery {
  const cap = params.countUpTo
  const fields = searchedFields(params)
  if (cap === undefined || fields === undefined) {
    const where = listUsersWhere(params)
    return { sql: `SELECT count(*) AS total FROM userkit_users ${where.sql}`, params: where.params }
  }
  // A single word is counted from the words table, whose range scan stops at the cap; the GIN
  // index would first collect every match.
  const word = params.search && walkedWord({ ...params, sortBy: 'name' })
  const halves: BuiltQuery[] = []
  let next = 1
  const add = (half: BuiltQuery): void => {
    halves.push(half)
    next += half.params.length
  }
  if (fields !== 'name') {
    const where = listUsersWhere({ ...params, search: { key: params.search!.key, in: ['uid'] } }, next)
    add({ sql: `(SELECT uid FROM userkit_users ${where.sql} LIMIT ${LIMIT})`, params: where.params })
  }
  if (fields !== 'uid') {
    if (word !== undefined) add(wordMatches(params, word, next))
    else {
      const where = listUsersWhere({ ...params, search: { key: params.search!.key, in: ['name'] } }, next)
      add({ sql: `(SELECT uid FROM userkit_users ${where.sql} LIMIT ${LIMIT})`, params: where.params })
    }
  }
  return {
    // DISTINCT: a user found by uid and by name, or by two words of the name, counts once.
    sql: `SELECT count(DISTINCT uid) AS total FROM (${halves.map((half) => bindLimit(half, next)).join(' UNION ALL ')}) AS matched`,
    params: [...halves.flatMap((half) => half.params), cap + 1],
  }
}
