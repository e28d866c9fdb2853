import { describe, expect, it } from 'vitest'
import { createUserHandler } from '../../src/server/index.js'
import { accessFixture, envKeys, expectData, expectError, storeState, type AccessFixture } from './accessKit.js'
import { callHandler, authOnly, describeContract, full, roles, type Credential } from './harness.js'

/** One row of DESIGN's two endpoint tables, as a request that succeeds when the credential may make it. */
interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  body?: unknown
  /** `/v3`: an authOnly key may call it too. */
  authOnly?: boolean
  /** `/v3.0`: only a token whose role may manage users. */
  manager?: boolean
}

const ADA_TOKEN = '{adaToken}'

const endpoints: Endpoint[] = [
  { method: 'POST', path: '/v3/users', body: { uid: 'newbie', name: 'Newbie' }, authOnly: true },
  { method: 'GET', path: '/v3/users' },
  { method: 'GET', path: '/v3/users/ada' },
  { method: 'PUT', path: '/v3/users/ada', body: { name: 'Ada Renamed' } },
  { method: 'DELETE', path: '/v3/users/ada' },
  { method: 'DELETE', path: '/v3/users', body: { uidsToDeactivate: ['eve'] } },
  { method: 'PUT', path: '/v3/users', body: { uidsToActivate: ['zed'] } },
  { method: 'POST', path: '/v3/users/ada/auth_tokens', body: {}, authOnly: true },
  { method: 'DELETE', path: '/v3/users/ada/auth_tokens' },
  { method: 'DELETE', path: `/v3/users/ada/auth_tokens/${ADA_TOKEN}` },
  { method: 'POST', path: '/v3/users/ada/blockedusers', body: { blockedUids: ['bob'] } },
  { method: 'DELETE', path: '/v3/users/ada/blockedusers', body: { blockedUids: ['root'] } },
  { method: 'GET', path: '/v3/users/ada/blockedusers' },

  { method: 'PUT', path: '/v3.0/me', body: { name: 'Renamed' } },
  { method: 'GET', path: '/v3.0/me' },
  { method: 'DELETE', path: '/v3.0/me' },
  { method: 'GET', path: '/v3.0/users' },
  { method: 'GET', path: '/v3.0/users/ada' },
  { method: 'POST', path: '/v3.0/blockedusers', body: { blockedUids: ['bob'] } },
  { method: 'DELETE', path: '/v3.0/blockedusers', body: { blockedUids: ['bob'] } },
  { method: 'GET', path: '/v3.0/blockedusers' },
  { method: 'POST', path: '/v3.0/user_sessions', body: { platform: 'WEB', deviceId: 'd1' } },
  { method: 'POST', path: '/v3.0/users', body: { uid: 'newbie', name: 'Newbie' }, manager: true },
  { method: 'PUT', path: '/v3.0/users/ada', body: { name: 'Ada Renamed' }, manager: true },
  { method: 'DELETE', path: '/v3.0/users/ada', manager: true },
  { method: 'PUT', path: '/v3.0/users', body: { uidsToActivate: ['zed'] }, manager: true },
]

type CredentialKind =
  | 'no credential'
  | 'an unknown key'
  | 'the authOnly key'
  | 'the fullAccess key'
  | "the target user's own token"
  | "another user's token"
  | 'a manager (admin) token'
  | 'an unknown token'

const credentialKinds: CredentialKind[] = [
  'no credential',
  'an unknown key',
  'the authOnly key',
  'the fullAccess key',
  "the target user's own token",
  "another user's token",
  'a manager (admin) token',
  'an unknown token',
]

function credentialOf(kind: CredentialKind, fixture: AccessFixture): Credential {
  switch (kind) {
    case 'no credential':
      return {}
    case 'an unknown key':
      return { apiKey: 'no-such-key' }
    case 'the authOnly key':
      return authOnly
    case 'the fullAccess key':
      return full
    case "the target user's own token":
      return { authToken: fixture.ada }
    case "another user's token":
      return { authToken: fixture.eve }
    case 'a manager (admin) token':
      return { authToken: fixture.root }
    case 'an unknown token':
      return { authToken: 'no-such-token' }
  }
}

const isKey = (kind: CredentialKind): boolean => kind.endsWith('key')
const isToken = (kind: CredentialKind): boolean => kind.endsWith('token')

