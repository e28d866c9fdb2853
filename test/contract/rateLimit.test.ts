import { beforeEach, describe, expect, it } from 'vitest'
import { createUserHandler, memoryStore, serve, type UserHandlerOptions, type UserStore } from '../../src/server/index.js'
import type { RateLimitCounter } from '../../src/server/index.js'
import { expectError, sha256Hex, storeState } from './accessKit.js'
import { AUTH_KEY, authOnly, BASE, callHandler, FULL_KEY, full, roles, START, type Answer, type CallOptions, type Credential } from './harness.js'

const keys = [
  { key: FULL_KEY, scope: 'fullAccess' as const },
  { key: AUTH_KEY, scope: 'authOnly' as const },
  { key: 'second-full-access-key', scope: 'fullAccess' as const },
]
const secondFull: Credential = { apiKey: 'second-full-access-key' }
// START is 1_800_000_000, a multiple of 60: the first window runs from START to START + 60.
const WINDOW_END = START + 60

/** The store with a count of the calls made to it, to show that a refused request never reaches it. */
function counted(store: UserStore): { store: UserStore; calls: () => number } {
  let calls = 0
  const wrapped = Object.fromEntries(
    Object.entries(store).map(([name, method]) => [
      name,
      typeof method === 'function'
        ? (...args: unknown[]) => {
            calls++
            return (method as (...a: unknown[]) => unknown).apply(store, args)
          }
        : method,
    ]),
  ) as unknown as UserStore
  return { store: wrapped, calls: () => calls }
}

let clock: number
let store: UserStore
let seeder: (request: Request) => Promise<Response>

/** A handler over the test's store and clock, with these options. */
function handlerWith(options: Partial<UserHandlerOptions> = {}): (request: Request) => Promise<Response> {
  return createUserHandler({
    store,
    keys,
    roles,
    now: () => clock,
    onError: (error) => {
      throw error
    },
    ...options,
  })
}

/** Users and tokens made through a handler without limits, so that seeding spends no budget. */
async function seedUser(uid: string): Promise<string> {
  await callHandler(seeder, 'POST', '/v3/users', { as: full, body: { uid, name: uid } })
  const answer = await callHandler(seeder, 'POST', `/v3/users/${uid}/auth_tokens`, { as: full, body: {} })
  return answer.body.data.authToken as string
}

function limitHeaders(answer: Answer): { limit: string | null; remaining: string | null; reset: string | null } {
  return {
    limit: answer.headers.get('x-ratelimit-limit'),
    remaining: answer.headers.get('x-ratelimit-remaining'),
    reset: answer.headers.get('x-ratelimit-reset'),
  }
}

async function times(n: number, call: () => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = []
  for (let i = 0; i < n; i++) answers.push(await call())
  return answers
}

function expectTooMany(answer: Answer, limit: number, retryAfter: number): void {
  expectError(answer, 429, 'ERR_TOO_MANY_REQUESTS')
  expect(Object.keys(answer.body.error).sort()).toEqual(['code', 'message'])
  expect(answer.headers.get('retry-after')).toBe(String(retryAfter))
  expect(limitHeaders(answer)).toEqual({ limit: String(limit), remaining: '0', reset: String(WINDOW_END) })
}

beforeEach(() => {
  clock = START
  store = memoryStore()
  seeder = handlerWith({ rateLimit: false })
})

