import { describe, expect, it } from 'vitest'
import { describeContract, full, authOnly } from './harness.js'
import { expectBadRequest, expectError, MANAGER_UID, managerToken, managingSurfaces, plainToken, stored } from './userDataKit.js'

describeContract('DELETE /users/{uid}', (env) => {
  describe.each(managingSurfaces)('on the $name', (surface) => {
    it.each([
      ['{permanent: false}', { permanent: false }],
      ['no body', undefined],
      ['an empty object', {}],
    ])('deactivates with %s, answering {success, message}', async (_label, body) => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      env().advance(7)
      const answer = await env().call('DELETE', `${surface.prefix}/users/ADA`, { as, ...(body ? { body } : {}) })
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({ data: { success: true, message: expect.any(String) } })
      const kept = await stored(env(), 'ada')
      expect(kept).toMatchObject({ uid: 'ada', name: 'Ada', deactivatedAt: env().now(), status: 'offline' })
      expectError(await env().call('GET', '/v3/users/ada', { as: full }), 404, 'ERR_UID_NOT_FOUND')
    })

    it('hides a deactivated user from lists unless withDeactivated or onlyDeactivated asks, which show deactivatedAt', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await env().createUser({ uid: 'bob', name: 'Bob' })
      env().advance(7)
      await env().call('DELETE', `${surface.prefix}/users/ada`, { as })
      const listed = await env().call('GET', `${surface.prefix}/users?uids=ada,bob`, { as })
      expect(listed.body.data.map((u: { uid: string }) => u.uid)).toEqual(['bob'])
      const withThem = await env().call('GET', `${surface.prefix}/users?uids=ada,bob&withDeactivated=1`, { as })
      expect(withThem.body.data.map((u: { uid: string }) => u.uid)).toEqual(['ada', 'bob'])
      expect(withThem.body.data[0].deactivatedAt).toBe(env().now())
      const only = await env().call('GET', `${surface.prefix}/users?onlyDeactivated=1`, { as })
      expect(only.body.data).toEqual([expect.objectContaining({ uid: 'ada', deactivatedAt: env().now() })])
    })

    it("stops the deactivated user's tokens working until the user is reactivated", async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const token = await env().tokenFor('ada')
      expect((await env().call('GET', '/v3.0/me', { as: { authToken: token } })).status).toBe(200)
      await env().call('DELETE', `${surface.prefix}/users/ada`, { as, body: { permanent: false } })
      expectError(await env().call('GET', '/v3.0/me', { as: { authToken: token } }), 401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
      expectError(await env().call('GET', '/v3.0/users', { as: { authToken: token } }), 401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
      const reactivated = await env().call('PUT', `${surface.prefix}/users`, { as, body: { uidsToActivate: ['ada'] } })
      expect(reactivated.body.data.ada.success).toBe(true)
      const me = await env().call('GET', '/v3.0/me', { as: { authToken: token } })
      expect(me.status).toBe(200)
      expect(me.body.data).not.toHaveProperty('deactivatedAt')
    })

    it('refuses to deactivate a user that is already deactivated or missing', async () => {
      const as = await surface.credential(env())
      expectError(await env().call('DELETE', `${surface.prefix}/users/nobody`, { as }), 404, 'ERR_UID_NOT_FOUND')
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await env().call('DELETE', `${surface.prefix}/users/ada`, { as })
      const before = await stored(env(), 'ada')
      env().advance(5)
      expectError(await env().call('DELETE', `${surface.prefix}/users/ada`, { as }), 404, 'ERR_UID_NOT_FOUND')
      expect(await stored(env(), 'ada')).toEqual(before)
    })

    it('answers ERR_UID_NOT_FOUND for a uid no user can have, on every store', async () => {
      const as = await surface.credential(env())
      for (const uid of ['a%00b', 'a%20b', 'x'.repeat(101)]) {
        expectError(await env().call('DELETE', `${surface.prefix}/users/${uid}`, { as }), 404, 'ERR_UID_NOT_FOUND')
      }
    })

    it('refuses a permanent that is not a boolean, naming permanent, and changes nothing', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const before = await stored(env(), 'ada')
      for (const permanent of ['true', 1, 0, null, 'false']) {
        expectBadRequest(await env().call('DELETE', `${surface.prefix}/users/ada`, { as, body: { permanent } }), 'permanent')
      }
      expect(await stored(env(), 'ada')).toEqual(before)
    })

    it('refuses a body that is not a JSON object', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const answer = await env().call('DELETE', `${surface.prefix}/users/ada`, {
        as,
        rawBody: '[true]',
        headers: { 'content-type': 'application/json' },
      })
      expectBadRequest(answer, 'body')
      expect(await stored(env(), 'ada')).not.toHaveProperty('deactivatedAt')
    })

    it('through the client, deactivateUser deactivates', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      expect(await env().client(as).deactivateUser('ada')).toEqual({ success: true, message: expect.any(String) })
      expect((await stored(env(), 'ada'))?.deactivatedAt).toBe(env().now())
    })
  })

  describe('permanent: true with the fullAccess key', () => {
    it('erases the user, who can then be created again from scratch', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada', tags: ['old'] })
      const answer = await env().call('DELETE', '/v3/users/Ada', { as: full, body: { permanent: true } })
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({ data: { success: true, message: expect.any(String) } })
      expect(await stored(env(), 'ada')).toBeNull()
      expectError(await env().call('GET', '/v3/users/ada', { as: full }), 404, 'ERR_UID_NOT_FOUND')
      expect((await env().call('GET', '/v3/users?withDeactivated=1', { as: full })).body.data).toEqual([])
      env().advance(100)
      const again = await env().call('POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'New Ada' } })
      expect(again.status).toBe(200)
      expect(again.body.data).toEqual({
        uid: 'ada',
        name: 'New Ada',
        role: 'default',
        status: 'offline',
        createdAt: env().now(),
        updatedAt: env().now(),
      })
    })

    it('erases a deactivated user too', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await env().call('DELETE', '/v3/users/ada', { as: full })
      expect((await env().call('DELETE', '/v3/users/ada', { as: full, body: { permanent: true } })).status).toBe(200)
      expect(await stored(env(), 'ada')).toBeNull()
    })

    it("takes the user's tokens and blocks with it: a new user of the same uid inherits neither", async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await env().createUser({ uid: 'bob', name: 'Bob' })
      const oldToken = await env().tokenFor('ada')
      await env().call('POST', '/v3/users/ada/blockedusers', { as: full, body: { blockedUids: ['bob'] } })
      await env().call('POST', '/v3/users/bob/blockedusers', { as: full, body: { blockedUids: ['ada'] } })
      await env().call('DELETE', '/v3/users/ada', { as: full, body: { permanent: true } })
      await env().createUser({ uid: 'ada', name: 'Ada again' })
      expectError(await env().call('GET', '/v3.0/me', { as: { authToken: oldToken } }), 401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
      expect((await env().call('GET', '/v3/users/ada/blockedusers', { as: full })).body.data).toEqual([])
      expect((await env().call('GET', '/v3/users/bob/blockedusers', { as: full })).body.data).toEqual([])
      const relations = await env().call('GET', '/v3/users/bob', { as: { ...full, onBehalfOf: 'ada' } })
      expect(relations.body.data).toMatchObject({ hasBlockedMe: false, blockedByMe: false })
    })

    it('answers ERR_UID_NOT_FOUND for a missing user, or a uid no user can have', async () => {
      for (const uid of ['nobody', 'a%00b']) {
        expectError(await env().call('DELETE', `/v3/users/${uid}`, { as: full, body: { permanent: true } }), 404, 'ERR_UID_NOT_FOUND')
      }
    })

    it('through the client, deleteUser erases', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      expect(await env().client(full).deleteUser('ada')).toEqual({ success: true, message: expect.any(String) })
      expect(await stored(env(), 'ada')).toBeNull()
    })
  })

  describe('limits of a manager token', () => {
    it('may deactivate another manager', async () => {
      const token = await managerToken(env())
      await env().createUser({ uid: 'other', name: 'Other', role: 'admin' })
      expect((await env().call('DELETE', '/v3.0/users/other', { as: { authToken: token } })).status).toBe(200)
      expect((await stored(env(), 'other'))?.deactivatedAt).toBe(env().now())
    })

    it('cannot erase a user: permanent true is 403 and the user stays', async () => {
      const token = await managerToken(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const before = await stored(env(), 'ada')
      const answer = await env().call('DELETE', '/v3.0/users/ada', { as: { authToken: token }, body: { permanent: true } })
      expectError(answer, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await stored(env(), 'ada')).toEqual(before)
    })

    it('cannot deactivate itself', async () => {
      const token = await managerToken(env())
      const before = await stored(env(), MANAGER_UID)
      for (const uid of [MANAGER_UID, MANAGER_UID.toUpperCase()]) {
        expectError(await env().call('DELETE', `/v3.0/users/${uid}`, { as: { authToken: token } }), 403, 'AUTH_ERR_NO_ACCESS')
      }
      expect(await stored(env(), MANAGER_UID)).toEqual(before)
      expect((await env().call('GET', '/v3.0/me', { as: { authToken: token } })).status).toBe(200)
    })
  })

  describe('who may not delete', () => {
    it('a plain token, and an authOnly key', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const token = await plainToken(env())
      expectError(await env().call('DELETE', '/v3.0/users/ada', { as: { authToken: token } }), 403, 'AUTH_ERR_NO_ACCESS')
      expectError(await env().call('DELETE', '/v3/users/ada', { as: authOnly }), 403, 'AUTH_ERR_NO_ACCESS')
      expectError(await env().call('DELETE', '/v3/users/ada', { as: authOnly, body: { permanent: true } }), 403, 'AUTH_ERR_NO_ACCESS')
      expect(await stored(env(), 'ada')).not.toHaveProperty('deactivatedAt')
    })
  })
})