/** What DESIGN says the answer is: a 2xx (`code` undefined) or this status and code. */
function expected(endpoint: Endpoint, kind: CredentialKind): { status: number; code?: string } {
  if (endpoint.path.startsWith('/v3.0/')) {
    // A key means nothing to the client API: it is as if no credential came.
    if (kind === 'no credential' || isKey(kind)) return { status: 401, code: 'AUTH_ERR_EMPTY_AUTH_TOKEN' }
    if (kind === 'an unknown token') return { status: 401, code: 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND' }
    if (endpoint.manager && kind !== 'a manager (admin) token') return { status: 403, code: 'AUTH_ERR_NO_ACCESS' }
    return { status: 200 }
  }
  // A token means nothing to the REST API: it is as if no key came.
  if (kind === 'no credential' || isToken(kind)) return { status: 401, code: 'AUTH_ERR_EMPTY_APIKEY' }
  if (kind === 'an unknown key') return { status: 401, code: 'AUTH_ERR_APIKEY_NOT_FOUND' }
  if (kind === 'the authOnly key' && !endpoint.authOnly) return { status: 403, code: 'AUTH_ERR_NO_ACCESS' }
  return { status: 200 }
}

const table = endpoints.flatMap((endpoint) =>
  credentialKinds.map((kind) => {
    const outcome = expected(endpoint, kind)
    return {
      endpoint,
      kind,
      outcome,
      label: `${endpoint.method} ${endpoint.path.replace(ADA_TOKEN, '{token}')} with ${kind}: ${outcome.code ? `${outcome.status} ${outcome.code}, nothing changed` : '2xx'}`,
    }
  }),
)

describeContract('credentials and scopes', (env) => {
  it('the table covers every endpoint of both surfaces with every kind of credential', () => {
    expect(endpoints).toHaveLength(26)
    expect(table).toHaveLength(26 * 8)
  })

  it.each(table)('$label', async ({ endpoint, kind, outcome }) => {
    const fixture = await accessFixture(env())
    const path = endpoint.path.replace(ADA_TOKEN, encodeURIComponent(fixture.ada))
    const before = await storeState(env().store, fixture.tokens)
    const answer = await env().call(endpoint.method, path, {
      as: credentialOf(kind, fixture),
      ...(endpoint.body !== undefined ? { body: endpoint.body } : {}),
    })
    if (outcome.code === undefined) {
      expectData(answer)
    } else {
      expectError(answer, outcome.status, outcome.code)
      expect(await storeState(env().store, fixture.tokens)).toEqual(before)
    }
  })

  describe('nobody changes their own uid or role', () => {
    it('PUT /v3.0/me with another role is refused with 403 and changes nothing', async () => {
      const fixture = await accessFixture(env())
      const before = await storeState(env().store, fixture.tokens)
      const answer = await env().call('PUT', '/v3.0/me', { as: { authToken: fixture.ada }, body: { role: 'admin', name: 'Boss Ada' } })
      expectError(answer, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await storeState(env().store, fixture.tokens)).toEqual(before)
    })

    it('a manager cannot demote itself through PUT /v3.0/me', async () => {
      const fixture = await accessFixture(env())
      const before = await storeState(env().store, fixture.tokens)
      const answer = await env().call('PUT', '/v3.0/me', { as: { authToken: fixture.root }, body: { role: 'default' } })
      expectError(answer, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await storeState(env().store, fixture.tokens)).toEqual(before)
    })

    it('a manager cannot change its own role through PUT /v3.0/users/{self}', async () => {
      const fixture = await accessFixture(env())
      const before = await storeState(env().store, fixture.tokens)
      for (const role of ['default', 'moderator']) {
        const answer = await env().call('PUT', '/v3.0/users/root', { as: { authToken: fixture.root }, body: { role, name: 'Rooty' } })
        expectError(answer, 403, 'AUTH_ERR_NO_ACCESS')
      }
      // The uid in the path is case-insensitive: ROOT is still oneself.
      const shouted = await env().call('PUT', '/v3.0/users/ROOT', { as: { authToken: fixture.root }, body: { role: 'default' } })
      expectError(shouted, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await storeState(env().store, fixture.tokens)).toEqual(before)
    })

    it('a manager may edit its own profile through PUT /v3.0/users/{self} when the role sent is its current one', async () => {
      const fixture = await accessFixture(env())
      const answer = await env().call('PUT', '/v3.0/users/root', { as: { authToken: fixture.root }, body: { role: 'admin', name: 'Rooty' } })
      expect(expectData(answer)).toMatchObject({ uid: 'root', role: 'admin', name: 'Rooty' })
    })

    it("a manager may change another user's role", async () => {
      const fixture = await accessFixture(env())
      const answer = await env().call('PUT', '/v3.0/users/ada', { as: { authToken: fixture.root }, body: { role: 'moderator' } })
      expect(expectData(answer)).toMatchObject({ uid: 'ada', role: 'moderator' })
      expect((await env().store.getUser('ada'))?.role).toBe('moderator')
    })

    it.each([
      { via: 'PUT /v3.0/me as ada', method: 'PUT', path: '/v3.0/me', as: 'ada', target: 'ada' },
      { via: 'PUT /v3.0/users/ada as a manager', method: 'PUT', path: '/v3.0/users/ada', as: 'root', target: 'ada' },
      { via: 'PUT /v3.0/users/root as root itself', method: 'PUT', path: '/v3.0/users/root', as: 'root', target: 'root' },
      { via: 'PUT /v3/users/ada with the fullAccess key', method: 'PUT', path: '/v3/users/ada', as: 'key', target: 'ada' },
    ] as const)('a uid in the body is ignored: $via', async ({ method, path, as, target }) => {
      const fixture = await accessFixture(env())
      const credential: Credential = as === 'key' ? full : { authToken: as === 'ada' ? fixture.ada : fixture.root }
      for (const uid of ['eve', 'brand-new']) {
        const answer = await env().call(method, path, { as: credential, body: { uid, name: `Not ${uid}` } })
        expect(expectData(answer)).toMatchObject({ uid: target, name: `Not ${uid}` })
      }
      expect((await env().store.getUser('eve'))?.name).toBe('Eve')
      expect(await env().store.getUser('brand-new')).toBeNull()
      expect((await env().store.getUser(target))?.name).toBe('Not brand-new')
    })

    it('an authOnly key cannot create a user whose role may manage users', async () => {
      const before = await storeState(env().store)
      const answer = await env().call('POST', '/v3/users', { as: authOnly, body: { uid: 'mallory', name: 'Mallory', role: 'admin' } })
      expectError(answer, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await storeState(env().store)).toEqual(before)
    })

    it('a manager can neither deactivate itself nor erase anyone through /v3.0', async () => {
      const fixture = await accessFixture(env())
      const before = await storeState(env().store, fixture.tokens)
      expectError(await env().call('DELETE', '/v3.0/users/root', { as: { authToken: fixture.root } }), 403, 'AUTH_ERR_NO_ACCESS')
      const erase = await env().call('DELETE', '/v3.0/users/ada', { as: { authToken: fixture.root }, body: { permanent: true } })
      expectError(erase, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await storeState(env().store, fixture.tokens)).toEqual(before)
    })
  })

  describe('the authenticate option', () => {
    const handlerWithHook = () =>
      createUserHandler({
        store: env().store,
        keys: envKeys,
        roles,
        now: env().now,
        authenticate: async (request) => (request.headers.get('x-session') === 's1' ? { uid: 'ada' } : null),
        onError: (error) => {
          throw error
        },
      })

    it('lets /v3.0 calls through as the user the hook names, without a token', async () => {
      await accessFixture(env())
      const handler = handlerWithHook()
      const me = await callHandler(handler, 'GET', '/v3.0/me', { headers: { 'x-session': 's1' } })
      expect(expectData(me).uid).toBe('ada')
      const edit = await callHandler(handler, 'PUT', '/v3.0/me', { headers: { 'x-session': 's1' }, body: { name: 'Ada by session' } })
      expect(expectData(edit)).toMatchObject({ uid: 'ada', name: 'Ada by session' })
      // There is no token to hand back: the session is the credential.
      expect(expectData(edit)).not.toHaveProperty('authToken')
      const blocked = await callHandler(handler, 'GET', '/v3.0/blockedusers', { headers: { 'x-session': 's1' } })
      expect(expectData(blocked).map((user: { uid: string }) => user.uid)).toEqual(['root'])
      // ada is no manager, and the hook does not change that.
      expectError(await callHandler(handler, 'DELETE', '/v3.0/users/eve', { headers: { 'x-session': 's1' } }), 403, 'AUTH_ERR_NO_ACCESS')
    })

    it('falls back to AUTH_ERR_EMPTY_AUTH_TOKEN when the hook knows no session, and changes nothing', async () => {
      const fixture = await accessFixture(env())
      const handler = handlerWithHook()
      const before = await storeState(env().store, fixture.tokens)
      for (const headers of [{}, { 'x-session': 's2' }, { apikey: envKeys[0]!.key }] as Record<string, string>[]) {
        expectError(await callHandler(handler, 'GET', '/v3.0/me', { headers }), 401, 'AUTH_ERR_EMPTY_AUTH_TOKEN')
        expectError(await callHandler(handler, 'PUT', '/v3.0/me', { headers, body: { name: 'X' } }), 401, 'AUTH_ERR_EMPTY_AUTH_TOKEN')
      }
      expect(await storeState(env().store, fixture.tokens)).toEqual(before)
    })

    it('a token, when sent, decides over the hook', async () => {
      const fixture = await accessFixture(env())
      const handler = handlerWithHook()
      const asEve = await callHandler(handler, 'GET', '/v3.0/me', { headers: { 'x-session': 's1', authtoken: fixture.eve } })
      expect(expectData(asEve).uid).toBe('eve')
      const bad = await callHandler(handler, 'GET', '/v3.0/me', { headers: { 'x-session': 's1', authtoken: 'no-such-token' } })
      expectError(bad, 401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
    })

    it('refuses a uid from the hook that no user can have, without asking the store', async () => {
      await accessFixture(env())
      const handler = createUserHandler({
        store: env().store,
        keys: envKeys,
        roles,
        authenticate: async () => ({ uid: 'ada\u0000' }),
        onError: (error) => {
          throw error
        },
      })
      expectError(await callHandler(handler, 'GET', '/v3.0/me'), 401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
    })

    it('does not open the REST API', async () => {
      await accessFixture(env())
      const answer = await callHandler(handlerWithHook(), 'GET', '/v3/users/ada', { headers: { 'x-session': 's1' } })
      expectError(answer, 401, 'AUTH_ERR_EMPTY_APIKEY')
    })
  })

  it("refuses a deactivated user's token with 401 and accepts it nowhere on /v3.0", async () => {
    const fixture = await accessFixture(env())
    await env().client(full).deactivateUser('ada')
    const before = await storeState(env().store, fixture.tokens)
    for (const [method, path] of [
      ['GET', '/v3.0/me'],
      ['PUT', '/v3.0/me'],
      ['GET', '/v3.0/users'],
      ['POST', '/v3.0/user_sessions'],
    ] as const) {
      const answer = await env().call(method, path, { as: { authToken: fixture.ada }, ...(method === 'GET' ? {} : { body: {} }) })
      expectError(answer, 401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
    }
    expect(await storeState(env().store, fixture.tokens)).toEqual(before)
  })

  it('refuses the token of a user erased for good with 401', async () => {
    const fixture = await accessFixture(env())
    await env().client(full).deleteUser('eve')
    expectError(await env().call('GET', '/v3.0/me', { as: { authToken: fixture.eve } }), 401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
  })

  it('answers ERR_UID_NOT_FOUND (404) for an onBehalfOf naming a missing or deactivated user, and changes nothing', async () => {
    const fixture = await accessFixture(env())
    const before = await storeState(env().store, fixture.tokens)
    for (const onBehalfOf of ['nobody', 'zed']) {
      expectError(await env().call('GET', '/v3/users/ada', { as: { ...full, onBehalfOf } }), 404, 'ERR_UID_NOT_FOUND')
      const write = await env().call('PUT', '/v3/users/ada', { as: { ...full, onBehalfOf }, body: { name: 'Changed' } })
      expectError(write, 404, 'ERR_UID_NOT_FOUND')
    }
    expect(await storeState(env().store, fixture.tokens)).toEqual(before)
  })

  it('applies the view of an existing onBehalfOf user (uid in any case)', async () => {
    await accessFixture(env())
    const answer = await env().call('GET', '/v3/users/root', { as: { ...full, onBehalfOf: 'ADA' } })
    expect(expectData(answer)).toMatchObject({ uid: 'root', blockedByMe: true, hasBlockedMe: false })
  })
})
