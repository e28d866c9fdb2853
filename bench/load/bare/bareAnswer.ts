import { createHash } from 'node:crypto'
import type { StoredUser, UserStore } from '../../../src/server/index.js'
import { SEARCH_COUNT_CAP } from '../../../src/server/operations/readUsers.js'

/** A request as the bare servers hand it over: nothing parsed but the path. */
export interface BareRequest {
  method: string
  path: string
  query: URLSearchParams
  header(name: string): string | undefined
  /** The body, read only by the route that takes one. */
  text(): Promise<string>
}

export interface BareAnswer {
  status: number
  body: string
}

const PRESENCE_TIMEOUT = 60
const ACTIVITY_INTERVAL = 15
const now = (): number => Math.floor(Date.now() / 1000)
const fail = (status: number, code: string): BareAnswer => ({ status, body: JSON.stringify({ error: { code, message: code } }) })
const data = (value: unknown): BareAnswer => ({ status: 200, body: JSON.stringify({ data: value }) })

/**
 * What a server written by hand for these four requests does: the same SQL as Userkit (the same
 * store on the same pool, so the same statements, named as Userkit's are), and nothing else — no
 * validation, no private metadata, no ETag, no rate limit. The floor Userkit is measured against.
 */
export function bareRoutes(store: UserStore, apiKey: string): (request: BareRequest) => Promise<BareAnswer> {
  const signedIn = async (request: BareRequest): Promise<StoredUser | undefined> => {
    const token = request.header('authtoken')
    if (!token) return undefined
    const found = await store.findTokenUser(createHash('sha256').update(token).digest('hex'))
    if (!found || found.user.deactivatedAt !== undefined) return undefined
    const { user } = found
    // Presence as Userkit keeps it: a sign of life written at most every 15 s.
    if (user.status === 'online' && now() - (user.lastActiveAt ?? 0) >= ACTIVITY_INTERVAL) await store.setPresence(user.uid, 'online', now())
    return user
  }

  return async (request) => {
    const { method, path } = request
    if (method === 'GET' && path.startsWith('/v3/users/')) {
      if (request.header('apikey') !== apiKey) return fail(401, 'AUTH_ERR_APIKEY_NOT_FOUND')
      const user = await store.getUser(path.slice('/v3/users/'.length).toLowerCase())
      return user && user.deactivatedAt === undefined ? data(user) : fail(404, 'ERR_UID_NOT_FOUND')
    }
    const me = await signedIn(request)
    if (!me) return fail(401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
    if (method === 'GET' && path.startsWith('/v3.0/users/')) {
      const seen = await store.getUserSeenBy(path.slice('/v3.0/users/'.length).toLowerCase(), me.uid)
      if (!seen || seen.user.deactivatedAt !== undefined) return fail(404, 'ERR_UID_NOT_FOUND')
      return data({ ...seen.user, blockedByMe: seen.blockedByMe, hasBlockedMe: seen.hasBlockedMe })
    }
    if (method === 'GET' && path === '/v3.0/users') {
      const perPage = Number(request.query.get('perPage') ?? 100)
      const { users, total } = await store.listUsers({
        search: { key: request.query.get('searchKey') ?? '', in: ['uid', 'name'] },
        countUpTo: SEARCH_COUNT_CAP,
        limit: perPage,
        offset: 0,
        deactivated: 'exclude',
        onlineSince: now() - PRESENCE_TIMEOUT,
        sortBy: 'name',
        sortOrder: 'asc',
      })
      const others = users.map((user) => user.uid).filter((uid) => uid !== me.uid)
      const relations = others.length > 0 ? await store.blockRelations(me.uid, others) : undefined
      const shown = users.map((user) => ({ ...user, blockedByMe: relations?.blockedByMe.has(user.uid) ?? false, hasBlockedMe: relations?.hasBlockedMe.has(user.uid) ?? false }))
      return { status: 200, body: JSON.stringify({ data: shown, meta: { pagination: { total, count: shown.length, per_page: perPage, current_page: 1 } } }) }
    }
    if (method === 'PUT' && path === '/v3.0/me') {
      const { statusMessage } = JSON.parse(await request.text()) as { statusMessage: string }
      const at = now()
      const outcome = await store.updateUser(me.uid, (user) => ({ ...user, statusMessage, status: 'online', lastActiveAt: at, updatedAt: at }))
      return outcome ? data(outcome.after) : fail(404, 'ERR_UID_NOT_FOUND')
    }
    return fail(404, 'ERR_API_NOT_FOUND')
  }
}
