import type { User } from '../model/index.js'
import { bulkUsers as runBulk } from './bulkUsers.js'
import { createGetUserBatcher } from './getUserBatcher.js'
import type { UserClientOptions } from './options.js'
import { readUserEvents } from './readUserEvents.js'
import { createTransport, path, type ApiRequest, type Surface } from './request.js'
import { toUserPage } from './response.js'
import type { CallOptions, DeleteResult, Outcomes, Role, UserPage } from './types.js'
import type { UserClient } from './UserClient.js'
import { usersQueryString } from './usersQuery.js'

/**
 * A typed client for Userkit's server (or CometChat's REST contract).
 *
 * @example
 * const admin = createUserClient({ baseUrl: 'http://127.0.0.1:3000', apiKey: process.env.USERKIT_KEY })
 * const ada = await admin.createUser({ uid: 'ada', name: 'Ada Lovelace' })
 */
export function createUserClient(options: UserClientOptions): UserClient {
  const { baseUrl, appId, apiKey } = options
  let authToken = options.authToken
  // Looked up per call, so a test or polyfill that replaces globalThis.fetch later is honoured.
  const fetchFn = options.fetch ?? ((request: Request) => globalThis.fetch(request))
  const transport = createTransport(baseUrl, fetchFn, () => ({ appId, apiKey, authToken }), options.fetch === undefined)

  function surface({ preferKey = false, fallback = 'rest' }: { preferKey?: boolean; fallback?: Surface } = {}): Surface {
    if (preferKey && apiKey !== undefined) return 'rest'
    if (authToken !== undefined) return 'client'
    if (apiKey !== undefined) return 'rest'
    return fallback
  }

  async function data<T>(request: ApiRequest): Promise<T> {
    const { envelope } = await transport.send(request)
    return envelope.data as T
  }

  async function page(request: ApiRequest): Promise<UserPage> {
    const { envelope, status } = await transport.send(request)
    return toUserPage(envelope, status)
  }

  function blockTarget(blocker: string | undefined, what: string): { surface: Surface; path: string } {
    // With no credential at all, the surface that needs no blocker lets the server answer the 401.
    const chosen = surface({ fallback: blocker === undefined ? 'client' : 'rest' })
    if (chosen === 'client') return { surface: 'client', path: '/blockedusers' }
    if (blocker === undefined) {
      throw new TypeError(`${what} with an API key needs the blocker's uid: pass { blocker: uid }.`)
    }
    return { surface: 'rest', path: path`/users/${blocker}/blockedusers` }
  }

  const fetchUser = (uid: string, signal?: AbortSignal): Promise<User> =>
    data<User>({ method: 'GET', surface: surface(), path: path`/users/${uid}`, signal })

  const batcher = createGetUserBatcher({
    fetchOne: fetchUser,
    fetchMany: async (uids, signal) => {
      const query = usersQueryString({ uids, perPage: uids.length })
      return (await page({ method: 'GET', surface: surface(), path: '/users', query, signal })).users
    },
  })

  return {
    get authToken() {
      return authToken
    },
    setAuthToken(token) {
      authToken = token
    },
    hasApiKey: apiKey !== undefined,
    withCredentials(credentials) {
      return createUserClient({ ...options, apiKey: credentials.apiKey, authToken: credentials.authToken })
    },

    createUser(input, { withAuthToken, signal } = {}) {
      const body = withAuthToken === undefined ? input : { ...input, withAuthToken }
      return data({ method: 'POST', surface: surface({ preferKey: true }), path: '/users', body, signal })
    },
    getUser(uid, { signal }: CallOptions = {}) {
      return options.batchGetUser === false ? fetchUser(uid, signal) : batcher.load(uid, signal)
    },
    listUsers(query, { signal } = {}) {
      return page({ method: 'GET', surface: surface(), path: '/users', query: usersQueryString(query), signal })
    },
    listRoles({ signal } = {}) {
      return data<Role[]>({ method: 'GET', surface: surface(), path: '/roles', signal })
    },
    updateUser(uid, input, { ifMatch, signal } = {}) {
      return data({ method: 'PUT', surface: surface(), path: path`/users/${uid}`, body: input, ifMatch, signal })
    },
    deactivateUser(uid, { signal } = {}) {
      const body = { permanent: false }
      return data<DeleteResult>({ method: 'DELETE', surface: surface(), path: path`/users/${uid}`, body, signal })
    },
    deleteUser(uid, { signal } = {}) {
      return data({ method: 'DELETE', surface: 'rest', path: path`/users/${uid}`, body: { permanent: true }, signal })
    },
    deactivateUsers(uids, { signal } = {}) {
      const body = { uidsToDeactivate: uids }
      return data<Outcomes>({ method: 'DELETE', surface: 'rest', path: '/users', body, signal })
    },
    reactivateUsers(uids, { signal } = {}) {
      return data({ method: 'PUT', surface: surface(), path: '/users', body: { uidsToActivate: uids }, signal })
    },
    bulkUsers(input, options = {}) {
      // Erasing is a backend's act: only the REST API takes it.
      return runBulk(transport, input.action === 'delete' ? 'rest' : surface(), input, options)
    },
    exportUsers(filter = {}, { format = 'csv', signal } = {}) {
      const query = [`format=${format}`, usersQueryString(filter)].filter(Boolean).join('&')
      return transport.stream({ method: 'GET', surface: surface(), path: '/exports/users', query, signal })
    },
    importUsers(text, { format = 'csv', dryRun = false, signal } = {}) {
      const file = { text, type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' }
      return data({ method: 'POST', surface: surface(), path: '/imports/users', query: dryRun ? 'dryRun=1' : '', file, signal })
    },

    createAuthToken(uid, { force, deviceId, signal } = {}) {
      const body = { force, deviceId }
      return data({ method: 'POST', surface: 'rest', path: path`/users/${uid}/auth_tokens`, body, signal })
    },
    revokeAuthToken(uid, token, { signal } = {}) {
      return data({ method: 'DELETE', surface: 'rest', path: path`/users/${uid}/auth_tokens/${token}`, signal })
    },
    revokeAuthTokens(uid, { signal } = {}) {
      return data({ method: 'DELETE', surface: 'rest', path: path`/users/${uid}/auth_tokens`, signal })
    },

    // async so that a missing blocker rejects like every other failure instead of throwing.
    async blockUsers(uids, { blocker, signal } = {}) {
      return data({ method: 'POST', ...blockTarget(blocker, 'blockUsers'), body: { blockedUids: uids }, signal })
    },
    async unblockUsers(uids, { blocker, signal } = {}) {
      return data({ method: 'DELETE', ...blockTarget(blocker, 'unblockUsers'), body: { blockedUids: uids }, signal })
    },
    async getBlockedUsers(query = {}, { blocker, signal } = {}) {
      const { perPage, page: pageNumber, searchKey, direction } = query
      const queryString = [usersQueryString({ perPage, page: pageNumber, searchKey }), direction ? `direction=${direction}` : '']
        .filter(Boolean)
        .join('&')
      return page({ method: 'GET', ...blockTarget(blocker, 'getBlockedUsers'), query: queryString, signal })
    },

    login(deviceInfo = {}, { signal } = {}) {
      return data({ method: 'PUT', surface: 'client', path: '/me', body: deviceInfo, signal })
    },
    getMe({ signal } = {}) {
      return data({ method: 'GET', surface: 'client', path: '/me', signal })
    },
    updateMe(input, { ifMatch, signal } = {}) {
      // The type forbids them; JavaScript callers and spread objects can still carry them along.
      const { uid: _uid, role: _role, ...body } = input as typeof input & { uid?: unknown; role?: unknown }
      return data({ method: 'PUT', surface: 'client', path: '/me', body, ifMatch, signal })
    },
    uploadAvatar(file, { uid, ifMatch, signal, onProgress } = {}) {
      const target = uid === undefined ? { surface: 'client' as const, path: '/me/avatar' } : { surface: surface(), path: path`/users/${uid}/avatar` }
      return data({ method: 'PUT', ...target, blob: file, ifMatch, signal, ...(onProgress ? { onProgress } : {}) })
    },
    removeAvatar({ uid, ifMatch, signal } = {}) {
      const target = uid === undefined ? { surface: 'client' as const, path: '/me/avatar' } : { surface: surface(), path: path`/users/${uid}/avatar` }
      return data({ method: 'DELETE', ...target, ifMatch, signal })
    },
    logout({ signal } = {}) {
      return data({ method: 'DELETE', surface: 'client', path: '/me', signal })
    },
    async heartbeat({ signal } = {}) {
      await data({ method: 'POST', surface: 'client', path: '/user_sessions', body: {}, signal })
    },
    events({ lastEventId, signal } = {}) {
      return readUserEvents({
        baseUrl,
        fetch: fetchFn,
        ...(authToken !== undefined ? { authToken } : apiKey !== undefined ? { apiKey } : {}),
        ...(appId !== undefined ? { appId } : {}),
        ...(lastEventId !== undefined ? { lastEventId } : {}),
        ...(signal !== undefined ? { signal } : {}),
      })
    },
  }
}
