import { describe, expect, it } from 'vitest'
import { createUserHandler } from '../../src/server/index.js'
import { accessFixture, envKeys, expectData, expectError, storeState } from './accessKit.js'
import { answerOf, BASE, callHandler, authOnly, describeContract, full, roles, type Credential } from './harness.js'

// Every endpoint against every kind of credential is the table in accessTable.test.ts; here, the
// rules that need more than one request or a handler of their own.
describeContract('credentials and scopes', (env) => {
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

    describe('a session from another site (CSRF)', () => {
      const cookieHandler = (cors?: { origin: string | string[] }) =>
        createUserHandler({
          store: env().store,
          keys: envKeys,
          roles: { ...roles, default: {}, admin: { manageUsers: true } },
          now: env().now,
          ...(cors ? { cors } : {}),
          authenticate: async (request) => (request.headers.get('cookie') === 'session=root' ? { uid: 'root' } : null),
          onError: (error) => {
            throw error
          },
        })

      it('refuses a form post from another origin with 415, and its JSON twin with 403, changing nothing', async () => {
        const fixture = await accessFixture(env())
        const handler = cookieHandler()
        const before = await storeState(env().store, fixture.tokens)
        const body = JSON.stringify({ uid: 'intruder', name: 'Intruder', role: 'admin' })
        const form = await handler(
          new Request(`${BASE}/v3.0/users`, {
            method: 'POST',
            headers: { cookie: 'session=root', origin: 'https://evil.example', 'content-type': 'text/plain' },
            body,
          }),
        )
        expectError(await answerOf(form), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE')
        for (const origin of ['https://evil.example', 'null', `${BASE}.evil.example`]) {
          const json = await callHandler(handler, 'POST', '/v3.0/users', { headers: { cookie: 'session=root', origin }, body: JSON.parse(body) })
          expectError(json, 403, 'AUTH_ERR_NO_ACCESS')
          expect(json.body.error.message).toContain(origin)
          const logout = await callHandler(handler, 'DELETE', '/v3.0/me', { headers: { cookie: 'session=root', origin } })
          expectError(logout, 403, 'AUTH_ERR_NO_ACCESS')
        }
        expect(await storeState(env().store, fixture.tokens)).toEqual(before)
      })

      it('takes the session from its own site (any scheme, as behind a proxy), from a cors origin, and without an Origin', async () => {
        await accessFixture(env())
        const handler = cookieHandler({ origin: ['https://admin.example', '*'] })
        for (const origin of [BASE, BASE.replace('http:', 'https:'), 'https://admin.example', undefined]) {
          const headers: Record<string, string> = { cookie: 'session=root', ...(origin ? { origin } : {}) }
          expect(expectData(await callHandler(handler, 'GET', '/v3.0/me', { headers })).uid).toBe('root')
        }
        // '*' opens CORS for tokens, never a session to any site.
        expectError(await callHandler(handler, 'GET', '/v3.0/me', { headers: { cookie: 'session=root', origin: 'https://other.example' } }), 403, 'AUTH_ERR_NO_ACCESS')
      })

      it('lets a token through from any origin: a token is no ambient credential', async () => {
        const fixture = await accessFixture(env())
        const answer = await callHandler(cookieHandler(), 'GET', '/v3.0/me', { headers: { authtoken: fixture.eve, origin: 'https://elsewhere.example' } })
        expect(expectData(answer).uid).toBe('eve')
      })
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
