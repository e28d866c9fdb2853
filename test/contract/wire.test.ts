import { describe, expect, it } from 'vitest'
import { errorStatus, UserkitError } from '../../src/model/index.js'
import { createUserHandler, type UserHandlerOptions, type UserStore } from '../../src/server/index.js'
import { envKeys, expectBadField, expectData, expectError, storeState } from './accessKit.js'
import { answerOf, callHandler, BASE, describeContract, full, roles, type Answer, type ContractEnv, type Credential } from './harness.js'

const LIMIT = 64 * 1024

/** A handler over the env's store with other options (CORS, a failing store, …). */
function handlerOver(env: ContractEnv, options: Partial<UserHandlerOptions> = {}): (request: Request) => Promise<Response> {
  return createUserHandler({ store: env.store, keys: envKeys, roles, now: env.now, ...options })
}

/** JSON text of exactly `bytes` bytes that would create the user `big` if read whole. */
function bigCreateBody(bytes: number): string {
  const head = '{"uid":"big","name":"Big","padding":"'
  const tail = '"}'
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail
}

/** The same JSON as a stream of 1 KiB chunks, counting the bytes pulled from it. */
function countedStream(text: string): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close()
        return
      }
      const chunk = bytes.slice(offset, offset + 1024)
      offset += chunk.length
      controller.enqueue(chunk)
    },
  })
  return { stream, pulled: () => offset }
}

const commaSet = (header: string | null): string[] => (header ?? '').split(',').map((part) => part.trim().toLowerCase())

