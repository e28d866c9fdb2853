import type { Context } from 'hono'
import type { ServerEnv } from './actor.js'
import { isStorableText, userEtag, UserkitError, type ServerErrorCode, type User, type UserkitErrorCode } from '../model/index.js'
import { rule } from '../model/rules.js'

/** `{ "data": … }` with status 200. */
export function ok(c: Context, data: unknown, status: 200 | 201 = 200): Response {
  return c.json({ data }, status)
}

/** A single user, with its ETag. */
export function userAnswer(c: Context, user: User, status: 200 | 201 = 200): Response {
  c.header('ETag', userEtag(user))
  return ok(c, user, status)
}

export interface PageInfo {
  total: number
  /** More than `total` match (a search's count stopped there). */
  totalCapped?: boolean
  perPage: number
  page: number
}

/**
 * A page with CometChat's `meta.pagination`. A capped total adds `total_capped: true`, and its
 * `total_pages` counts one page past the cap, so a reader that pages by it knows there is more.
 */
export function pageAnswer(c: Context, users: readonly unknown[], { total, totalCapped, perPage, page }: PageInfo): Response {
  return c.json({
    data: users,
    meta: {
      pagination: {
        total,
        count: users.length,
        per_page: perPage,
        current_page: page,
        total_pages: Math.ceil((totalCapped ? total + 1 : total) / perPage),
        ...(totalCapped ? { total_capped: true } : {}),
      },
    },
  })
}

/** Every role on one page, paginated as CometChat lists its roles. */
export function rolesAnswer(c: Context, roles: readonly unknown[]): Response {
  return pageAnswer(c, roles, { total: roles.length, perPage: Math.max(1, roles.length), page: 1 })
}

/** The failure envelope. The conflict's current user travels in `details.current`. */
export function errorAnswer(error: UserkitError): Response {
  const details = error.current ? { current: error.current } : error.details
  const headers = new Headers({ 'content-type': 'application/json; charset=UTF-8' })
  if (error.code === 'ERR_TOO_MANY_REQUESTS' || error.code === 'ERR_SERVICE_UNAVAILABLE') headers.set('Retry-After', '1')
  const rules = error.current ? undefined : error.rules
  const body = { code: error.code, message: error.message, ...(details ? { details } : {}), ...(rules ? { rules } : {}) }
  return new Response(JSON.stringify({ error: body }), {
    status: error.status,
    headers,
  })
}

export function fail(code: ServerErrorCode & UserkitErrorCode, message: string): never {
  throw new UserkitError(code, message)
}

/** The JSON body, read and checked by `jsonBody` before credentials: `{}` when there was none. */
export async function readBody(c: Context<ServerEnv>): Promise<Record<string, unknown>> {
  return c.get('body') ?? {}
}

/**
 * The last value of each query parameter; `per_page` (the SDK's spelling) is `perPage`. A value no
 * store can compare against (a NUL) is a 400 naming it, as it would be in a body.
 */
export function queryOf(c: Context): Record<string, string> {
  const query: Record<string, string> = Object.create(null)
  for (const [key, value] of new URL(c.req.url).searchParams) {
    const name = key === 'per_page' ? 'perPage' : key
    if (!isStorableText(value)) {
      throw new UserkitError('ERR_BAD_REQUEST', `Invalid ${name}: it contains NUL.`, {
        details: { [name]: [rule('unstorable', `${name} must not contain NUL or broken Unicode`)] },
      })
    }
    query[name] = value
  }
  return query
}
