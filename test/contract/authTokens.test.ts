import { describe, expect, it } from 'vitest'
import { createUserHandler, type UserHandlerOptions } from '../../src/server/index.js'
import { envKeys, expectBadField, expectData, expectError, sha256Hex, storeState } from './accessKit.js'
import { authOnly, callHandler, describeContract, full, roles, type ContractEnv, type Credential } from './harness.js'

const issue = (env: ContractEnv, uid: string, body: unknown = {}, as: Credential = full) =>
  env.call('POST', `/v3/users/${uid}/auth_tokens`, { as, body })

const works = async (env: ContractEnv, token: string): Promise<boolean> => {
  const answer = await env.call('GET', '/v3.0/me', { as: { authToken: token } })
  if (answer.status === 200) return true
  expect(answer.status).toBe(401)
  expect(answer.body.error.code).toBe('AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
  return false
}

describeContract('auth tokens', (env) => {
  describe('POST /v3/users/{uid}/auth_tokens', () => {
    it.each([
      { key: 'fullAccess', as: full },
      { key: 'authOnly', as: authOnly },
    ])('issues a token with the $key key: exactly {uid, authToken, createdAt}', async ({ as }) => {
      await env().createUser({ uid: 'ada' })
      env().advance(30)
      const answer = await issue(env(), 'ADA', {}, as)
      const data = expectData(answer)
      expect(Object.keys(data).sort()).toEqual(['authToken', 'createdAt', 'uid'])
      expect(data).toEqual({ uid: 'ada', authToken: expect.any(String), createdAt: env().now() })
    })

    it('accepts what CometChat\'s SDK sends on login (platform, deviceId, appInfo)', async () => {
      await env().createUser({ uid: 'ada' })
      const answer = await issue(env(), 'ada', { platform: 'WEB', deviceId: 'dev-1', appInfo: { version: '4.2.0', sdk: 'javascript' } })
      expect(expectData(answer).uid).toBe('ada')
    })

    it('answers ERR_UID_NOT_FOUND for a missing or deactivated user and stores no token', async () => {
      await env().createUser({ uid: 'zed' })
      await env().client(full).deactivateUser('zed')
      const before = await storeState(env().store)
      for (const as of [full, authOnly]) {
        expectError(await issue(env(), 'nobody', {}, as), 404, 'ERR_UID_NOT_FOUND')
        expectError(await issue(env(), 'zed', {}, as), 404, 'ERR_UID_NOT_FOUND')
      }
      expect(await storeState(env().store)).toEqual(before)
    })

    it('issues a token that works on /v3.0 as that user', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const { authToken } = expectData(await issue(env(), 'ada', {}, authOnly))
      const me = await env().call('GET', '/v3.0/me', { as: { authToken } })
      expect(expectData(me)).toMatchObject({ uid: 'ada', name: 'Ada' })
    })

    it('issues random, distinct, URL-safe tokens', async () => {
      await env().createUser({ uid: 'ada' })
      await env().createUser({ uid: 'eve' })
      const tokens: string[] = []
      for (let i = 0; i < 15; i++) {
        tokens.push(expectData(await issue(env(), i % 2 === 0 ? 'ada' : 'eve')).authToken)
      }
      expect(new Set(tokens).size).toBe(tokens.length)
      for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/)
      // Every one of them is live: issuing a token without a device does not replace others.
      for (const token of tokens) expect(await works(env(), token)).toBe(true)
    })

    it('answers 400 naming force when force is not a boolean, and stores no token', async () => {
      await env().createUser({ uid: 'ada' })
      const before = await storeState(env().store)
      for (const force of ['yes', 1, null, {}]) expectBadField(await issue(env(), 'ada', { force }), 'force')
      expectBadField(await issue(env(), 'ada', { deviceId: 42 }), 'deviceId')
      expect(await storeState(env().store)).toEqual(before)
      expect(expectData(await issue(env(), 'ada', { force: true })).uid).toBe('ada')
    })

    it('a new token for the same deviceId replaces the old one; other devices keep theirs', async () => {
      await env().createUser({ uid: 'ada' })
      await env().createUser({ uid: 'eve' })
      const first = expectData(await issue(env(), 'ada', { deviceId: 'phone' })).authToken
      const laptop = expectData(await issue(env(), 'ada', { deviceId: 'laptop' })).authToken
      const evePhone = expectData(await issue(env(), 'eve', { deviceId: 'phone' })).authToken
      const second = expectData(await issue(env(), 'ada', { deviceId: 'phone', force: true })).authToken
      expect(second).not.toBe(first)
      expect(await works(env(), first)).toBe(false)
      expect(await works(env(), second)).toBe(true)
      expect(await works(env(), laptop)).toBe(true)
      // The same device name of another user is another device.
      expect(await works(env(), evePhone)).toBe(true)
    })
  })

  describe('what the store keeps', () => {
    it('holds only the SHA-256 hex hash of a token, never the token', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const { authToken } = expectData(await issue(env(), 'ada', { deviceId: 'phone' }))
      const hash = sha256Hex(authToken)
      const store = env().store

      expect(await store.findToken(hash)).toEqual({ hash, uid: 'ada', deviceId: 'phone', createdAt: env().now() })
      expect(await store.findToken(authToken)).toBeNull()
      const outputs = [
        await store.getUser('ada'),
        await store.listUsers({ limit: 10, offset: 0, deactivated: 'include', sortBy: 'name', sortOrder: 'asc' }),
        await store.findToken(hash),
        await store.blockRelations('ada', ['ada']),
      ]
      for (const output of outputs) {
        expect(JSON.stringify(output, (_key, value) => (value instanceof Set ? [...value] : value))).not.toContain(authToken)
      }

      // A SQL store: the tokens table holds the hash, and no table holds the token.
      const sql = env().sql
      if (sql) {
        const tokens = await sql('SELECT * FROM userkit_tokens')
        expect(tokens).toHaveLength(1)
        expect(tokens[0]).toMatchObject({ hash, uid: 'ada' })
        for (const table of ['userkit_tokens', 'userkit_users', 'userkit_blocks']) {
          expect(JSON.stringify(await sql(`SELECT * FROM ${table}`))).not.toContain(authToken)
        }
      }
    })
  })

  describe('DELETE /v3/users/{uid}/auth_tokens[/{token}]', () => {
    it('revokes one token: it stops working, the user\'s other tokens keep working', async () => {
      await env().createUser({ uid: 'ada' })
      const one = await env().tokenFor('ada')
      const other = await env().tokenFor('ada')
      const answer = await env().call('DELETE', `/v3/users/ada/auth_tokens/${one}`, { as: full })
      expect(expectData(answer)).toEqual({ success: true, message: expect.any(String) })
      expect(await works(env(), one)).toBe(false)
      expect(await works(env(), other)).toBe(true)
    })

    it('revokes all tokens of the user and only theirs', async () => {
      await env().createUser({ uid: 'ada' })
      await env().createUser({ uid: 'eve' })
      const adaTokens = [await env().tokenFor('ada'), await env().tokenFor('ada')]
      const eveToken = await env().tokenFor('eve')
      const answer = await env().call('DELETE', '/v3/users/ADA/auth_tokens', { as: full })
      expect(expectData(answer)).toEqual({ success: true, message: expect.any(String) })
      for (const token of adaTokens) expect(await works(env(), token)).toBe(false)
      expect(await works(env(), eveToken)).toBe(true)
    })

    it('answers success with a message for an unknown token, or another user\'s, and changes nothing', async () => {
      await env().createUser({ uid: 'ada' })
      await env().createUser({ uid: 'eve' })
      const adaToken = await env().tokenFor('ada')
      const eveToken = await env().tokenFor('eve')
      const before = await storeState(env().store, [adaToken, eveToken])
      for (const token of ['no-such-token', eveToken]) {
        const answer = await env().call('DELETE', `/v3/users/ada/auth_tokens/${token}`, { as: full })
        const data = expectData(answer)
        expect(data).toEqual({ success: true, message: expect.any(String) })
        expect(data.message.length).toBeGreaterThan(0)
      }
      expect(await storeState(env().store, [adaToken, eveToken])).toEqual(before)
      expect(await works(env(), eveToken)).toBe(true)
    })

    it('answers ERR_UID_NOT_FOUND when the user does not exist', async () => {
      expectError(await env().call('DELETE', '/v3/users/nobody/auth_tokens', { as: full }), 404, 'ERR_UID_NOT_FOUND')
      expectError(await env().call('DELETE', '/v3/users/nobody/auth_tokens/abc', { as: full }), 404, 'ERR_UID_NOT_FOUND')
    })
  })

  describe('lifetime and number (tokens option)', () => {
    const handlerWith = (tokens: UserHandlerOptions['tokens']) =>
      createUserHandler({ store: env().store, keys: envKeys, roles, now: env().now, ...(tokens ? { tokens } : {}) })
    const issueWith = async (handler: (request: Request) => Promise<Response>, uid: string): Promise<string> =>
      expectData(await callHandler(handler, 'POST', `/v3/users/${uid}/auth_tokens`, { as: full, body: {} })).authToken
    const worksWith = async (handler: (request: Request) => Promise<Response>, token: string): Promise<boolean> =>
      (await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: token } })).status === 200

    it('a token stops working ttlSeconds after its issue, with 401 saying it expired, and leaves the store', async () => {
      await env().createUser({ uid: 'ada' })
      const handler = handlerWith({ ttlSeconds: 3600 })
      const token = await issueWith(handler, 'ada')
      env().advance(3599)
      expect(await worksWith(handler, token)).toBe(true)
      env().advance(1)
      const answer = await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: token } })
      expectError(answer, 401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
      expect(answer.body.error.message).toMatch(/expired/)
      expect(await env().store.findToken(sha256Hex(token))).toBeNull()
    })

    it('holds at most maxPerUser live tokens per user: each new one revokes the oldest, of that user only', async () => {
      await env().createUser({ uid: 'ada' })
      await env().createUser({ uid: 'eve' })
      const handler = handlerWith({ maxPerUser: 3 })
      const eve = await issueWith(handler, 'eve')
      const ada: string[] = []
      for (let i = 0; i < 5; i++) {
        ada.push(await issueWith(handler, 'ada'))
        env().advance(1)
      }
      expect(await Promise.all(ada.map((token) => worksWith(handler, token)))).toEqual([false, false, true, true, true])
      expect(await worksWith(handler, eve)).toBe(true)
    })

    it('keeps 50 per user by default, and prunes expired tokens first', async () => {
      await env().createUser({ uid: 'ada' })
      const first = await issueWith(env().handler, 'ada')
      env().advance(1)
      for (let i = 0; i < 49; i++) await issueWith(env().handler, 'ada')
      expect(await worksWith(env().handler, first)).toBe(true)
      await issueWith(env().handler, 'ada')
      expect(await worksWith(env().handler, first)).toBe(false)
      const short = handlerWith({ ttlSeconds: 10, maxPerUser: 50 })
      env().advance(11)
      await issueWith(short, 'ada')
      // The 50 earlier ones had expired: only the new one is left to count.
      expect(await env().store.pruneTokens('ada', 0, 0)).toBe(1)
    })

    it('refuses options that cannot work', () => {
      expect(() => handlerWith({ ttlSeconds: 0 })).toThrow(/ttlSeconds/)
      expect(() => handlerWith({ maxPerUser: 0 })).toThrow(/maxPerUser/)
    })
  })
})
