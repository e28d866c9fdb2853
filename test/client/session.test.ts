import { beforeEach, describe, expect, it } from 'vitest'
import type { UpdateCurrentUserInput } from '../../src/client/index.js'
import { userEtag } from '../../src/model/index.js'
import { createHarness, lines, type Harness } from './harness.js'
import { AUTH_KEY, FULL_KEY } from '../support/keys.js'

let h: Harness
beforeEach(async () => {
  h = createHarness()
  await h.seed('ada', 'bob')
})

describe('auth tokens', () => {
  it('issues a token through the REST API', async () => {
    const issued = await h.admin.createAuthToken('ada', { force: true, deviceId: 'phone' })

    expect(issued).toEqual({ uid: 'ada', authToken: expect.any(String), createdAt: expect.any(Number) })
    expect(h.sent[0]).toMatchObject({ method: 'POST', path: '/v3/users/ada/auth_tokens', body: { force: true, deviceId: 'phone' } })
  })

  it('issues tokens with an authOnly key, which may not read users', async () => {
    const demo = h.clientWith({ apiKey: AUTH_KEY })

    await expect(demo.createAuthToken('ada')).resolves.toMatchObject({ uid: 'ada' })
    await expect(demo.getUser('ada')).rejects.toMatchObject({ code: 'AUTH_ERR_NO_ACCESS', status: 403 })
  })

  it('revokes one token, then all of them', async () => {
    const { authToken } = await h.admin.createAuthToken('ada')
    const { authToken: other } = await h.admin.createAuthToken('ada')
    const ada = h.clientWith({ authToken })
    const adaElsewhere = h.clientWith({ authToken: other })
    h.sent.length = 0

    await expect(h.admin.revokeAuthToken('ada', authToken)).resolves.toMatchObject({ success: true })
    await expect(h.admin.revokeAuthTokens('ada')).resolves.toMatchObject({ success: true })

    expect(lines(h.sent)).toEqual([`DELETE /v3/users/ada/auth_tokens/${encodeURIComponent(authToken)}`, 'DELETE /v3/users/ada/auth_tokens'])
    await expect(ada.getMe()).rejects.toMatchObject({ code: 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND', status: 401 })
    await expect(adaElsewhere.getMe()).rejects.toMatchObject({ code: 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND', status: 401 })
  })
})

describe('the client API', () => {
  it('reads users with the token on /v3.0, without the key header', async () => {
    const ada = await h.loginAs('ada')

    await expect(ada.getUser('bob')).resolves.toMatchObject({ uid: 'bob', blockedByMe: false, hasBlockedMe: false })
    await ada.listUsers({ hideBlockedUsers: true, sortBy: 'status' })

    expect(lines(h.sent)).toEqual(['GET /v3.0/users/bob', 'GET /v3.0/users?hideBlockedUsers=1&sortBy=status'])
    expect(h.sent[0]!.headers.get('authtoken')).toBe(ada.authToken)
    expect(h.sent[0]!.headers.get('apikey')).toBeNull()
  })

  it('prefers the token for calls both APIs have, even with a key', async () => {
    const both = await h.loginAs('ada', { apiKey: FULL_KEY })

    await both.getUser('bob')
    await both.createAuthToken('bob')
    await both.listUsers()

    expect(lines(h.sent)).toEqual(['GET /v3.0/users/bob', 'POST /v3/users/bob/auth_tokens', 'GET /v3.0/users'])
  })

  it('switches surface when the token changes', async () => {
    const client = h.clientWith({ apiKey: FULL_KEY })
    expect(client.authToken).toBeUndefined()
    const { authToken } = await client.createAuthToken('ada')
    h.sent.length = 0

    client.setAuthToken(authToken)
    expect(client.authToken).toBe(authToken)
    await client.getUser('bob')
    client.setAuthToken(undefined)
    await client.getUser('bob')

    expect(lines(h.sent)).toEqual(['GET /v3.0/users/bob', 'GET /v3/users/bob'])
  })

  it('logs in with the device info and resolves the user with its token', async () => {
    const ada = await h.loginAs('ada')

    const me = await ada.login({ deviceId: 'laptop', platform: 'javascript' })

    expect(h.sent[0]).toMatchObject({ method: 'PUT', path: '/v3.0/me', body: { deviceId: 'laptop', platform: 'javascript' } })
    expect(me).toMatchObject({ uid: 'ada', authToken: ada.authToken, status: 'online' })
  })

  it('gets and updates the current user, dropping uid and role at run time', async () => {
    const ada = await h.loginAs('ada')
    const before = await ada.getMe()
    expect(before).toMatchObject({ uid: 'ada', name: 'Ada' })

    const sneaky = { name: 'Countess', uid: 'bob', role: 'admin' } as unknown as UpdateCurrentUserInput
    const after = await ada.updateMe(sneaky, { ifMatch: userEtag(before) })

    expect(lines(h.sent)).toEqual(['GET /v3.0/me', 'PUT /v3.0/me'])
    expect(h.sent[1]!.body).toEqual({ name: 'Countess' })
    expect(h.sent[1]!.headers.get('if-match')).toBe(userEtag(before))
    expect(after).toMatchObject({ uid: 'ada', name: 'Countess', role: 'default' })

    await expect(ada.updateMe({ name: 'Stale' }, { ifMatch: userEtag(before) })).rejects.toMatchObject({
      code: 'ERR_CONFLICT',
      status: 412,
      current: { uid: 'ada', name: 'Countess' },
    })
  })

  it('sends a heartbeat that keeps the user online', async () => {
    const ada = await h.loginAs('ada')

    await expect(ada.heartbeat()).resolves.toBeUndefined()

    expect(h.sent[0]).toMatchObject({ method: 'POST', path: '/v3.0/user_sessions' })
    await expect(h.admin.getUser('ada')).resolves.toMatchObject({ status: 'online' })
  })

  it('logs out, which revokes the token', async () => {
    const ada = await h.loginAs('ada')

    await expect(ada.logout()).resolves.toEqual({ success: true, message: expect.any(String) })

    expect(lines(h.sent)).toEqual(['DELETE /v3.0/me'])
    await expect(ada.getMe()).rejects.toMatchObject({ code: 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND', status: 401 })
  })

  it('lets an admin token manage other users through the client API', async () => {
    await h.admin.updateUser('ada', { role: 'admin' })
    const ada = await h.loginAs('ada')

    await ada.updateUser('bob', { name: 'Robert' })
    await ada.deactivateUser('bob')
    await ada.reactivateUsers(['bob'])
    await ada.createUser({ uid: 'cy', name: 'Cy' })

    expect(lines(h.sent)).toEqual(['PUT /v3.0/users/bob', 'DELETE /v3.0/users/bob', 'PUT /v3.0/users', 'POST /v3.0/users'])
  })
})

describe('credentials', () => {
  it('sends appid when given', async () => {
    const client = h.clientWith({ apiKey: FULL_KEY, appId: 'app-1' })
    await client.getUser('ada')
    expect(h.sent[0]!.headers.get('appid')).toBe('app-1')
  })

  it('leaves appid out when not given', async () => {
    await h.admin.getUser('ada')
    expect(h.sent[0]!.headers.has('appid')).toBe(false)
  })

  it('sends the request without credentials and lets the server answer 401', async () => {
    const anonymous = h.clientWith()

    await expect(anonymous.getUser('ada')).rejects.toMatchObject({ code: 'AUTH_ERR_EMPTY_APIKEY', status: 401 })
    await expect(anonymous.getMe()).rejects.toMatchObject({ code: 'AUTH_ERR_EMPTY_AUTH_TOKEN', status: 401 })
    expect(lines(h.sent)).toEqual(['GET /v3/users/ada', 'GET /v3.0/me'])
  })

  it('rejects an unknown key with the server\'s code', async () => {
    await expect(h.clientWith({ apiKey: 'nope' }).listUsers()).rejects.toMatchObject({
      code: 'AUTH_ERR_APIKEY_NOT_FOUND',
      status: 401,
    })
  })
})
