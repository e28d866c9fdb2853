import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { createUserHandler, memoryEventBus, pgliteStore, type PgliteLike, type UserStore } from '../../src/server/index.js'
import { callHandler, full, FULL_KEY, roles, START, type CallOptions } from '../contract/harness.js'

// What each kind of request costs the database, counted as the statements a real PGlite receives
// (a transaction's BEGIN and COMMIT included), the figures `npm run bench` prints beside its load.
let db: PGlite
let sent: string[] = []
let store: UserStore

beforeAll(async () => {
  db = await PGlite.create()
  const counted: PgliteLike = {
    query: (sql, params) => (sent.push(sql), db.query(sql, params)),
    transaction: (fn) => {
      sent.push('BEGIN')
      return db.transaction((tx) => fn({ query: (sql, params) => (sent.push(sql), tx.query(sql, params)) })).finally(() => sent.push('COMMIT'))
    },
    close: () => db.close(),
  }
  store = pgliteStore({ db: counted })
  await store.getUser('warm-up')
})

afterAll(async () => {
  await store.close()
  await db.close()
})

let clock: number
let handler: (request: Request) => Promise<Response>
beforeEach(async () => {
  await db.exec('TRUNCATE userkit_users, userkit_user_words, userkit_tokens, userkit_blocks, userkit_rate_limits, userkit_avatars')
  clock = START
  handler = createUserHandler({ store, keys: [{ key: FULL_KEY, scope: 'fullAccess' }], roles, now: () => clock, rateLimit: false })
})

async function statements(method: string, path: string, options: CallOptions): Promise<string[]> {
  sent = []
  const answer = await callHandler(handler, method, path, options)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return sent
}

async function loggedIn(uid: string): Promise<string> {
  for (const who of [uid, 'other']) await callHandler(handler, 'POST', '/v3/users', { as: full, body: { uid: who, name: who } })
  const { body } = await callHandler(handler, 'POST', `/v3/users/${uid}/auth_tokens`, { as: full, body: {} })
  const authToken = body.data.authToken as string
  await callHandler(handler, 'PUT', '/v3.0/me', { as: { authToken }, body: {} })
  return authToken
}

it('answers a keyed GET of a user with one statement', async () => {
  await loggedIn('ada')
  expect(await statements('GET', '/v3/users/other', { as: full })).toHaveLength(1)
})

it('answers a token GET of another user, block flags included, with the token and the user: two statements', async () => {
  const authToken = await loggedIn('ada')
  await callHandler(handler, 'POST', '/v3.0/blockedusers', { as: { authToken }, body: { blockedUids: ['other'] } })
  sent = []
  const answer = await callHandler(handler, 'GET', '/v3.0/users/other', { as: { authToken } })
  expect(answer.body.data).toMatchObject({ uid: 'other', blockedByMe: true, hasBlockedMe: false })
  expect(sent).toHaveLength(2)
})

it('answers GET /me from the token lookup alone', async () => {
  const authToken = await loggedIn('ada')
  expect(await statements('GET', '/v3.0/me', { as: { authToken } })).toHaveLength(1)
})

it('writes presence once in PUT /me, in the edit itself, even once the last sign of life is old', async () => {
  const authToken = await loggedIn('ada')
  clock += 30
  const sentNow = await statements('PUT', '/v3.0/me', { as: { authToken }, body: { statusMessage: 'here' } })
  expect(sentNow.filter((sql) => /^\s*UPDATE/i.test(sql))).toHaveLength(1)
  expect(sentNow.length).toBeLessThanOrEqual(5)
  const { body } = await callHandler(handler, 'GET', '/v3/users/ada', { as: full })
  expect(body.data).toMatchObject({ statusMessage: 'here', status: 'online', lastActiveAt: clock })
})

it('answers a token search with at most four statements', async () => {
  const authToken = await loggedIn('ada')
  expect((await statements('GET', '/v3.0/users?searchKey=o&perPage=25', { as: { authToken } })).length).toBeLessThanOrEqual(4)
})

it('answers a token GET with one statement once the token is cached (tokens.cacheSeconds)', async () => {
  handler = createUserHandler({ store, keys: [{ key: FULL_KEY, scope: 'fullAccess' }], roles, now: () => clock, rateLimit: false, tokens: { cacheSeconds: 10 }, events: { bus: memoryEventBus() } })
  // The bus starts listening on the next turn: until it does, nothing is cached.
  await new Promise((resolve) => setTimeout(resolve, 0))
  const authToken = await loggedIn('ada')
  await statements('GET', '/v3.0/users/other', { as: { authToken } })
  expect(await statements('GET', '/v3.0/users/other', { as: { authToken } })).toHaveLength(1)
})
