import { searchKeyTerms } from '../searchTerms.js'
import type { ListUsersParams } from '../types.js'

export interface BuiltQuery {
  sql: string
  params: unknown[]
}

/** `key` as a LIKE prefix pattern: lowercased, with its own `%`, `_` and `\` matched literally. */
export function likePrefix(key: string): string {
  return `${key.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`
}

/** WHERE clause and parameters for the filters of `listUsers`; parameters are numbered from `$first`. */
export function listUsersWhere(params: ListUsersParams, first = 1): BuiltQuery {
  const values: unknown[] = []
  const bind = (value: unknown): string => {
    values.push(value)
    return `$${first + values.length - 1}`
  }
  const conditions: string[] = []

  if (params.search) {
    const fields = params.search.in.length > 0 ? params.search.in : (['uid', 'name'] as const)
    const matches: string[] = []
    if (fields.includes('uid')) matches.push(`uid LIKE ${bind(likePrefix(params.search.key))} ESCAPE '\\'`)
    if (fields.includes('name')) {
      const terms = searchKeyTerms(params.search.key)
      matches.push(terms.length > 0 ? `search_prefixes @> ${bind(terms)}::text[]` : 'FALSE')
    }
    conditions.push(`(${matches.join(' OR ')})`)
  }
  if (params.status) conditions.push(`${onlineExpression(params.onlineSince)} = ${bind(params.status === 'online')}`)
  if (params.roles) conditions.push(`role = ANY(${bind(params.roles)}::text[])`)
  if (params.tags) conditions.push(`tags ${params.tagsMatch === 'all' ? '@>' : '&&'} ${bind(params.tags)}::text[]`)
  if (params.uids) conditions.push(`uid = ANY(${bind(params.uids)}::text[])`)
  if (params.afterUid !== undefined) conditions.push(`uid > ${bind(params.afterUid)}`)
  if (params.deactivated === 'exclude') conditions.push('deactivated_at IS NULL')
  if (params.deactivated === 'only') conditions.push('deactivated_at IS NOT NULL')
  if (params.hideBlockedFor !== undefined) {
    const viewer = bind(params.hideBlockedFor)
    conditions.push(
      `NOT EXISTS (SELECT 1 FROM userkit_blocks b WHERE b.blocker = ${viewer} AND b.blocked = userkit_users.uid)`,
      `NOT EXISTS (SELECT 1 FROM userkit_blocks b WHERE b.blocker = userkit_users.uid AND b.blocked = ${viewer})`,
    )
  }
  if (params.blockedBy !== undefined) {
    const owner = bind(params.blockedBy)
    const direction = params.blockDirection ?? 'blockedByMe'
    const blockedByOwner = `EXISTS (SELECT 1 FROM userkit_blocks b WHERE b.blocker = ${owner} AND b.blocked = userkit_users.uid)`
    const blockedOwner = `EXISTS (SELECT 1 FROM userkit_blocks b WHERE b.blocker = userkit_users.uid AND b.blocked = ${owner})`
    conditions.push(direction === 'blockedByMe' ? blockedByOwner : direction === 'hasBlockedMe' ? blockedOwner : `(${blockedByOwner} OR ${blockedOwner})`)
  }

  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params: values }
}

/** A user never seen sorts as if last active at 0: the expression the index of migration 5 is on. */
export const LAST_ACTIVE = 'COALESCE(last_active_at, 0)'

/** ORDER BY for `listUsers`; `desc` reverses every key, so the whole order flips. */
export function listUsersOrder(params: Pick<ListUsersParams, 'sortBy' | 'sortOrder' | 'onlineSince'>): string {
  const dir = params.sortOrder === 'desc' ? 'DESC' : 'ASC'
  const byName = `name_lower ${dir}, uid ${dir}`
  switch (params.sortBy) {
    case 'status':
      return `ORDER BY ${onlineExpression(params.onlineSince)} ${dir === 'ASC' ? 'DESC' : 'ASC'}, ${byName}`
    // Each of these matches an index of migration 5 key for key, so a page reads only its rows.
    case 'createdAt':
      return `ORDER BY created_at ${dir}, uid ${dir}`
    case 'updatedAt':
      return `ORDER BY updated_at ${dir}, uid ${dir}`
    case 'lastActiveAt':
      return `ORDER BY ${LAST_ACTIVE} ${dir}, uid ${dir}`
    case 'role':
      return `ORDER BY role COLLATE "C" ${dir}, ${byName}`
    case 'uid':
      return `ORDER BY uid ${dir}`
    default:
      return `ORDER BY ${byName}`
  }
}

/**
 * Whether a row counts as online. The cutoff is written as a literal (a whole number, so nothing
 * to escape) because ORDER BY is built apart from the numbered parameters of the WHERE clause.
 */
function onlineExpression(onlineSince: number | undefined): string {
  if (onlineSince === undefined) return "(status = 'online')"
  if (!Number.isFinite(onlineSince)) throw new TypeError(`onlineSince must be a finite number, not ${onlineSince}`)
  return `(status = 'online' AND COALESCE(last_active_at, 0) >= ${Math.ceil(onlineSince)})`
}