describeContract('the wire', (env) => {
  describe('envelopes', () => {
    it('a single value is exactly {data}, as JSON', async () => {
      await env().createUser({ uid: 'ada' })
      const answer = await env().call('GET', '/v3/users/ada', { as: full })
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
      expect(Object.keys(answer.body)).toEqual(['data'])
    })

    it('a list is exactly {data, meta: {pagination: {total, count, per_page, current_page, total_pages}}}', async () => {
      for (const uid of ['ada', 'bob', 'eve']) await env().createUser({ uid })
      const answer = await env().call('GET', '/v3/users?perPage=2&page=2', { as: full })
      expect(answer.status).toBe(200)
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
      expect(Object.keys(answer.body)).toEqual(['data', 'meta'])
      expect(answer.body.meta).toEqual({ pagination: { total: 3, count: 1, per_page: 2, current_page: 2, total_pages: 2 } })
      expect(answer.body.data.map((user: { uid: string }) => user.uid)).toEqual(['eve'])
    })

    it('a failure is exactly {error: {code, message}}, with details mapping fields to messages and rules to their codes for bad input', async () => {
      const missing = await env().call('GET', '/v3/users/nobody', { as: full })
      expectError(missing, 404, 'ERR_UID_NOT_FOUND')
      expect(Object.keys(missing.body.error).sort()).toEqual(['code', 'message'])

      const bad = await env().call('POST', '/v3/users', { as: full, body: { uid: 'no spaces', name: '' } })
      expectError(bad, 400, 'ERR_BAD_REQUEST')
      expect(Object.keys(bad.body.error).sort()).toEqual(['code', 'details', 'message', 'rules'])
      expect(Object.keys(bad.body.error.details).sort()).toEqual(['name', 'uid'])
      expect(bad.body.error.rules).toEqual({ uid: ['pattern'], name: ['required'] })
      for (const messages of Object.values(bad.body.error.details)) {
        expect(Array.isArray(messages)).toBe(true)
        for (const message of messages as unknown[]) expect(message).toEqual(expect.any(String))
      }
    })
  })

  describe('unknown APIs', () => {
    it.each([
      { what: 'an unknown /v3 path with a key', method: 'GET', path: '/v3/nothing', as: full },
      { what: 'an unknown /v3 path without credentials', method: 'GET', path: '/v3/nothing', as: {} },
      { what: 'an unknown /v3.0 path without credentials', method: 'GET', path: '/v3.0/nothing', as: {} },
      { what: '/v2/users with a key', method: 'GET', path: '/v2/users', as: full },
      { what: '/v2/users without credentials', method: 'GET', path: '/v2/users', as: {} },
      { what: 'the root', method: 'GET', path: '/', as: {} },
      { what: 'PATCH on a user, with a key', method: 'PATCH', path: '/v3/users/ada', as: full },
      { what: 'PATCH on a user, without credentials', method: 'PATCH', path: '/v3/users/ada', as: {} },
      { what: 'POST on a user', method: 'POST', path: '/v3/users/ada', as: full },
      { what: 'GET on auth_tokens', method: 'GET', path: '/v3/users/ada/auth_tokens', as: full },
      { what: 'POST on /v3.0/me', method: 'POST', path: '/v3.0/me', as: {} },
      { what: 'GET on /v3.0/user_sessions', method: 'GET', path: '/v3.0/user_sessions', as: {} },
      { what: 'DELETE /v3.0/users (REST only)', method: 'DELETE', path: '/v3.0/users', as: {} },
      { what: 'auth_tokens on /v3.0 (REST only)', method: 'POST', path: '/v3.0/users/ada/auth_tokens', as: {} },
      { what: "a user's blockedusers on /v3.0 (REST only)", method: 'GET', path: '/v3.0/users/ada/blockedusers', as: {} },
    ] satisfies { what: string; method: string; path: string; as: Credential }[])(
      'answers 404 ERR_API_NOT_FOUND for $what',
      async ({ method, path, as }) => {
        await env().createUser({ uid: 'ada' })
        const before = await storeState(env().store)
        const answer = await env().call(method, path, { as, ...(method === 'GET' ? {} : { body: { name: 'x' } }) })
        expectError(answer, 404, 'ERR_API_NOT_FOUND')
        expect(await storeState(env().store)).toEqual(before)
      },
    )
  })

  describe('request bodies', () => {
    const writes = [
      { method: 'POST', path: '/v3/users' },
      { method: 'PUT', path: '/v3/users/ada' },
      { method: 'PUT', path: '/v3.0/me' },
      { method: 'POST', path: '/v3.0/blockedusers' },
    ]

    it.each(writes)('$method $path answers 400 naming body for malformed JSON', async ({ method, path }) => {
      await env().createUser({ uid: 'ada' })
      const token = await env().tokenFor('ada')
      const as = path.startsWith('/v3.0') ? { authToken: token } : full
      const before = await storeState(env().store, [token])
      for (const rawBody of ['{"uid":', "{uid: 'x'}", 'not json', '{"name":"a"} trailing']) {
        const answer = await env().call(method, path, { as, rawBody, headers: { 'content-type': 'application/json' } })
        expectBadField(answer, 'body')
      }
      expect(await storeState(env().store, [token])).toEqual(before)
    })

    it.each(writes)('$method $path answers 400 naming body for JSON that is not an object', async ({ method, path }) => {
      await env().createUser({ uid: 'ada' })
      const token = await env().tokenFor('ada')
      const as = path.startsWith('/v3.0') ? { authToken: token } : full
      const before = await storeState(env().store, [token])
      for (const body of [[{ uid: 'x', name: 'x' }], 42, 'text', true, null]) {
        const answer = await env().call(method, path, { as, rawBody: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
        expectBadField(answer, 'body')
      }
      expect(await storeState(env().store, [token])).toEqual(before)
    })

    it('an empty body on POST /users answers 400 naming uid and name', async () => {
      for (const rawBody of [undefined, '', '   ']) {
        const answer = await env().call('POST', '/v3/users', { as: full, ...(rawBody === undefined ? {} : { rawBody }) })
        expectError(answer, 400, 'ERR_BAD_REQUEST')
        expect(Object.keys(answer.body.error.details).sort()).toEqual(['name', 'uid'])
      }
      expect((await storeState(env().store)).users).toEqual([])
    })
  })

  describe('body size limit (64 KiB by default)', () => {
    const post = (body: BodyInit, headers: Record<string, string> = {}, streamed = false) =>
      env().handler(
        new Request(`${BASE}/v3/users`, {
          method: 'POST',
          headers: { apikey: full.apiKey!, 'content-type': 'application/json', ...headers },
          body,
          ...(streamed ? { duplex: 'half' } : {}),
        } as RequestInit),
      )

    it('answers 413 ERR_PAYLOAD_TOO_LARGE for a content-length over the limit', async () => {
      const text = bigCreateBody(LIMIT + 1)
      const answer = await answerOf(await post(text, { 'content-length': String(LIMIT + 1) }))
      expectError(answer, 413, 'ERR_PAYLOAD_TOO_LARGE')
      expect(await env().store.getUser('big')).toBeNull()
    })

    it('answers 413 for a streamed body without content-length, having read only a little past the limit', async () => {
      const { stream, pulled } = countedStream(bigCreateBody(1024 * 1024))
      const answer = await answerOf(await post(stream, {}, true))
      expectError(answer, 413, 'ERR_PAYLOAD_TOO_LARGE')
      expect(pulled()).toBeGreaterThan(LIMIT)
      expect(pulled()).toBeLessThanOrEqual(LIMIT + 8 * 1024)
      expect(await env().store.getUser('big')).toBeNull()
    })

    it('accepts a body under the limit, with content-length or streamed', async () => {
      const text = bigCreateBody(LIMIT - 1024)
      expectData(await answerOf(await post(text, { 'content-length': String(text.length) })))
      expect(await env().store.getUser('big')).not.toBeNull()
      await env().client(full).deleteUser('big')
      const { stream } = countedStream(text)
      expectData(await answerOf(await post(stream, {}, true)))
      expect(await env().store.getUser('big')).not.toBeNull()
    })
  })

  describe('CORS', () => {
    const origin = 'https://app.example'
    const sdkHeaders = 'apikey,appid,authtoken,onbehalfof,content-type,if-match,resource,sdk'

    it.each([
      { path: '/v3/users', method: 'POST' },
      { path: '/v3/users/ada', method: 'DELETE' },
      { path: '/v3.0/me', method: 'PUT' },
      { path: '/v3.0/users', method: 'GET' },
    ])('answers a preflight for $method $path with 204, allowing the SDK headers and GET, POST, PUT, DELETE', async ({ path, method }) => {
      const handler = handlerOver(env(), { cors: { origin } })
      const response = await handler(
        new Request(`${BASE}${path}`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': sdkHeaders },
        }),
      )
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe(origin)
      const allowed = commaSet(response.headers.get('access-control-allow-headers'))
      for (const header of sdkHeaders.split(',')) expect(allowed).toContain(header)
      const methods = commaSet(response.headers.get('access-control-allow-methods'))
      for (const allowedMethod of ['get', 'post', 'put', 'delete']) expect(methods).toContain(allowedMethod)
    })

    it('puts Access-Control-Allow-Origin and an exposed ETag on successes and on errors', async () => {
      await env().createUser({ uid: 'ada' })
      const handler = handlerOver(env(), { cors: { origin } })
      const success = await callHandler(handler, 'GET', '/v3/users/ada', { headers: { origin, apikey: full.apiKey! } })
      expect(success.status).toBe(200)
      expect(success.headers.get('etag')).toBeTruthy()
      const unauthorized = await callHandler(handler, 'GET', '/v3/users/ada', { headers: { origin } })
      expectError(unauthorized, 401, 'AUTH_ERR_EMPTY_APIKEY')
      const notFound = await callHandler(handler, 'GET', '/v3/nothing', { headers: { origin } })
      expectError(notFound, 404, 'ERR_API_NOT_FOUND')
      for (const answer of [success, unauthorized, notFound]) {
        expect(answer.headers.get('access-control-allow-origin')).toBe(origin)
        expect(commaSet(answer.headers.get('access-control-expose-headers'))).toContain('etag')
      }
    })

    it('with a list of origins, allows each listed origin and no other', async () => {
      await env().createUser({ uid: 'ada' })
      const handler = handlerOver(env(), { cors: { origin: ['https://a.example', 'https://b.example'] } })
      const fromB = await callHandler(handler, 'GET', '/v3/users/ada', { headers: { origin: 'https://b.example', apikey: full.apiKey! } })
      expect(fromB.headers.get('access-control-allow-origin')).toBe('https://b.example')
      const fromEvil = await callHandler(handler, 'GET', '/v3/users/ada', { headers: { origin: 'https://evil.example', apikey: full.apiKey! } })
      expect(fromEvil.headers.get('access-control-allow-origin')).toBeNull()
    })

    it('sends no CORS headers without the cors option', async () => {
      await env().createUser({ uid: 'ada' })
      const preflight = await env().handler(
        new Request(`${BASE}/v3/users`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': sdkHeaders },
        }),
      )
      const answers = [
        preflight,
        await env().handler(new Request(`${BASE}/v3/users/ada`, { headers: { origin, apikey: full.apiKey! } })),
        await env().handler(new Request(`${BASE}/v3/users/ada`, { headers: { origin } })),
      ]
      for (const response of answers) {
        const corsHeaders = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'))
        expect(corsHeaders).toEqual([])
      }
    })
  })

  describe('error codes', () => {
    /** A way to make the server answer each code of DESIGN's list, with the status DESIGN gives. */
    const scenarios: { code: string; status: number; answer: () => Promise<Answer> }[] = [
      {
        code: 'ERR_BAD_REQUEST',
        status: 400,
        answer: () => env().call('POST', '/v3/users', { as: full, body: { uid: 'ada' } }),
      },
      {
        code: 'ERR_UID_ALREADY_EXISTS',
        status: 400,
        answer: async () => {
          await env().createUser({ uid: 'ada' })
          return env().call('POST', '/v3/users', { as: full, body: { uid: 'ADA', name: 'Ada again' } })
        },
      },
      { code: 'ERR_UID_NOT_FOUND', status: 404, answer: () => env().call('GET', '/v3/users/nobody', { as: full }) },
      {
        code: 'ERR_ROLE_NOT_FOUND',
        status: 404,
        answer: () => env().call('POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'Ada', role: 'wizard' } }),
      },
      {
        code: 'ERR_CANNOT_BLOCK_SELF',
        status: 400,
        answer: async () => {
          await env().createUser({ uid: 'ada' })
          return env().call('POST', '/v3.0/blockedusers', { as: { authToken: await env().tokenFor('ada') }, body: { blockedUids: ['ada'] } })
        },
      },
      {
        code: 'ERR_TOO_MANY_USERS',
        status: 400,
        answer: async () => {
          const handler = handlerOver(env(), { bulk: { maxUsers: 1, maxJobUsers: 1 } })
          return callHandler(handler, 'POST', '/v3/bulk_actions', { as: full, body: { action: 'deactivate', target: { uids: ['ada', 'bob'] } } })
        },
      },
      { code: 'ERR_JOB_NOT_FOUND', status: 404, answer: () => env().call('GET', '/v3/bulk_actions/no-such-job', { as: full }) },
      { code: 'AUTH_ERR_EMPTY_APIKEY', status: 401, answer: () => env().call('GET', '/v3/users') },
      { code: 'AUTH_ERR_APIKEY_NOT_FOUND', status: 401, answer: () => env().call('GET', '/v3/users', { as: { apiKey: 'wrong' } }) },
      { code: 'AUTH_ERR_EMPTY_AUTH_TOKEN', status: 401, answer: () => env().call('GET', '/v3.0/users') },
      {
        code: 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND',
        status: 401,
        answer: () => env().call('GET', '/v3.0/users', { as: { authToken: 'wrong' } }),
      },
      { code: 'AUTH_ERR_NO_ACCESS', status: 403, answer: () => env().call('GET', '/v3/users', { as: { apiKey: envKeys[1]!.key } }) },
      { code: 'ERR_API_NOT_FOUND', status: 404, answer: () => env().call('GET', '/v3/nothing') },
      {
        code: 'ERR_PAYLOAD_TOO_LARGE',
        status: 413,
        answer: () => env().call('POST', '/v3/users', { as: full, rawBody: bigCreateBody(LIMIT + 1), headers: { 'content-length': String(LIMIT + 1) } }),
      },
      {
        code: 'ERR_UNSUPPORTED_MEDIA_TYPE',
        status: 415,
        answer: () => env().call('POST', '/v3/users', { as: full, rawBody: '{"uid":"ada","name":"Ada"}', headers: { 'content-type': 'text/plain' } }),
      },
      {
        code: 'ERR_CONFLICT',
        status: 412,
        answer: async () => {
          await env().createUser({ uid: 'ada' })
          return env().call('PUT', '/v3/users/ada', { as: full, body: { name: 'New' }, headers: { 'if-match': '"stale"' } })
        },
      },
      {
        code: 'ERR_SERVICE_UNAVAILABLE',
        status: 503,
        answer: () => callHandler(handlerOver(env(), { store: unavailable(env().store) }), 'GET', '/v3/users', { headers: { apikey: full.apiKey! } }),
      },
      {
        code: 'ERR_TOO_MANY_REQUESTS',
        status: 429,
        answer: async () => {
          const handler = handlerOver(env(), { rateLimit: { perMinute: { fullAccess: 1 } } })
          await callHandler(handler, 'GET', '/v3/users', { as: full })
          return callHandler(handler, 'GET', '/v3/users', { as: full })
        },
      },
      {
        code: 'ERR_INTERNAL',
        status: 500,
        answer: () =>
          callHandler(handlerOver(env(), { store: broken(env().store), onError: () => {} }), 'GET', '/v3/users/ada', {
            headers: { apikey: full.apiKey! },
          }),
      },
    ]

    it('every code the server sends has a scenario here', () => {
      const covered = scenarios.map((scenario) => scenario.code)
      expect(covered.sort()).toEqual(Object.keys(errorStatus).sort())
      for (const { code, status } of scenarios) expect(errorStatus[code as keyof typeof errorStatus]).toBe(status)
    })

    it.each(scenarios)('answers $code with status $status in the failure envelope', async ({ code, status, answer }) => {
      const result = await answer()
      expectError(result, status, code)
      if (code === 'ERR_BAD_REQUEST') expect(result.body.error.details).toEqual({ name: [expect.any(String)] })
      if (code === 'ERR_CONFLICT') expect(result.body.error.details.current).toMatchObject({ uid: 'ada', name: 'ada' })
    })
  })

  describe('failures of the store', () => {
    it('answers 500 ERR_INTERNAL without leaking the error, and reports it to onError', async () => {
      await env().createUser({ uid: 'ada' })
      const reported: unknown[] = []
      const handler = handlerOver(env(), { store: broken(env().store), onError: (error) => reported.push(error) })
      const token = await env().tokenFor('ada')
      for (const [path, headers] of [
        ['/v3/users/ada', { apikey: full.apiKey! }],
        ['/v3.0/me', { authtoken: token }],
      ] as const) {
        const response = await handler(new Request(`${BASE}${path}`, { headers }))
        const text = await response.clone().text()
        expectError(await answerOf(response), 500, 'ERR_INTERNAL')
        for (const leak of ['SELECT', 'secret', 'users', 'stack', ' at ', '.ts', 'Error:']) expect(text).not.toContain(leak)
      }
      expect(reported).toHaveLength(2)
      expect((reported[0] as Error).message).toBe('SELECT secret FROM users')
    })

    it('answers 503 ERR_SERVICE_UNAVAILABLE with Retry-After when the store says the database is away', async () => {
      const handler = handlerOver(env(), { store: unavailable(env().store), onError: () => expect.unreachable('503 is no unexpected error') })
      const answer = await callHandler(handler, 'GET', '/v3/users', { headers: { apikey: full.apiKey! } })
      expectError(answer, 503, 'ERR_SERVICE_UNAVAILABLE')
      expect(answer.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
    })
  })
})

/** The store, with user lookups (by uid, by token) that fail like a database driver would, SQL in the message. */
function broken(store: UserStore): UserStore {
  const fail = async (): Promise<never> => {
    throw new Error('SELECT secret FROM users')
  }
  return { ...store, getUser: fail, findTokenUser: fail }
}

/** The store, with a listUsers that reports the database away. */
function unavailable(store: UserStore): UserStore {
  return {
    ...store,
    listUsers: async () => {
      throw new UserkitError('ERR_SERVICE_UNAVAILABLE', 'The database is away.')
    },
  }
}
