import { describe, expect, it } from 'vitest'
import { userEtag } from '../../src/model/index.js'
import { authOnly, describeContract, full } from './harness.js'
import { clientSurface, expectError, managingSurfaces, plainToken, stored } from './userDataKit.js'

describeContract('POST /users', (env) => {
  describe.each(managingSurfaces)('on the $name', (surface) => {
    it('answers the new user exactly: optional fields absent, uid lowercased, defaults set by the server', async () => {
      const as = await surface.credential(env())
      env().advance(42)
      const answer = await env().call('POST', `${surface.prefix}/users`, { as, body: { uid: 'Ada_Lovelace-1', name: 'Ada' } })
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({
        data: {
          uid: 'ada_lovelace-1',
          name: 'Ada',
          role: 'default',
          status: 'offline',
          createdAt: env().now(),
          updatedAt: env().now(),
          // The client API answers relative to the viewer.
          ...(surface === clientSurface ? { hasBlockedMe: false, blockedByMe: false } : {}),
        },
      })
      expect(answer.headers.get('etag')).toBe(userEtag(answer.body.data))
      expect(await stored(env(), 'ada_lovelace-1')).toEqual({
        uid: 'ada_lovelace-1',
        name: 'Ada',
        role: 'default',
        status: 'offline',
        createdAt: env().now(),
        updatedAt: env().now(),
      })
    })

    it('stores and answers every field a creator may set', async () => {
      const as = await surface.credential(env())
      const body = {
        uid: 'grace',
        name: 'Grace Hopper',
        avatar: 'https://example.test/grace.png',
        link: 'http://example.test/grace',
        role: 'moderator',
        metadata: { team: 'navy', rank: 3, nested: { ok: true, list: [1, 'two', null] } },
        statusMessage: 'Debugging',
        tags: ['cobol', 'navy'],
      }
      const answer = await env().call('POST', `${surface.prefix}/users`, { as, body })
      expect(answer.status).toBe(200)
      const { uid, name, avatar, link, role, metadata, statusMessage, tags } = answer.body.data
      expect({ uid, name, avatar, link, role, metadata, statusMessage, tags }).toEqual(body)
      const read = await env().call('GET', '/v3/users/grace', { as: full })
      expect(read.body.data).toEqual({ ...body, status: 'offline', createdAt: env().now(), updatedAt: env().now() })
    })

    it('ignores server-set fields in the body and never stores them', async () => {
      const as = await surface.credential(env())
      const answer = await env().call('POST', `${surface.prefix}/users`, {
        as,
        body: {
          uid: 'mallory',
          name: 'Mallory',
          hasBlockedMe: true,
          blockedByMe: true,
          deactivatedAt: 0,
          status: 'online',
          lastActiveAt: 123,
          createdAt: 1,
          updatedAt: 2,
        },
      })
      expect(answer.status).toBe(200)
      expect(answer.body.data).toMatchObject({ status: 'offline', createdAt: env().now(), updatedAt: env().now() })
      expect(answer.body.data).not.toHaveProperty('deactivatedAt')
      expect(answer.body.data).not.toHaveProperty('lastActiveAt')
      expect(answer.body.data.hasBlockedMe ?? false).toBe(false)
      expect(answer.body.data.blockedByMe ?? false).toBe(false)
      expect(await stored(env(), 'mallory')).toEqual({
        uid: 'mallory',
        name: 'Mallory',
        role: 'default',
        status: 'offline',
        createdAt: env().now(),
        updatedAt: env().now(),
      })
      // deactivatedAt: 0 must not have deactivated the user.
      expect((await env().call('GET', '/v3/users/mallory', { as: full })).status).toBe(200)
    })

    it('ignores unknown fields', async () => {
      const as = await surface.credential(env())
      const answer = await env().call('POST', `${surface.prefix}/users`, {
        as,
        body: { uid: 'eve', name: 'Eve', favouriteColour: 'green', password: 'hunter2' },
      })
      expect(answer.status).toBe(200)
      expect(answer.body.data).not.toHaveProperty('favouriteColour')
      expect(answer.body.data).not.toHaveProperty('password')
      expect(Object.keys((await stored(env(), 'eve'))!).sort()).toEqual(['createdAt', 'name', 'role', 'status', 'uid', 'updatedAt'])
    })

    it('stores an empty tags array as absent', async () => {
      const as = await surface.credential(env())
      const answer = await env().call('POST', `${surface.prefix}/users`, { as, body: { uid: 'tagless', name: 'T', tags: [] } })
      expect(answer.status).toBe(200)
      expect(answer.body.data).not.toHaveProperty('tags')
      expect((await env().call('GET', '/v3/users/tagless', { as: full })).body.data).not.toHaveProperty('tags')
    })

    it('refuses a uid that is taken, in any case, and leaves the first user alone', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      for (const uid of ['ada', 'ADA', 'aDa']) {
        const answer = await env().call('POST', `${surface.prefix}/users`, { as, body: { uid, name: 'Impostor' } })
        expectError(answer, 400, 'ERR_UID_ALREADY_EXISTS')
      }
      expect((await stored(env(), 'ada'))?.name).toBe('Ada')
    })

    it('refuses the uid of a deactivated user', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'gone', name: 'Gone' })
      expect((await env().call('DELETE', '/v3/users/gone', { as: full, body: { permanent: false } })).status).toBe(200)
      const answer = await env().call('POST', `${surface.prefix}/users`, { as, body: { uid: 'Gone', name: 'Again' } })
      expectError(answer, 400, 'ERR_UID_ALREADY_EXISTS')
      const kept = await stored(env(), 'gone')
      expect(kept?.name).toBe('Gone')
      expect(kept?.deactivatedAt).toBeTypeOf('number')
    })

    it('answers ERR_ROLE_NOT_FOUND for an unknown role and creates nothing', async () => {
      const as = await surface.credential(env())
      const answer = await env().call('POST', `${surface.prefix}/users`, { as, body: { uid: 'ada', name: 'Ada', role: 'wizard' } })
      expectError(answer, 404, 'ERR_ROLE_NOT_FOUND')
      expect(await stored(env(), 'ada')).toBeNull()
    })

    it('may create a user whose role manages users', async () => {
      const as = await surface.credential(env())
      const answer = await env().call('POST', `${surface.prefix}/users`, { as, body: { uid: 'chief', name: 'Chief', role: 'admin' } })
      expect(answer.status).toBe(200)
      expect(answer.body.data.role).toBe('admin')
    })
  })

  describe('withAuthToken', () => {
    it('returns an auth token with a key, and the token works on the client API', async () => {
      const answer = await env().call('POST', '/v3/users', { as: full, body: { uid: 'Ada', name: 'Ada', withAuthToken: true } })
      expect(answer.status).toBe(200)
      expect(answer.body.data.authToken).toEqual(expect.any(String))
      expect(answer.body.data.authToken.length).toBeGreaterThan(16)
      const me = await env().call('GET', '/v3.0/me', { as: { authToken: answer.body.data.authToken } })
      expect(me.status).toBe(200)
      expect(me.body.data.uid).toBe('ada')
      // The token is never part of the stored user.
      expect(await stored(env(), 'ada')).not.toHaveProperty('authToken')
      expect((await env().call('GET', '/v3/users/ada', { as: full })).body.data).not.toHaveProperty('authToken')
    })

    it('returns an auth token to an authOnly key too', async () => {
      const answer = await env().call('POST', '/v3/users', { as: authOnly, body: { uid: 'demo', name: 'Demo', withAuthToken: true } })
      expect(answer.status).toBe(200)
      expect((await env().call('GET', '/v3.0/me', { as: { authToken: answer.body.data.authToken } })).status).toBe(200)
    })

    it('returns no auth token without withAuthToken, or with withAuthToken false', async () => {
      const plain = await env().call('POST', '/v3/users', { as: full, body: { uid: 'a', name: 'A' } })
      const no = await env().call('POST', '/v3/users', { as: full, body: { uid: 'b', name: 'B', withAuthToken: false } })
      expect(plain.body.data).not.toHaveProperty('authToken')
      expect(no.body.data).not.toHaveProperty('authToken')
    })

    it('is not honoured for a manager token: a manager may not mint tokens for others', async () => {
      const as = await clientSurface.credential(env())
      const answer = await env().call('POST', '/v3.0/users', { as, body: { uid: 'minion', name: 'Minion', withAuthToken: true } })
      expect(answer.status).toBe(200)
      expect(answer.body.data).not.toHaveProperty('authToken')
      expect(answer.body.data.uid).toBe('minion')
    })

    it('through the client: createUser(…, { withAuthToken: true }) gives a token the client can log in with', async () => {
      const user = await env().client(full).createUser({ uid: 'Lin', name: 'Lin' }, { withAuthToken: true })
      expect(user.uid).toBe('lin')
      expect(user.authToken).toEqual(expect.any(String))
      const me = await env().client({ authToken: user.authToken! }).getMe()
      expect(me.uid).toBe('lin')
    })
  })

  describe('who may create', () => {
    it('lets an authOnly key create a default user', async () => {
      const answer = await env().call('POST', '/v3/users', { as: authOnly, body: { uid: 'demo', name: 'Demo' } })
      expect(answer.status).toBe(200)
      expect(answer.body.data.role).toBe('default')
      const moderator = await env().call('POST', '/v3/users', { as: authOnly, body: { uid: 'mod', name: 'Mod', role: 'moderator' } })
      expect(moderator.status).toBe(200)
      expect(moderator.body.data.role).toBe('moderator')
    })

    it('refuses an authOnly key a user whose role manages users, and creates nothing', async () => {
      const answer = await env().call('POST', '/v3/users', { as: authOnly, body: { uid: 'usurper', name: 'U', role: 'admin' } })
      expectError(answer, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await stored(env(), 'usurper')).toBeNull()
    })

    it('refuses a token whose role may not manage users', async () => {
      const token = await plainToken(env())
      const answer = await env().call('POST', '/v3.0/users', { as: { authToken: token }, body: { uid: 'x', name: 'X' } })
      expectError(answer, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await stored(env(), 'x')).toBeNull()
    })

    it('through the client with a manager token, goes to the client API and creates the user', async () => {
      const { authToken } = await clientSurface.credential(env())
      const user = await env().client({ authToken: authToken! }).createUser({ uid: 'Kid', name: 'Kid', tags: ['new'] })
      expect(user).toMatchObject({ uid: 'kid', name: 'Kid', role: 'default', tags: ['new'] })
      expect((await stored(env(), 'kid'))?.tags).toEqual(['new'])
    })

    it('through the client with a key, creates the user', async () => {
      const user = await env().client(full).createUser({ uid: 'Key', name: 'Key' })
      expect(user).toEqual({ uid: 'key', name: 'Key', role: 'default', status: 'offline', createdAt: env().now(), updatedAt: env().now() })
    })
  })
})
