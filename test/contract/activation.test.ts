import { describe, expect, it } from 'vitest'
import { authOnly, describeContract, full, type ContractEnv } from './harness.js'
import {
  expectBadRequest,
  expectError,
  MANAGER_UID,
  managerToken,
  managingSurfaces,
  plainToken,
  stored,
} from './userDataKit.js'

const success = { success: true, message: expect.any(String) }
const notFound = {
  success: false,
  message: expect.any(String),
  error: { code: 'ERR_UID_NOT_FOUND', message: expect.any(String) },
}

async function deactivate(env: ContractEnv, ...uids: string[]): Promise<void> {
  const answer = await env.call('DELETE', '/v3/users', { as: full, body: { uidsToDeactivate: uids } })
  expect(answer.status).toBe(200)
}

describeContract('bulk activation', (env) => {
  describe('DELETE /v3/users with uidsToDeactivate', () => {
    it('deactivates each uid and answers an outcome per uid, a missing one failing alone', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await env().createUser({ uid: 'bob', name: 'Bob' })
      await env().createUser({ uid: 'cy', name: 'Cy' })
      env().advance(9)
      const answer = await env().call('DELETE', '/v3/users', { as: full, body: { uidsToDeactivate: ['ada', 'BOB', 'nobody'] } })
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({ data: { ada: success, bob: success, nobody: notFound } })
      expect(Object.keys(answer.body.data.bob).sort()).toEqual(['message', 'success'])
      expect((await stored(env(), 'ada'))?.deactivatedAt).toBe(env().now())
      expect((await stored(env(), 'bob'))?.deactivatedAt).toBe(env().now())
      expect(await stored(env(), 'cy')).not.toHaveProperty('deactivatedAt')
      expect((await env().call('GET', '/v3/users', { as: full })).body.data.map((u: { uid: string }) => u.uid)).toEqual(['cy'])
    })

    it('answers a uid named twice once', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const answer = await env().call('DELETE', '/v3/users', { as: full, body: { uidsToDeactivate: ['ada', 'ADA', 'ada'] } })
      expect(answer.body).toEqual({ data: { ada: success } })
    })

    it('fails for a user already deactivated, as for a missing one, and keeps its deactivatedAt', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await deactivate(env(), 'ada')
      const before = await stored(env(), 'ada')
      env().advance(5)
      const answer = await env().call('DELETE', '/v3/users', { as: full, body: { uidsToDeactivate: ['ada'] } })
      expect(answer.body).toEqual({ data: { ada: notFound } })
      expect(await stored(env(), 'ada')).toEqual(before)
    })

    it('is not part of the client API', async () => {
      const token = await managerToken(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const answer = await env().call('DELETE', '/v3.0/users', { as: { authToken: token }, body: { uidsToDeactivate: ['ada'] } })
      expectError(answer, 404, 'ERR_API_NOT_FOUND')
      expect(await stored(env(), 'ada')).not.toHaveProperty('deactivatedAt')
    })

    it('through the client, deactivateUsers answers the outcomes', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      expect(await env().client(full).deactivateUsers(['Ada', 'zed'])).toEqual({ ada: success, zed: notFound })
    })
  })

  describe.each(managingSurfaces)('PUT /users with uidsToActivate on the $name', (surface) => {
    it('reactivates each uid and answers an outcome per uid, a missing one failing alone', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await env().createUser({ uid: 'bob', name: 'Bob' })
      await deactivate(env(), 'ada', 'bob')
      env().advance(9)
      const answer = await env().call('PUT', `${surface.prefix}/users`, { as, body: { uidsToActivate: ['ADA', 'bob', 'nobody'] } })
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({ data: { ada: success, bob: success, nobody: notFound } })
      for (const uid of ['ada', 'bob']) {
        const user = await stored(env(), uid)
        expect(user).not.toHaveProperty('deactivatedAt')
        expect(user?.updatedAt).toBe(env().now())
      }
      const read = await env().call('GET', `${surface.prefix}/users/ada`, { as })
      expect(read.status).toBe(200)
      expect(read.body.data).not.toHaveProperty('deactivatedAt')
    })

    it('leaves an active user as it was', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const before = await stored(env(), 'ada')
      env().advance(5)
      const answer = await env().call('PUT', `${surface.prefix}/users`, { as, body: { uidsToActivate: ['ada'] } })
      expect(answer.status).toBe(200)
      expect(Object.keys(answer.body.data)).toEqual(['ada'])
      expect(await stored(env(), 'ada')).toEqual(before)
    })

    it('through the client, reactivateUsers answers the outcomes', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await deactivate(env(), 'ada')
      expect(await env().client(as).reactivateUsers(['ada', 'zed'])).toEqual({ ada: success, zed: notFound })
      expect(await stored(env(), 'ada')).not.toHaveProperty('deactivatedAt')
    })

    it.each([
      ['an empty list', []],
      ['a string', 'ada'],
      ['an object', { ada: true }],
      ['null', null],
      ['a number in the list', ['ada', 7]],
      ['a uid with a space', ['ada', 'a b']],
      ['an empty uid', ['']],
      ['a uid of 101 characters', ['a'.repeat(101)]],
    ])('refuses %s, naming uidsToActivate, and reactivates nobody', async (_label, uidsToActivate) => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await deactivate(env(), 'ada')
      const answer = await env().call('PUT', `${surface.prefix}/users`, { as, body: { uidsToActivate } })
      expectBadRequest(answer, 'uidsToActivate')
      expect((await stored(env(), 'ada'))?.deactivatedAt).toBeTypeOf('number')
    })

    it('refuses a body without uidsToActivate, naming it', async () => {
      const as = await surface.credential(env())
      expectBadRequest(await env().call('PUT', `${surface.prefix}/users`, { as, body: {} }), 'uidsToActivate')
      expectBadRequest(await env().call('PUT', `${surface.prefix}/users`, { as }), 'uidsToActivate')
    })
  })

  describe('DELETE /v3/users validation', () => {
    it.each([
      ['an empty list', []],
      ['a string', 'ada'],
      ['null', null],
      ['a number in the list', ['ada', 7]],
      ['a uid with a space', ['ada', 'a b']],
      ['an accented uid', ['é']],
      ['more than 1000 uids', Array.from({ length: 1001 }, (_, i) => `u${i}`)],
    ])('refuses %s, naming uidsToDeactivate, and deactivates nobody', async (_label, uidsToDeactivate) => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const answer = await env().call('DELETE', '/v3/users', { as: full, body: { uidsToDeactivate } })
      expectBadRequest(answer, 'uidsToDeactivate')
      expect(await stored(env(), 'ada')).not.toHaveProperty('deactivatedAt')
    })

    it('refuses a body without uidsToDeactivate, naming it', async () => {
      expectBadRequest(await env().call('DELETE', '/v3/users', { as: full, body: { uids: ['ada'] } }), 'uidsToDeactivate')
    })
  })

  describe('who may', () => {
    it('a manager token may not reactivate itself through the bulk call: that uid fails, the others succeed', async () => {
      const token = await managerToken(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await deactivate(env(), 'ada')
      const answer = await env().call('PUT', '/v3.0/users', { as: { authToken: token }, body: { uidsToActivate: [MANAGER_UID, 'ada'] } })
      expect(answer.status).toBe(200)
      expect(answer.body.data).toEqual({
        [MANAGER_UID]: { success: false, message: expect.any(String), error: { code: 'AUTH_ERR_NO_ACCESS', message: expect.any(String) } },
        ada: success,
      })
    })

    it('a plain token and an authOnly key may neither deactivate nor reactivate', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await deactivate(env(), 'ada')
      const token = await plainToken(env())
      expectError(await env().call('PUT', '/v3.0/users', { as: { authToken: token }, body: { uidsToActivate: ['ada'] } }), 403, 'AUTH_ERR_NO_ACCESS')
      expectError(await env().call('PUT', '/v3/users', { as: authOnly, body: { uidsToActivate: ['ada'] } }), 403, 'AUTH_ERR_NO_ACCESS')
      expectError(await env().call('DELETE', '/v3/users', { as: authOnly, body: { uidsToDeactivate: ['pat'] } }), 403, 'AUTH_ERR_NO_ACCESS')
      expect((await stored(env(), 'ada'))?.deactivatedAt).toBeTypeOf('number')
      expect(await stored(env(), 'pat')).not.toHaveProperty('deactivatedAt')
    })
  })
})
