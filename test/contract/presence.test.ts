import { describe, expect, it } from 'vitest'
import { createUserHandler, type UserHandlerOptions } from '../../src/server/index.js'
import { expectData } from './accessKit.js'
import { callHandler, describeContract, FULL_KEY, full, roles, START, type Answer, type CallOptions } from './harness.js'

/** What CometChat's SDK sends with `login` and with its `user_sessions` post. */
const deviceInfo = { platform: 'WEB', deviceId: 'dev-1', appInfo: { version: '4.2.0', sdk: 'javascript' } }

describeContract('presence', (env) => {
  /** A handler over the test's store with its own clock and presence options. */
  function presenceServer(presence?: UserHandlerOptions['presence']) {
    let clock = START
    const handler = createUserHandler({
      store: env().store,
      keys: [{ key: FULL_KEY, scope: 'fullAccess' }],
      roles,
      now: () => clock,
      ...(presence ? { presence } : {}),
      onError: (error) => {
        throw error
      },
    })
    const call = (method: string, path: string, options?: CallOptions): Promise<Answer> => callHandler(handler, method, path, options)
    const tokenFor = async (uid: string, deviceId = 'dev-1'): Promise<string> =>
      expectData(await call('POST', `/v3/users/${uid}/auth_tokens`, { as: full, body: { ...deviceInfo, deviceId } })).authToken
    const login = async (uid: string): Promise<string> => {
      const token = await tokenFor(uid)
      expectData(await call('PUT', '/v3.0/me', { as: { authToken: token }, body: deviceInfo }))
      return token
    }
    const statusOf = async (uid: string): Promise<{ status: string; lastActiveAt?: number }> => {
      const { status, lastActiveAt } = expectData(await call('GET', `/v3/users/${uid}`, { as: full }))
      return { status, ...(lastActiveAt !== undefined ? { lastActiveAt } : {}) }
    }
    const listed = async (query: string): Promise<{ uids: string[]; total: number }> => {
      const answer = await call('GET', `/v3/users?${query}`, { as: full })
      return { uids: expectData(answer).map((user: { uid: string }) => user.uid), total: answer.body.meta.pagination.total }
    }
    return {
      call,
      tokenFor,
      login,
      statusOf,
      listed,
      advance: (seconds: number) => {
        clock += seconds
      },
      at: (seconds: number) => START + seconds,
    }
  }

  const withUsers = async (...uids: string[]): Promise<void> => {
    for (const uid of uids) await env().createUser({ uid, name: uid })
  }

  describe('signs of life', () => {
    it('a new user is offline without lastActiveAt', async () => {
      const server = presenceServer()
      await withUsers('ada')
      expect(await server.statusOf('ada')).toEqual({ status: 'offline' })
    })

    it('issuing a token is not a login: the user stays offline', async () => {
      const server = presenceServer()
      await withUsers('ada')
      await server.tokenFor('ada')
      expect(await server.statusOf('ada')).toEqual({ status: 'offline' })
    })

    it('PUT /v3.0/me with device info (the SDK\'s login) marks the user online with lastActiveAt now', async () => {
      const server = presenceServer()
      await withUsers('ada')
      server.advance(5)
      const token = await server.tokenFor('ada')
      const answer = await server.call('PUT', '/v3.0/me', { as: { authToken: token }, body: deviceInfo })
      expect(expectData(answer)).toMatchObject({ status: 'online', lastActiveAt: server.at(5) })
      expect(await server.statusOf('ada')).toEqual({ status: 'online', lastActiveAt: server.at(5) })
    })

    it('DELETE /v3.0/me (the SDK\'s logout) marks the user offline, keeping when it was last active', async () => {
      const server = presenceServer()
      await withUsers('ada')
      const token = await server.login('ada')
      server.advance(20)
      expectData(await server.call('DELETE', '/v3.0/me', { as: { authToken: token } }))
      expect(await server.statusOf('ada')).toEqual({ status: 'offline', lastActiveAt: server.at(20) })
    })

    it('a logged-out user stays offline while another of its devices reads, until that device logs in or beats', async () => {
      const server = presenceServer()
      await withUsers('ada')
      const phone = await server.login('ada')
      const laptop = await server.tokenFor('ada', 'laptop')
      expectData(await server.call('DELETE', '/v3.0/me', { as: { authToken: phone } }))
      server.advance(3)
      expect(expectData(await server.call('GET', '/v3.0/me', { as: { authToken: laptop } }))).toMatchObject({ status: 'offline' })
      expect(await server.call('POST', '/v3.0/user_sessions', { as: { authToken: laptop }, body: deviceInfo })).toMatchObject({ body: { data: {} } })
      expect(await server.statusOf('ada')).toEqual({ status: 'online', lastActiveAt: server.at(3) })
    })
  })

  describe('silence', () => {
    it('longer than the default 60 s marks the user offline; exactly 60 s does not', async () => {
      const server = presenceServer()
      await withUsers('ada')
      await server.login('ada')
      server.advance(60)
      expect(await server.statusOf('ada')).toEqual({ status: 'online', lastActiveAt: server.at(0) })
      server.advance(1)
      expect(await server.statusOf('ada')).toEqual({ status: 'offline', lastActiveAt: server.at(0) })
    })

    it('follows presence.timeoutSeconds', async () => {
      const server = presenceServer({ timeoutSeconds: 300 })
      await withUsers('ada')
      await server.login('ada')
      server.advance(299)
      expect((await server.statusOf('ada')).status).toBe('online')
      server.advance(2)
      expect((await server.statusOf('ada')).status).toBe('offline')
    })

    it('never ends presence with timeoutSeconds: Infinity', async () => {
      const server = presenceServer({ timeoutSeconds: Infinity })
      await withUsers('ada')
      await server.login('ada')
      server.advance(365 * 24 * 3600)
      expect((await server.statusOf('ada')).status).toBe('online')
    })

    it('a POST /v3.0/user_sessions heartbeat restarts the timeout', async () => {
      const server = presenceServer({ timeoutSeconds: 30 })
      await withUsers('ada')
      const token = await server.login('ada')
      server.advance(25)
      expect(await server.call('POST', '/v3.0/user_sessions', { as: { authToken: token }, body: deviceInfo })).toMatchObject({ body: { data: {} } })
      server.advance(25)
      expect(await server.statusOf('ada')).toEqual({ status: 'online', lastActiveAt: server.at(25) })
      server.advance(6)
      expect(await server.statusOf('ada')).toEqual({ status: 'offline', lastActiveAt: server.at(25) })
    })

    it('any other request with the user\'s token restarts it, and brings back a user whose silence outlasted it', async () => {
      const server = presenceServer({ timeoutSeconds: 30 })
      await withUsers('ada', 'bob')
      const token = await server.login('ada')
      server.advance(20)
      expectData(await server.call('GET', '/v3.0/users/bob', { as: { authToken: token } }))
      server.advance(20)
      expect(await server.statusOf('ada')).toEqual({ status: 'online', lastActiveAt: server.at(20) })
      server.advance(100)
      expect((await server.statusOf('ada')).status).toBe('offline')
      // The request that ends the silence already sees its user online.
      expect(expectData(await server.call('GET', '/v3.0/me', { as: { authToken: token } }))).toMatchObject({ status: 'online', lastActiveAt: server.at(140) })
    })

    it('writes a sign of life at most once per quarter of the timeout (at most 15 s), whatever the number of requests', async () => {
      const server = presenceServer({ timeoutSeconds: 40 })
      await withUsers('ada', 'bob')
      const token = await server.login('ada')
      let writes = 0
      const setPresence = env().store.setPresence
      env().store.setPresence = (...args) => {
        writes++
        return setPresence.apply(env().store, args)
      }
      try {
        for (let second = 1; second <= 25; second++) {
          server.advance(1)
          expectData(await server.call('GET', '/v3.0/users/bob', { as: { authToken: token } }))
        }
      } finally {
        env().store.setPresence = setPresence
      }
      // Seconds 10 and 20: a quarter of 40.
      expect(writes).toBe(2)
      expect(await server.statusOf('ada')).toEqual({ status: 'online', lastActiveAt: server.at(20) })
    })

    it('requests made with a key on the user\'s behalf are not the user\'s own signs of life', async () => {
      const server = presenceServer({ timeoutSeconds: 30 })
      await withUsers('ada', 'bob')
      await server.login('ada')
      server.advance(31)
      expectData(await server.call('GET', '/v3/users/bob', { as: { apiKey: FULL_KEY, onBehalfOf: 'ada' } }))
      expect((await server.statusOf('ada')).status).toBe('offline')
    })

    it('changes nothing but presence: updatedAt stays', async () => {
      const server = presenceServer({ timeoutSeconds: 30 })
      await withUsers('ada')
      const token = await server.login('ada')
      server.advance(10)
      expectData(await server.call('GET', '/v3.0/users/ada', { as: { authToken: token } }))
      expect(await env().store.getUser('ada')).toMatchObject({ status: 'online', lastActiveAt: server.at(10), updatedAt: START })
    })
  })

  describe('listing agrees with the timeout', () => {
    // ada logs in at 0, bob at 40, cy never; at 70 only bob is within the 60 s default.
    const scene = async () => {
      const server = presenceServer()
      await withUsers('ada', 'bob', 'cy')
      await server.login('ada')
      server.advance(40)
      await server.login('bob')
      server.advance(30)
      return server
    }

    it('status=online and its alias status=available list only users heard from within the timeout', async () => {
      const server = await scene()
      expect(await server.listed('status=online')).toEqual({ uids: ['bob'], total: 1 })
      expect(await server.listed('status=available')).toEqual({ uids: ['bob'], total: 1 })
    })

    it('status=offline lists the silent ones with the never-seen ones, across pages', async () => {
      const server = await scene()
      expect(await server.listed('status=offline')).toEqual({ uids: ['ada', 'cy'], total: 2 })
      expect(await server.listed('status=offline&perPage=1&page=2')).toEqual({ uids: ['cy'], total: 2 })
    })

    it('sortBy=status puts only the users within the timeout first, and desc puts them last', async () => {
      const server = await scene()
      const asc = await server.call('GET', '/v3.0/users?sortBy=status', { as: { authToken: await server.tokenFor('cy') } })
      expect(expectData(asc).map((user: { uid: string; status: string }) => `${user.uid}:${user.status}`)).toEqual([
        'bob:online',
        'ada:offline',
        'cy:offline',
      ])
      const desc = await server.call('GET', '/v3/users?sortBy=status&sortOrder=desc', { as: full })
      expect(expectData(desc).map((user: { uid: string }) => user.uid)).toEqual(['cy', 'ada', 'bob'])
    })

    it('the same user reads the same in a list and on its own', async () => {
      const server = await scene()
      const everyone = expectData(await server.call('GET', '/v3/users', { as: full }))
      for (const user of everyone) expect((await server.statusOf(user.uid)).status).toBe(user.status)
    })
  })

  it('refuses a timeout that is not a positive number of seconds', () => {
    for (const timeoutSeconds of [0, -5, Number.NaN]) {
      expect(() => createUserHandler({ store: env().store, keys: [], presence: { timeoutSeconds } })).toThrow(/timeoutSeconds/)
    }
  })
})
