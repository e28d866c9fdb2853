import { describe, expect, it } from 'vitest'
import { userEtag } from '../../src/model/index.js'
import { expectBadField, expectData, expectError, storeState } from './accessKit.js'
import { authOnly, describeContract, full, START, type Answer } from './harness.js'

/** What CometChat's SDK sends with `login` (observed: platform, deviceId, appInfo). */
const deviceInfo = (deviceId: string) => ({
  platform: 'WEB',
  deviceId,
  appInfo: { version: '4.2.0', sdk: 'javascript', reactNativeVersion: null, origin: 'http://localhost' },
})

/** The viewer-relative flags, which a user's view of itself may carry as false. */
function withoutSelfFlags(user: Record<string, unknown>): Record<string, unknown> {
  const { hasBlockedMe, blockedByMe, ...rest } = user
  for (const flag of [hasBlockedMe, blockedByMe]) expect([undefined, false]).toContain(flag)
  return rest
}

/** Every `authToken` key anywhere in a JSON value. */
function authTokenKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => authTokenKeys(item, `${path}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => [
    ...(key === 'authToken' ? [`${path}.${key}`] : []),
    ...authTokenKeys(child, `${path}.${key}`),
  ])
}

describeContract('the current user (/v3.0/me, /v3.0/user_sessions)', (env) => {
  const adaWithToken = async (deviceId = 'dev-1'): Promise<string> => {
    await env().createUser({ uid: 'ada', name: 'Ada' })
    const answer = await env().call('POST', '/v3/users/ada/auth_tokens', { as: authOnly, body: deviceInfo(deviceId) })
    return expectData(answer).authToken
  }

  describe('PUT /v3.0/me as the SDK logs in', () => {
    it('answers the user with the request\'s own authToken, online, lastActiveAt now, nothing else changed', async () => {
      const token = await adaWithToken()
      env().advance(100)
      const answer = await env().call('PUT', '/v3.0/me', { as: { authToken: token }, body: deviceInfo('dev-1') })
      const data = expectData(answer)
      expect(withoutSelfFlags(data)).toEqual({
        uid: 'ada',
        name: 'Ada',
        role: 'default',
        status: 'online',
        lastActiveAt: START + 100,
        createdAt: START,
        updatedAt: START,
        authToken: token,
      })
      expect(answer.headers.get('etag')).toBe(userEtag(data))
      const stored = await env().store.getUser('ada')
      // Presence is not an edit: updatedAt stays.
      expect(stored).toMatchObject({ status: 'online', lastActiveAt: START + 100, updatedAt: START })
    })

    it('logs in through the real client', async () => {
      const token = await adaWithToken()
      const user = await env().client({ authToken: token }).login({ platform: 'WEB', deviceId: 'dev-1' })
      expect(user).toMatchObject({ uid: 'ada', authToken: token, status: 'online', lastActiveAt: env().now() })
    })

    it('updates the editable fields sent and answers the updated user', async () => {
      const token = await adaWithToken()
      env().advance(5)
      const edits = {
        name: 'Ada Lovelace',
        avatar: 'https://cdn.example/ada.png',
        link: 'https://example.org/ada',
        statusMessage: 'Computing',
        tags: ['math', 'poetry'],
        metadata: { team: 'engines' },
      }
      const answer = await env().call('PUT', '/v3.0/me', { as: { authToken: token }, body: { ...deviceInfo('dev-1'), ...edits } })
      expect(withoutSelfFlags(expectData(answer))).toEqual({
        uid: 'ada',
        role: 'default',
        ...edits,
        status: 'online',
        lastActiveAt: START + 5,
        createdAt: START,
        updatedAt: START + 5,
        authToken: token,
      })
      expect(await env().store.getUser('ada')).toMatchObject({ ...edits, updatedAt: START + 5 })
    })

    it("accepts the SDK's serialized User and ignores the server-set fields in it", async () => {
      const token = await adaWithToken()
      env().advance(5)
      // updateCurrentUserDetails(user) sends the whole serialized User plus these three.
      const serialized = {
        uid: 'ada',
        name: 'Ada K',
        role: 'default',
        status: 'offline',
        lastActiveAt: 1,
        createdAt: 1,
        updatedAt: 1,
        hasBlockedMe: true,
        blockedByMe: true,
        deactivatedAt: 0,
      }
      const data = expectData(await env().call('PUT', '/v3.0/me', { as: { authToken: token }, body: serialized }))
      expect(withoutSelfFlags(data)).toEqual({
        uid: 'ada',
        name: 'Ada K',
        role: 'default',
        status: 'online',
        lastActiveAt: START + 5,
        createdAt: START,
        updatedAt: START + 5,
        authToken: token,
      })
      const stored = await env().store.getUser('ada')
      expect(stored).not.toHaveProperty('deactivatedAt')
      expect(stored).not.toHaveProperty('hasBlockedMe')
      expect(stored).not.toHaveProperty('blockedByMe')
      expect(stored).toMatchObject({ createdAt: START, updatedAt: START + 5 })
      // Still active: the token keeps working.
      expectData(await env().call('GET', '/v3.0/me', { as: { authToken: token } }))
    })

    it('ignores a uid in the body: it updates the token\'s user and nobody else', async () => {
      const token = await adaWithToken()
      await env().createUser({ uid: 'eve', name: 'Eve' })
      const data = expectData(await env().call('PUT', '/v3.0/me', { as: { authToken: token }, body: { uid: 'eve', name: 'Ada 2' } }))
      expect(data).toMatchObject({ uid: 'ada', name: 'Ada 2' })
      expect((await env().store.getUser('eve'))?.name).toBe('Eve')
    })

    it('ignores a role equal to the current one', async () => {
      const token = await adaWithToken()
      const data = expectData(await env().call('PUT', '/v3.0/me', { as: { authToken: token }, body: { role: 'default', name: 'Ada 3' } }))
      expect(data).toMatchObject({ uid: 'ada', role: 'default', name: 'Ada 3' })
    })

    it('refuses any other role with 403 and changes nothing, presence included', async () => {
      const token = await adaWithToken()
      env().advance(5)
      const before = await storeState(env().store, [token])
      for (const role of ['admin', 'moderator', 'no-such-role']) {
        const answer = await env().call('PUT', '/v3.0/me', { as: { authToken: token }, body: { ...deviceInfo('dev-1'), role, name: 'Boss' } })
        expectError(answer, 403, 'AUTH_ERR_NO_ACCESS')
      }
      expect(await storeState(env().store, [token])).toEqual(before)
    })

    it('refuses invalid fields with 400 naming them and changes nothing, presence included', async () => {
      const token = await adaWithToken()
      env().advance(5)
      const before = await storeState(env().store, [token])
      expectBadField(await env().call('PUT', '/v3.0/me', { as: { authToken: token }, body: { name: '' } }), 'name')
      expectBadField(await env().call('PUT', '/v3.0/me', { as: { authToken: token }, body: { avatar: 'javascript:alert(1)' } }), 'avatar')
      expect(await storeState(env().store, [token])).toEqual(before)
    })

    it('honours If-Match: a stale ETag gets 412 with the current user, the current one succeeds', async () => {
      const token = await adaWithToken()
      const read = await env().call('GET', '/v3.0/me', { as: { authToken: token } })
      const staleEtag = read.headers.get('etag')!
      expect(staleEtag).toBe(userEtag(read.body.data))
      expectData(await env().call('PUT', '/v3/users/ada', { as: full, body: { name: 'Changed elsewhere' } }))

      const before = await storeState(env().store, [token])
      const stale = await env().call('PUT', '/v3.0/me', {
        as: { authToken: token },
        body: { name: 'Mine' },
        headers: { 'if-match': staleEtag },
      })
      expectError(stale, 412, 'ERR_CONFLICT')
      expect(stale.body.error.details.current).toMatchObject({ uid: 'ada', name: 'Changed elsewhere' })
      expect(await storeState(env().store, [token])).toEqual(before)

      const fresh = await env().call('PUT', '/v3.0/me', {
        as: { authToken: token },
        body: { name: 'Mine' },
        headers: { 'if-match': userEtag(stale.body.error.details.current) },
      })
      expect(expectData(fresh).name).toBe('Mine')
    })
  })

  describe('GET /v3.0/me', () => {
    it('answers the user with its @private metadata, which others do not see', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada', metadata: { team: 'engines', '@private': { email: 'ada@example.org' } } })
      await env().createUser({ uid: 'eve', name: 'Eve' })
      const adaToken = await env().tokenFor('ada')
      const eveToken = await env().tokenFor('eve')
      const me = await env().call('GET', '/v3.0/me', { as: { authToken: adaToken } })
      expect(withoutSelfFlags(expectData(me))).toEqual({
        uid: 'ada',
        name: 'Ada',
        role: 'default',
        status: 'offline',
        metadata: { team: 'engines', '@private': { email: 'ada@example.org' } },
        createdAt: START,
        updatedAt: START,
      })
      expect(me.headers.get('etag')).toBe(userEtag(me.body.data))
      const byEve = await env().call('GET', '/v3.0/users/ada', { as: { authToken: eveToken } })
      expect(expectData(byEve).metadata).toEqual({ team: 'engines' })
    })
  })

  describe('DELETE /v3.0/me', () => {
    it('revokes exactly this token, keeps the other device\'s, and marks the user offline', async () => {
      const phone = await adaWithToken('phone')
      const laptop = expectData(await env().call('POST', '/v3/users/ada/auth_tokens', { as: full, body: deviceInfo('laptop') })).authToken
      expectData(await env().call('PUT', '/v3.0/me', { as: { authToken: phone }, body: deviceInfo('phone') }))
      env().advance(10)

      const answer = await env().call('DELETE', '/v3.0/me', { as: { authToken: phone } })
      expect(expectData(answer)).toEqual({ success: true, message: expect.any(String) })
      expectError(await env().call('GET', '/v3.0/me', { as: { authToken: phone } }), 401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
      expect(expectData(await env().call('GET', '/v3.0/me', { as: { authToken: laptop } }))).toMatchObject({ uid: 'ada', status: 'offline' })
      expect(await env().store.getUser('ada')).toMatchObject({ status: 'offline', lastActiveAt: START + 10 })
    })
  })

  describe('POST /v3.0/user_sessions', () => {
    it('answers exactly {data: {}} and keeps the user online with lastActiveAt now', async () => {
      const token = await adaWithToken()
      env().advance(7)
      const telemetry = { ...deviceInfo('dev-1'), sessionId: 'abc', events: [{ name: 'login', at: 1 }] }
      const answer = await env().call('POST', '/v3.0/user_sessions', { as: { authToken: token }, body: telemetry })
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({ data: {} })
      expect(await env().store.getUser('ada')).toMatchObject({ status: 'online', lastActiveAt: START + 7, updatedAt: START })
      env().advance(30)
      expect((await env().call('POST', '/v3.0/user_sessions', { as: { authToken: token }, body: {} })).body).toEqual({ data: {} })
      expect(await env().store.getUser('ada')).toMatchObject({ status: 'online', lastActiveAt: START + 37, updatedAt: START })
    })
  })

  describe('where an authToken may appear', () => {
    it('in a create answer only when withAuthToken was asked with a key, and then it works', async () => {
      for (const [as, uid] of [
        [full, 'grace'],
        [authOnly, 'linus'],
      ] as const) {
        const data = expectData(await env().call('POST', '/v3/users', { as, body: { uid, name: uid, withAuthToken: true } }))
        expect(data.authToken).toEqual(expect.any(String))
        expect(expectData(await env().call('GET', '/v3.0/me', { as: { authToken: data.authToken } })).uid).toBe(uid)
      }
      const plain = expectData(await env().call('POST', '/v3/users', { as: full, body: { uid: 'plain', name: 'Plain' } }))
      expect(plain).not.toHaveProperty('authToken')
      const declined = expectData(await env().call('POST', '/v3/users', { as: full, body: { uid: 'nope', name: 'Nope', withAuthToken: false } }))
      expect(declined).not.toHaveProperty('authToken')
    })

    it('nowhere else: not in GET /me, user reads, lists, updates, blocks or heartbeats', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      await env().createUser({ uid: 'eve', name: 'Eve' })
      await env().createUser({ uid: 'root', name: 'Root', role: 'admin' })
      const ada = await env().tokenFor('ada')
      const root = await env().tokenFor('root')
      const asAda = { authToken: ada }
      const asRoot = { authToken: root }
      expectData(await env().call('PUT', '/v3.0/me', { as: asAda, body: deviceInfo('dev-1') }))

      const answers: [string, Answer][] = [
        ['GET /v3.0/me', await env().call('GET', '/v3.0/me', { as: asAda })],
        ['GET /v3.0/users/ada', await env().call('GET', '/v3.0/users/ada', { as: asAda })],
        ['GET /v3.0/users', await env().call('GET', '/v3.0/users', { as: asAda })],
        ['GET /v3.0/users?uids=ada,eve', await env().call('GET', '/v3.0/users?uids=ada,eve', { as: asRoot })],
        ['POST /v3.0/blockedusers', await env().call('POST', '/v3.0/blockedusers', { as: asAda, body: { blockedUids: ['eve'] } })],
        ['GET /v3.0/blockedusers', await env().call('GET', '/v3.0/blockedusers', { as: asAda })],
        ['POST /v3.0/user_sessions', await env().call('POST', '/v3.0/user_sessions', { as: asAda, body: {} })],
        ['PUT /v3.0/users/ada', await env().call('PUT', '/v3.0/users/ada', { as: asRoot, body: { name: 'Ada R' } })],
        ['POST /v3.0/users', await env().call('POST', '/v3.0/users', { as: asRoot, body: { uid: 'newbie', name: 'Newbie' } })],
        ['GET /v3/users', await env().call('GET', '/v3/users', { as: full })],
        ['GET /v3/users/ada', await env().call('GET', '/v3/users/ada', { as: full })],
        ['PUT /v3/users/ada', await env().call('PUT', '/v3/users/ada', { as: full, body: { name: 'Ada K' } })],
        ['GET /v3/users/ada/blockedusers', await env().call('GET', '/v3/users/ada/blockedusers', { as: full })],
        ['DELETE /v3.0/me', await env().call('DELETE', '/v3.0/me', { as: asAda })],
      ]
      for (const [label, answer] of answers) {
        expectData(answer)
        expect(authTokenKeys(answer.body), label).toEqual([])
        const text = JSON.stringify(answer.body)
        expect(text.includes(ada) || text.includes(root), label).toBe(false)
      }
    })
  })
})
