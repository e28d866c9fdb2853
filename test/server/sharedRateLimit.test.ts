import pg from 'pg'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { createUserHandler, postgresStore, type UserHandlerOptions, type UserStore } from '../../src/server/index.js'
import { callHandler, full, FULL_KEY, START } from '../contract/harness.js'
import { createTestDatabase, type TestDatabase } from '../setup/postgresDatabase.js'

// Two server instances, each with its own pool and store, on one PostgreSQL: what a load balancer
// in front of two processes amounts to.
let database: TestDatabase
let pools: pg.Pool[]
let stores: UserStore[]

beforeAll(async () => {
  database = await createTestDatabase()
  pools = [0, 1].map(() => new pg.Pool({ connectionString: database.url, max: 2 }))
  stores = pools.map((pool) => postgresStore({ pool }))
  await Promise.all(stores.map((store) => store.getUser('warm-up')))
})

afterAll(async () => {
  await Promise.all(stores?.map((store) => store.close()) ?? [])
  await Promise.all(pools?.map((pool) => pool.end()) ?? [])
  await database?.drop()
})

let clock: number
beforeEach(async () => {
  clock = START
  await pools[0]!.query('TRUNCATE userkit_users, userkit_user_words, userkit_tokens, userkit_blocks, userkit_rate_limits, userkit_avatars')
})

function instances(rateLimit: UserHandlerOptions['rateLimit']): ((request: Request) => Promise<Response>)[] {
  return stores.map((store) => createUserHandler({ store, keys: [{ key: FULL_KEY, scope: 'fullAccess' }], now: () => clock, rateLimit }))
}

async function statuses(handlers: ((request: Request) => Promise<Response>)[], path: string, as: { apiKey?: string; authToken?: string }): Promise<number[]> {
  const answers: number[] = []
  for (let i = 0; i < 6; i++) answers.push((await callHandler(handlers[i % 2]!, 'GET', path, { as })).status)
  return answers
}

it('holds a key\'s limit across two instances on one PostgreSQL, by default', async () => {
  const [one, two] = instances({ perMinute: { fullAccess: 4 } })
  expect(await statuses([one!, two!], '/v3/users', full)).toStrictEqual([200, 200, 200, 200, 429, 429])
  // The next window starts afresh, on either instance.
  clock += 60
  expect((await callHandler(two!, 'GET', '/v3/users', { as: full })).status).toBe(200)
})

it('holds a token\'s limit across them too, and tells each instance\'s answers the shared remainder', async () => {
  const [one, two] = instances({ perMinute: { token: 3 } })
  await callHandler(one!, 'POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'Ada' } })
  const { body } = await callHandler(one!, 'POST', '/v3/users/ada/auth_tokens', { as: full, body: {} })
  const authToken = body.data.authToken as string
  const remaining: (string | null)[] = []
  for (const handler of [one!, two!, one!]) remaining.push((await callHandler(handler, 'GET', '/v3.0/me', { as: { authToken } })).headers.get('x-ratelimit-remaining'))
  expect(remaining).toStrictEqual(['2', '1', '0'])
  expect((await callHandler(two!, 'GET', '/v3.0/me', { as: { authToken } })).status).toBe(429)
})

it('counts in each instance\'s memory with counter: \'memory\', each allowing the whole limit', async () => {
  const [one, two] = instances({ perMinute: { fullAccess: 2 }, counter: 'memory' })
  expect(await statuses([one!, two!], '/v3/users', full)).toStrictEqual([200, 200, 200, 200, 429, 429])
  const { rows } = await pools[0]!.query('SELECT bucket FROM userkit_rate_limits')
  expect(rows).toStrictEqual([])
})

it('does not let an instance whose clock lags move the shared window back', async () => {
  const [one, two] = stores.map((store, i) =>
    createUserHandler({ store, keys: [{ key: FULL_KEY, scope: 'fullAccess' }], now: () => clock - i * 60, rateLimit: { perMinute: { fullAccess: 2 } } }),
  )
  expect((await callHandler(one!, 'GET', '/v3/users', { as: full })).status).toBe(200)
  expect((await callHandler(two!, 'GET', '/v3/users', { as: full })).status).toBe(200)
  expect((await callHandler(two!, 'GET', '/v3/users', { as: full })).status).toBe(429)
  expect((await callHandler(one!, 'GET', '/v3/users', { as: full })).status).toBe(429)
})