describe('rate limits', () => {
  describe('headers and the 429', () => {
    it('puts X-RateLimit-Limit, -Remaining and -Reset (unix seconds, the end of the window) on every answer, errors included', async () => {
      const handler = handlerWith({ rateLimit: { perMinute: { fullAccess: 5 } } })
      await seedUser('ada')
      const call = (path: string): Promise<Answer> => callHandler(handler, 'GET', path, { as: full })
      const answers = [await call('/v3/users/ada'), await call('/v3/users'), await call('/v3/users/nobody')]
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404])
      expect(answers.map(limitHeaders)).toEqual(
        ['4', '3', '2'].map((remaining) => ({ limit: '5', remaining, reset: String(WINDOW_END) })),
      )
      for (const answer of answers) expect(answer.headers.get('retry-after')).toBeNull()
    })

    it('answers 429 ERR_TOO_MANY_REQUESTS in the failure envelope past the limit, with Retry-After in seconds to the window end', async () => {
      const handler = handlerWith({ rateLimit: { perMinute: { fullAccess: 3 } } })
      clock = START + 15
      const answers = await times(4, () => callHandler(handler, 'GET', '/v3/users', { as: full }))
      expect(answers.slice(0, 3).map((answer) => answer.status)).toEqual([200, 200, 200])
      expect(answers[2]!.headers.get('x-ratelimit-remaining')).toBe('0')
      expectTooMany(answers[3]!, 3, 45)
      expect(answers[3]!.body.error.message).toMatch(/too many requests/i)

      clock = START + 59
      expectTooMany(await callHandler(handler, 'GET', '/v3/users', { as: full }), 3, 1)
    })

    it('counts again from zero when the next window begins', async () => {
      const handler = handlerWith({ rateLimit: { perMinute: { fullAccess: 2 } } })
      await times(2, () => callHandler(handler, 'GET', '/v3/users', { as: full }))
      expectTooMany(await callHandler(handler, 'GET', '/v3/users', { as: full }), 2, 60)

      clock = WINDOW_END
      const next = await callHandler(handler, 'GET', '/v3/users', { as: full })
      expect(next.status).toBe(200)
      expect(limitHeaders(next)).toEqual({ limit: '2', remaining: '1', reset: String(WINDOW_END + 60) })
      expect(next.headers.get('retry-after')).toBeNull()
    })

    it('counts the client API the same way, per token', async () => {
      const handler = handlerWith({ rateLimit: { perMinute: { token: 2 } } })
      const token = await seedUser('ada')
      const answers = await times(3, () => callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: token } }))
      expect(answers.slice(0, 2).map(limitHeaders)).toEqual(
        ['1', '0'].map((remaining) => ({ limit: '2', remaining, reset: String(WINDOW_END) })),
      )
      expectTooMany(answers[2]!, 2, 60)
    })
  })

  describe('whose budget', () => {
    it('gives each key and each token a budget of its own', async () => {
      const handler = handlerWith({ rateLimit: { perMinute: { fullAccess: 2, authOnly: 2, token: 2 } } })
      const adaToken = await seedUser('ada')
      const bobToken = await seedUser('bob')
      const adaAgain = (await callHandler(seeder, 'POST', '/v3/users/ada/auth_tokens', { as: full, body: { force: true } })).body.data
        .authToken as string

      await times(2, () => callHandler(handler, 'GET', '/v3/users', { as: full }))
      expectError(await callHandler(handler, 'GET', '/v3/users', { as: full }), 429, 'ERR_TOO_MANY_REQUESTS')

      // The other keys and every token are untouched.
      for (const [as, path] of [
        [secondFull, '/v3/users'],
        [authOnly, '/v3/users/ada/auth_tokens'],
        [{ authToken: adaToken }, '/v3.0/me'],
      ] as const) {
        const post = path.endsWith('auth_tokens')
        const answer = await callHandler(handler, post ? 'POST' : 'GET', path, { as, ...(post ? { body: {} } : {}) })
        expect(answer.status, path).toBe(200)
        expect(answer.headers.get('x-ratelimit-remaining')).toBe('1')
      }

      // ada's first token spends its own budget, not that of ada's other token nor bob's.
      await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: adaToken } })
      expectError(await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: adaToken } }), 429, 'ERR_TOO_MANY_REQUESTS')
      for (const token of [adaAgain, bobToken]) {
        const answer = await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: token } })
        expect(answer.status).toBe(200)
        expect(answer.headers.get('x-ratelimit-remaining')).toBe('1')
      }
      // And the fullAccess key is still refused: tokens spent nothing of it.
      expectError(await callHandler(handler, 'GET', '/v3/users', { as: full }), 429, 'ERR_TOO_MANY_REQUESTS')
    })

    it('counts a user vouched for by authenticate() per uid, under the token limit', async () => {
      await seedUser('ada')
      await seedUser('bob')
      const handler = handlerWith({
        rateLimit: { perMinute: { token: 2 } },
        authenticate: async (request) => {
          const uid = request.headers.get('x-session')
          return uid ? { uid } : null
        },
      })
      const as = (uid: string): CallOptions => ({ headers: { 'x-session': uid } })
      await times(2, () => callHandler(handler, 'GET', '/v3.0/me', as('ada')))
      expectError(await callHandler(handler, 'GET', '/v3.0/me', as('ADA')), 429, 'ERR_TOO_MANY_REQUESTS')
      expect((await callHandler(handler, 'GET', '/v3.0/me', as('bob'))).status).toBe(200)
    })

    it('charges nobody for a request that fails authentication, and tells it nothing about limits', async () => {
      const handler = handlerWith({ rateLimit: { perMinute: { fullAccess: 2, token: 2 } } })
      const token = await seedUser('ada')
      await callHandler(seeder, 'DELETE', '/v3/users/zed', { as: full, body: {} })
      const failures: [string, CallOptions][] = [
        ['/v3/users', {}],
        ['/v3/users', { as: { apiKey: 'wrong' } }],
        ['/v3/users', { as: { apiKey: FULL_KEY.slice(0, -1) } }],
        ['/v3.0/me', {}],
        ['/v3.0/me', { as: { authToken: 'wrong' } }],
        ['/v3.0/me', { as: { authToken: token.slice(0, -1) } }],
      ]
      for (let round = 0; round < 5; round++) {
        for (const [path, options] of failures) {
          const answer = await callHandler(handler, 'GET', path, options)
          expect(answer.status).toBe(401)
          expect(limitHeaders(answer)).toEqual({ limit: null, remaining: null, reset: null })
        }
      }
      expect((await callHandler(handler, 'GET', '/v3/users', { as: full })).headers.get('x-ratelimit-remaining')).toBe('1')
      expect((await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: token } })).headers.get('x-ratelimit-remaining')).toBe('1')
    })

    it("charges a deactivated user's token nothing: it fails authentication", async () => {
      const handler = handlerWith({ rateLimit: { perMinute: { token: 1 } } })
      const token = await seedUser('ada')
      await callHandler(seeder, 'DELETE', '/v3/users/ada', { as: full, body: {} })
      for (let i = 0; i < 3; i++) expectError(await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: token } }), 401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
      await callHandler(seeder, 'PUT', '/v3/users', { as: full, body: { uidsToActivate: ['ada'] } })
      expect((await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: token } })).status).toBe(200)
    })
  })

  describe('a refused request', () => {
    it('changes nothing and never reaches the store', async () => {
      const adaToken = await seedUser('ada')
      await seedUser('bob')
      const watched = counted(store)
      const handler = createUserHandler({
        store: watched.store,
        keys,
        roles,
        now: () => clock,
        rateLimit: { perMinute: { fullAccess: 1, authOnly: 1, token: 1 } },
      })
      await callHandler(handler, 'GET', '/v3/users/ada', { as: full })
      await callHandler(handler, 'POST', '/v3/users/ada/auth_tokens', { as: authOnly, body: {} })
      await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: adaToken } })
      const before = await storeState(store, [adaToken])
      const callsBefore = watched.calls()

      const refused = [
        await callHandler(handler, 'POST', '/v3/users', { as: full, body: { uid: 'eve', name: 'Eve' } }),
        await callHandler(handler, 'PUT', '/v3/users/ada', { as: { ...full, onBehalfOf: 'bob' }, body: { name: 'Renamed' } }),
        await callHandler(handler, 'DELETE', '/v3/users/bob', { as: full, body: { permanent: true } }),
        await callHandler(handler, 'POST', '/v3/users', { as: authOnly, body: { uid: 'eve', name: 'Eve' } }),
        await callHandler(handler, 'DELETE', '/v3/users/ada/auth_tokens', { as: full }),
      ]
      for (const answer of refused) expectError(answer, 429, 'ERR_TOO_MANY_REQUESTS')
      // A key is counted as soon as it is known: not even onBehalfOf was looked up.
      expect(watched.calls() - callsBefore).toBe(0)

      for (const [method, path, body] of [
        ['PUT', '/v3.0/me', { name: 'Renamed' }],
        ['DELETE', '/v3.0/me', undefined],
        ['POST', '/v3.0/blockedusers', { blockedUids: ['bob'] }],
      ] as const) {
        expectError(await callHandler(handler, method, path, { as: { authToken: adaToken }, ...(body ? { body } : {}) }), 429, 'ERR_TOO_MANY_REQUESTS')
      }
      // A token is counted once it is found and its user active (two reads); nothing is written.
      expect(await storeState(store, [adaToken])).toEqual(before)
    })
  })

  describe('failed authentication', () => {
    // The test's stand-in for a proxy's forwarded address.
    const byHeader = { clientAddress: (request: Request) => request.headers.get('x-test-address') ?? undefined }
    const from = (address: string, as: Credential): CallOptions => ({ as, headers: { 'x-test-address': address } })

    it('refuses an address with 429 after 20 failures a minute, before asking the store, valid credentials included', async () => {
      const token = await seedUser('ada')
      const { store: watched, calls } = counted(store)
      const handler = createUserHandler({ store: watched, keys, roles, now: () => clock, ...byHeader })
      clock = START + 20
      for (let i = 0; i < 20; i++) {
        const guess = i % 2 === 0 ? { apiKey: `guess-${i}` } : { authToken: `guess-${i}` }
        expect((await callHandler(handler, 'GET', i % 2 === 0 ? '/v3/users' : '/v3.0/me', from('203.0.113.7', guess))).status).toBe(401)
      }
      const before = calls()
      for (const [path, as] of [['/v3/users', full], ['/v3.0/me', { authToken: token }], ['/v3.0/me', { authToken: 'guess-99' }]] as const) {
        const answer = await callHandler(handler, 'GET', path, from('203.0.113.7', as))
        expectError(answer, 429, 'ERR_TOO_MANY_REQUESTS')
        expect(answer.headers.get('retry-after')).toBe('40')
        expect(answer.body.error.message).toMatch(/failed authentications/)
      }
      expect(calls()).toBe(before)
      // Another address is not held back, and the next minute starts clean.
      expect((await callHandler(handler, 'GET', '/v3.0/me', from('198.51.100.1', { authToken: token }))).status).toBe(200)
      clock = WINDOW_END
      expect((await callHandler(handler, 'GET', '/v3/users', from('203.0.113.7', full))).status).toBe(200)
    })

    it('refuses one replayed value from any address after 20 failures, but not other values nor the real key sharing its prefix', async () => {
      await seedUser('ada')
      const handler = handlerWith(byHeader)
      const wrong = `${FULL_KEY}-not`
      for (let i = 0; i < 20; i++) expect((await callHandler(handler, 'GET', '/v3/users', from(`10.0.0.${i}`, { apiKey: wrong }))).status).toBe(401)
      expectError(await callHandler(handler, 'GET', '/v3/users', from('10.0.1.1', { apiKey: wrong })), 429, 'ERR_TOO_MANY_REQUESTS')
      expectError(await callHandler(handler, 'GET', '/v3/users', from('10.0.1.1', { apiKey: 'another-guess' })), 401, 'AUTH_ERR_APIKEY_NOT_FOUND')
      expect((await callHandler(handler, 'GET', '/v3/users', from('10.0.1.1', full))).status).toBe(200)
    })

    it('counts per value in-process, where no address is known; the limit follows perMinute.failedAuth, off with Infinity', async () => {
      const handler = handlerWith({ rateLimit: { perMinute: { failedAuth: 3 } } })
      const tries = await times(4, () => callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: 'stolen-and-revoked' } }))
      expect(tries.map((answer) => answer.status)).toEqual([401, 401, 401, 429])
      const unlimited = handlerWith({ rateLimit: { perMinute: { failedAuth: Infinity } } })
      const many = await times(30, () => callHandler(unlimited, 'GET', '/v3.0/me', { as: { authToken: 'stolen-and-revoked' } }))
      expect(new Set(many.map((answer) => answer.status))).toEqual(new Set([401]))
    })

    it('keeps counting the addresses it knows through a flood of new ones, and refuses no newcomer for it', async () => {
      const handler = handlerWith(byHeader)
      for (let i = 0; i < 20; i++) await callHandler(handler, 'GET', '/v3/users', from('192.0.2.1', { apiKey: `a-${i}` }))
      for (let i = 0; i < 12_000; i++) await callHandler(handler, 'GET', '/v3/users', from(`flood-${i}`, { apiKey: `f-${i}` }))
      expectError(await callHandler(handler, 'GET', '/v3/users', from('192.0.2.1', full)), 429, 'ERR_TOO_MANY_REQUESTS')
      expect((await callHandler(handler, 'GET', '/v3/users', from('192.0.2.99', full))).status).toBe(200)
    })

    it("under serve(), counts the socket's address", async () => {
      const handler = handlerWith()
      const server = await serve({ handler, port: 0 })
      try {
        const get = (apikey: string) => fetch(`${server.url}/v3/users`, { headers: { apikey } })
        for (let i = 0; i < 20; i++) expect((await get(`guess-${i}`)).status).toBe(401)
        expect((await get(FULL_KEY)).status).toBe(429)
      } finally {
        await server.close()
      }
    })
  })

  describe('configuration', () => {
    it('has defaults of 10,000 a minute per fullAccess key, 1,000 per authOnly key and 1,200 per token', async () => {
      const handler = handlerWith()
      const token = await seedUser('ada')
      const limitOf = async (method: string, path: string, as: Credential): Promise<string | null> =>
        (await callHandler(handler, method, path, { as, ...(method === 'POST' ? { body: {} } : {}) })).headers.get('x-ratelimit-limit')
      expect(await limitOf('GET', '/v3/users', full)).toBe('10000')
      expect(await limitOf('POST', '/v3/users/ada/auth_tokens', authOnly)).toBe('1000')
      expect(await limitOf('GET', '/v3.0/me', { authToken: token })).toBe('1200')

      const rest = await times(1199, () => callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: token } }))
      expect(rest.every((answer) => answer.status === 200)).toBe(true)
      expectTooMany(await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: token } }), 1200, 60)
    })

    it('is off with rateLimit: false: no limit, no X-RateLimit headers', async () => {
      const handler = handlerWith({ rateLimit: false })
      const token = await seedUser('ada')
      const answers = await times(1300, () => callHandler(handler, 'GET', '/v3.0/me', { as: { authToken: token } }))
      expect(answers.every((answer) => answer.status === 200)).toBe(true)
      for (const answer of [answers[0]!, answers[1299]!, await callHandler(handler, 'GET', '/v3/users', { as: full })]) {
        expect([...answer.headers.keys()].filter((name) => name.startsWith('x-ratelimit'))).toEqual([])
      }
    })

    it('leaves a kind of caller unlimited, without headers, when its limit is Infinity', async () => {
      const handler = handlerWith({ rateLimit: { perMinute: { fullAccess: Infinity, authOnly: 1 } } })
      const answers = await times(20, () => callHandler(handler, 'GET', '/v3/users', { as: full }))
      expect(answers.every((answer) => answer.status === 200 && !answer.headers.has('x-ratelimit-limit'))).toBe(true)
      await seedUser('ada')
      await callHandler(handler, 'POST', '/v3/users/ada/auth_tokens', { as: authOnly, body: {} })
      expectError(await callHandler(handler, 'POST', '/v3/users/ada/auth_tokens', { as: authOnly, body: {} }), 429, 'ERR_TOO_MANY_REQUESTS')
    })

    it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %s with a message that says the fix', (limit) => {
      expect(() => handlerWith({ rateLimit: { perMinute: { token: limit } } })).toThrow(/rateLimit\.perMinute\.token must be a positive integer/)
    })

    it('counts through a counter of the app\'s own, which sees no key or token, so instances can share one', async () => {
      const token = await seedUser('ada')
      const windows = new Map<string, number>()
      const seen: { bucket: string; windowStart: number; windowSeconds: number }[] = []
      const shared: RateLimitCounter = {
        async hit(bucket, windowStart, windowSeconds) {
          seen.push({ bucket, windowStart, windowSeconds })
          const id = `${bucket}@${windowStart}`
          windows.set(id, (windows.get(id) ?? 0) + 1)
          return windows.get(id)!
        },
      }
      const options = { rateLimit: { perMinute: { fullAccess: 3, token: 3 }, counter: shared } }
      const [one, two] = [handlerWith(options), handlerWith(options)]
      for (const handler of [one, two, one]) expect((await callHandler(handler, 'GET', '/v3/users', { as: full })).status).toBe(200)
      expectError(await callHandler(two, 'GET', '/v3/users', { as: full }), 429, 'ERR_TOO_MANY_REQUESTS')
      await callHandler(one, 'GET', '/v3.0/me', { as: { authToken: token } })

      expect(new Set(seen.map((hit) => hit.bucket))).toEqual(new Set([`key:${sha256Hex(FULL_KEY)}`, `token:${sha256Hex(token)}`]))
      expect(seen.every((hit) => hit.windowStart === START && hit.windowSeconds === 60)).toBe(true)
      for (const { bucket } of seen) {
        expect(bucket).not.toContain(FULL_KEY)
        expect(bucket).not.toContain(token)
      }
    })

    it('lets a browser read the limit headers through CORS', async () => {
      const handler = handlerWith({ cors: { origin: 'https://app.example' }, rateLimit: { perMinute: { fullAccess: 1 } } })
      for (let i = 0; i < 2; i++) {
        const response = await handler(new Request(`${BASE}/v3/users`, { headers: { apikey: FULL_KEY, origin: 'https://app.example' } }))
        const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(',').map((name) => name.trim().toLowerCase())
        for (const name of ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) expect(exposed).toContain(name)
        expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example')
      }
    })
  })
})
