import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserClient, type UserClient } from '../../src/client/index.js'
import { createUserHandler, memoryEventBus, memoryStore, postgresEventBus, postgresStore, type EventBus, type UserHandlerOptions, type UserStore } from '../../src/server/index.js'
import { createTestDatabase, type TestDatabase } from '../setup/postgresDatabase.js'
import { BASE, FULL_KEY, START } from '../support/keys.js'

const roles = { admin: { manageUsers: true }, default: {} }

function instance(store: UserStore, bus: EventBus, clock: { now: number }, extra: Partial<UserHandlerOptions> = {}) {
  const handler = createUserHandler({ store, keys: [{ key: FULL_KEY, scope: 'fullAccess' }], roles, now: () => clock.now, rateLimit: false, tokens: { cacheSeconds: 30 }, events: { bus }, ...extra })
  return { handler, admin: createUserClient({ baseUrl: BASE, apiKey: FULL_KEY, fetch: handler }), as: (authToken: string): UserClient => createUserClient({ baseUrl: BASE, authToken, fetch: handler }) }
}

const listening = () => new Promise((resolve) => setTimeout(resolve, 20))
/** Whether the token still reads a user on this instance, asked until `expected` or 3 s. */
async function settlesTo(client: UserClient, expected: 'accepted' | 'refused'): Promise<'accepted' | 'refused'> {
  const deadline = Date.now() + 3000
  for (;;) {
    const now = await client.getUser('ann').then(
      () => 'accepted' as const,
      (error: { code?: string }) => (error.code === 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND' ? ('refused' as const) : Promise.reject(error)),
    )
    if (now === expected || Date.now() > deadline) return now
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

it('needs a bus: without one, a revocation on another instance could not reach its cache', () => {
  expect(() => createUserHandler({ store: memoryStore(), keys: [], tokens: { cacheSeconds: 5 } })).toThrow(/tokens\.cacheSeconds needs events\.bus/)
})

it('keeps a token for cacheSeconds at most when nothing tells it otherwise (a row deleted by hand)', async () => {
  const store = memoryStore()
  const clock = { now: START }
  const one = instance(store, memoryEventBus(), clock)
  await listening()
  await one.admin.createUser({ uid: 'ann', name: 'Ann' })
  const { authToken } = await one.admin.createAuthToken('ann')
  const ann = one.as(authToken)
  await ann.getUser('ann')
  await store.deleteTokensOf('ann')
  // Cached: the store is not asked.
  expect(await settlesTo(ann, 'accepted')).toBe('accepted')
  clock.now += 31
  expect(await settlesTo(ann, 'refused')).toBe('refused')
})

it('is kept right by the bus: a revocation on one instance reaches the other through a shared bus, and only through it', async () => {
  const clock = { now: START }
  const store = memoryStore()
  const shared = memoryEventBus()
  const a = instance(store, shared, clock)
  const b = instance(store, shared, clock)
  const alone = instance(store, memoryEventBus(), clock)
  await listening()
  await a.admin.createUser({ uid: 'ann', name: 'Ann' })
  const { authToken } = await a.admin.createAuthToken('ann')
  for (const other of [b, alone]) expect(await settlesTo(other.as(authToken), 'accepted')).toBe('accepted')
  await a.admin.revokeAuthToken('ann', authToken)
  expect(await settlesTo(b.as(authToken), 'refused')).toBe('refused')
  // An instance on a bus of its own hears nothing: its cached token still works, which is why a bus is required.
  expect(await settlesTo(alone.as(authToken), 'accepted')).toBe('accepted')
})

it('refuses a token pruned for a newer one (tokens.maxPerUser) on every instance', async () => {
  const clock = { now: START }
  const store = memoryStore()
  const shared = memoryEventBus()
  const a = instance(store, shared, clock, { tokens: { cacheSeconds: 30, maxPerUser: 1 } })
  const b = instance(store, shared, clock, { tokens: { cacheSeconds: 30, maxPerUser: 1 } })
  await listening()
  await a.admin.createUser({ uid: 'ann', name: 'Ann' })
  const first = (await a.admin.createAuthToken('ann')).authToken
  expect(await settlesTo(b.as(first), 'accepted')).toBe('accepted')
  clock.now += 1
  const second = (await a.admin.createAuthToken('ann')).authToken
  expect(await settlesTo(b.as(first), 'refused')).toBe('refused')
  expect(await settlesTo(b.as(second), 'accepted')).toBe('accepted')
})

describe('on two instances over one PostgreSQL, each with its own pool and bus connection', () => {
  let database: TestDatabase
  const closing: Array<() => Promise<unknown>> = []
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    for (const close of closing.reverse()) await close()
    await database.drop()
  })
  const postgresInstance = (clock: { now: number }) => {
    const pool = new pg.Pool({ connectionString: database.url, max: 2 })
    const store = postgresStore({ pool })
    const bus = postgresEventBus({ connectionString: database.url })
    closing.push(() => pool.end(), () => store.close(), () => bus.close())
    return instance(store, bus, clock)
  }

  it('refuses a token revoked, logged out or of a user deactivated on the other instance, and follows a role change', async () => {
    const clock = { now: START }
    const a = postgresInstance(clock)
    const b = postgresInstance(clock)
    await listening()
    await a.admin.createUser({ uid: 'ann', name: 'Ann' })
    await a.admin.createUser({ uid: 'boss', name: 'Boss', role: 'admin' })

    // Revoked through instance A: B, which has the token cached, refuses it once the bus delivers.
    const revoked = (await a.admin.createAuthToken('ann')).authToken
    expect(await settlesTo(b.as(revoked), 'accepted')).toBe('accepted')
    await a.admin.revokeAuthToken('ann', revoked)
    expect(await settlesTo(b.as(revoked), 'refused')).toBe('refused')

    // Logged out on A.
    const out = (await a.admin.createAuthToken('ann')).authToken
    expect(await settlesTo(b.as(out), 'accepted')).toBe('accepted')
    await a.as(out).logout()
    expect(await settlesTo(b.as(out), 'refused')).toBe('refused')

    // A manager demoted on A may no longer create users through B.
    const boss = (await a.admin.createAuthToken('boss')).authToken
    await b.as(boss).createUser({ uid: 'made-1', name: 'Made' })
    await a.admin.updateUser('boss', { role: 'default' })
    const deadline = Date.now() + 3000
    let code: string | undefined
    while (Date.now() < deadline) {
      code = await b.as(boss).createUser({ uid: 'made-2', name: 'Made' }).then(() => undefined, (error: { code: string }) => error.code)
      if (code) break
      await b.admin.deleteUser('made-2')
    }
    expect(code).toBe('AUTH_ERR_NO_ACCESS')

    // Deactivated on A.
    const kept = (await a.admin.createAuthToken('ann')).authToken
    expect(await settlesTo(b.as(kept), 'accepted')).toBe('accepted')
    await a.admin.deactivateUser('ann')
    expect(await settlesTo(b.as(kept), 'refused')).toBe('refused')
  })
})
