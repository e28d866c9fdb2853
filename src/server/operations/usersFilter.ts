import { parseOrThrow, usersQuerySchema, UserkitError, type UsersQuery } from '../../model/index.js'
import type { Actor } from '../actor.js'
import type { ListUsersParams } from '../store/types.js'
import type { OperationContext } from './context.js'
import { usersFilterOf } from './readUsers.js'

/** The fields of `GET /users` that choose users (not a page, an order or a viewer's view). */
export const filterFields = [
  'searchKey',
  'searchIn',
  'status',
  'role',
  'roles',
  'tags',
  'tagsMatch',
  'uids',
  'onlyDeactivated',
  'withDeactivated',
] as const satisfies readonly (keyof UsersQuery)[]

const badFilter = (field: string, message: string): UserkitError =>
  new UserkitError('ERR_BAD_REQUEST', `Invalid ${field}: ${message}`, { details: { [field]: [message] } })

/**
 * A bulk action's `target.filter`, as JSON (arrays, booleans) or as query-string text, read by the
 * same schema as `GET /users`. Strict: an unknown field is refused, since a misspelt filter that
 * was dropped would widen the action to users nobody meant.
 */
export function filterFromBody(value: unknown): UsersQuery {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badFilter('filter', 'filter must be an object')
  const query: Record<string, string> = Object.create(null)
  for (const [field, item] of Object.entries(value)) {
    if (!(filterFields as readonly string[]).includes(field)) {
      throw badFilter(`filter.${field}`, `filter may hold only ${filterFields.join(', ')}`)
    }
    if (item === undefined || item === null) continue
    if (Array.isArray(item) && item.every((entry) => typeof entry === 'string')) query[field] = item.join(',')
    else if (typeof item === 'boolean') query[field] = item ? '1' : '0'
    else if (typeof item === 'string') query[field] = item
    else throw badFilter(`filter.${field}`, `filter.${field} must be a string, a list of strings or a boolean`)
  }
  try {
    return parseOrThrow(usersQuerySchema, query)
  } catch (error) {
    if (!(error instanceof UserkitError) || !error.details) throw error
    const details = Object.fromEntries(Object.entries(error.details).map(([field, messages]) => [`filter.${field}`, messages]))
    throw new UserkitError('ERR_BAD_REQUEST', error.message, { details })
  }
}

/** The users a filter matches, in uid order, without a page or a count: for reading them all. */
export function filterParams(ctx: OperationContext, actor: Actor, q: UsersQuery, limit: number): ListUsersParams {
  const { sortBy: _sortBy, hideBlockedUsers: _hide, ...filter } = q
  return { ...usersFilterOf(ctx, actor, filter as UsersQuery), limit, offset: 0, sortBy: 'uid', sortOrder: 'asc' }
}
