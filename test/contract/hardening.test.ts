import { beforeEach, describe, expect, it } from 'vitest'
import { UserkitError } from '../../src/model/index.js'
import { createUserHandler, memoryStore, type UserHandlerOptions, type UserStore } from '../../src/server/index.js'
import { expectBadField, expectError } from './accessKit.js'
import { answerOf, BASE, callHandler, FULL_KEY, full, roles, START } from './harness.js'

const keys = [{ key: FULL_KEY, scope: 'fullAccess' as const }]

let store: UserStore
let listCalls: number

beforeEach(() => {
  const inner = memoryStore()
  listCalls = 0
  store = {
    ...inner,
    listUsers: (params) => {
      listCalls++
      return inner.listUsers(params)
    },
  }
})

function handlerWith(options: Partial<UserHandlerOptions> = {}): (request: Request) => Promise<Response> {
  return createUserHandler({ store, keys, roles, now: () => START, ...options })
}

/** `/v3/users?padding=aaa…` (a parameter the server ignores) padded to exactly `length` characters of URL. */
function urlOf(length: number, extra = ''): string {
  const head = `${BASE}/v3/users?${extra}padding=`
  return head + 'a'.repeat(length - head.length)
}

describe('the length of the URL (8 KiB by default)', () => {
  it('answers 400 ERR_BAD_REQUEST naming url for a URL over the limit, before reading its query or the store', async () => {
    const handler = handlerWith({ cors: { origin: 'https://app.example' } })
    // A NUL in the query would otherwise be named: the query was never read.
    const response = await handler(new Request(urlOf(8193, 'role=%00&'), { headers: { apikey: FULL_KEY, origin: 'https://app.example' } }))
    const answer = await answerOf(response)
    expectBadField(answer, 'url')
    expect(Object.keys(answer.body.error.details)).toEqual(['url'])
    expect(answer.body.error.details.url[0]).toMatch(/8192/)
    expect(listCalls).toBe(0)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect(response.headers.get('x-ratelimit-limit')).toBeNull()
  })

  it('refuses a long URL without credentials the same way, and on any path', async () => {
    for (const url of [urlOf(20_000), `${BASE}/v3.0/${'x'.repeat(9000)}`]) {
      expectBadField(await answerOf(await handlerWith()(new Request(url))), 'url')
    }
  })

  it('accepts a URL of exactly the limit', async () => {
    const answer = await answerOf(await handlerWith()(new Request(urlOf(8192), { headers: { apikey: FULL_KEY } })))
    expect(answer.status).toBe(200)
    expect(answer.body.data).toEqual([])
    expect(listCalls).toBe(1)
  })

  it('takes its limit from maxUrlLength', async () => {
    const handler = handlerWith({ maxUrlLength: 100 })
    expectBadField(await answerOf(await handler(new Request(urlOf(101), { headers: { apikey: FULL_KEY } }))), 'url')
    expect((await answerOf(await handler(new Request(urlOf(100), { headers: { apikey: FULL_KEY } })))).status).toBe(200)
  })
})

describe('what a failure of the store shows', () => {
  const sql = 'SELECT uid, metadata FROM userkit_users WHERE uid = $1 -- relation "userkit_users" does not exist'
  const leaks = ['SELECT', 'userkit_users', 'metadata', 'relation', 'stack', ' at ', 'node_modules', '.ts:', '.js:', 'Error']

  /** An error shaped like a database driver's: SQL in the message, a stack naming files, SQL in a field. */
  function driverError(): Error {
    const error = new Error(`syntax error at or near "FROM" in: ${sql}`) as Error & { query?: string; code?: string }
    error.stack = `error: ${error.message}\n    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:287:98)\n    at sqlStore.getUser (/app/src/server/store/sql/createSqlStore.ts:41:7)`
    error.query = sql
    error.code = '42P01'
    return error
  }

  async function bodyOf(handler: (request: Request) => Promise<Response>, path = '/v3/users/ada'): Promise<{ status: number; text: string }> {
    const response = await handler(new Request(`${BASE}${path}`, { headers: { apikey: FULL_KEY } }))
    const text = await response.clone().text()
    expectError(await answerOf(response), 500, 'ERR_INTERNAL')
    return { status: response.status, text }
  }

  it('answers 500 ERR_INTERNAL with neither the SQL nor the stack, and hands the real error to onError', async () => {
    const thrown = driverError()
    const reported: unknown[] = []
    const handler = handlerWith({
      store: { ...store, getUser: async () => Promise.reject(thrown) },
      onError: (error) => reported.push(error),
    })
    const { text } = await bodyOf(handler)
    for (const leak of leaks) expect(text).not.toContain(leak)
    expect(JSON.parse(text)).toEqual({ error: { code: 'ERR_INTERNAL', message: expect.any(String) } })
    expect(reported).toEqual([thrown])
    expect((reported[0] as Error).stack).toContain('parser.js')
  })

  it('does the same for a store that throws something other than an Error (a string holding SQL)', async () => {
    const reported: unknown[] = []
    const handler = handlerWith({
      store: {
        ...store,
        listUsers: async () => {
          throw sql
        },
      },
      onError: (error) => reported.push(error),
    })
    const { text } = await bodyOf(handler, '/v3/users')
    for (const leak of leaks) expect(text).not.toContain(leak)
    expect(reported).toEqual([sql])
  })

  it('shows only the message of a UserkitError, never the driver error it wraps', async () => {
    const handler = handlerWith({
      store: {
        ...store,
        listUsers: async () => {
          throw new UserkitError('ERR_SERVICE_UNAVAILABLE', 'The database is away.', { cause: driverError() })
        },
      },
      onError: () => expect.unreachable('503 is no unexpected error'),
    })
    const answer = await callHandler(handler, 'GET', '/v3/users', { as: full })
    expectError(answer, 503, 'ERR_SERVICE_UNAVAILABLE')
    expect(answer.body).toEqual({ error: { code: 'ERR_SERVICE_UNAVAILABLE', message: 'The database is away.' } })
  })
})

describe('a handler without the keys it was given', () => {
  it('refuses to start with a missing or empty key, naming the environment variable to set', () => {
    const missing = process.env.USERKIT_TEST_UNSET_VARIABLE
    expect(() => createUserHandler({ store, keys: [{ key: missing as string, scope: 'fullAccess' }] })).toThrow(
      /fullAccess key \(keys\[0\]\) is missing: set the environment variable .*USERKIT_API_KEY/,
    )
    expect(() => createUserHandler({ store, keys: [keys[0]!, { key: ' ', scope: 'authOnly' }] })).toThrow(/authOnly key \(keys\[1\]\) is empty.*USERKIT_AUTH_KEY/)
    expect(() => createUserHandler({ store, keys: [{ key: 'k', scope: 'admin' as 'fullAccess' }] })).toThrow(/scope must be 'fullAccess' or 'authOnly'/)
    expect(() => createUserHandler({ store, keys: [] })).not.toThrow()
  })
})
