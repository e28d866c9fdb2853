import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { postgresEventBus, postgresStore, type EventBus, type UserStore } from '../../src/server/index.js'
import { createTestDatabase, type TestDatabase } from '../setup/postgresDatabase.js'
import { eventsEnv, FULL_KEY, type Probe } from './eventsHarness.js'

let database: TestDatabase
let pools: pg.Pool[] = []
let buses: EventBus[] = []
let stores: UserStore[] = []
const probes: Probe[] = []

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await Promise.all(probes.map((p) => p.close()))
  await Promise.all(buses.map((bus) => bus.close()))
  await Promise.all(stores.map((store) => store.close()))
  await Promise.all(pools.map((pool) => pool.end()))
  await database.drop()
})

// One handler instance as a process of its own would have it: its own pool and its own bus connection.
function instance(): ReturnType<typeof eventsEnv> {
  const pool = new pg.Pool({ connectionString: database.url, max: 2 })
  const store = postgresStore({ pool })
  const bus = postgresEventBus({ connectionString: database.url })
  pools.push(pool)
  stores.push(store)
  buses.push(bus)
  return eventsEnv(store, { events: { bus } })
}

it('carries an event written through one instance to a stream of another', async () => {
  const writer = instance()
  const reader = instance()
  await writer.admin.createUser({ uid: 'ada', name: 'Ada', metadata: { '@private': { secret: 's' } } })
  const bob = await writer.admin.createUser({ uid: 'bob', name: 'Bob' })
  const { authToken } = await reader.admin.createAuthToken(bob.uid)
  const watch = reader.stream({ authToken })
  probes.push(watch)
  expect((await watch.next())?.type).toBe('ready')
  await writer.admin.updateUser('ada', { name: 'Ada Lovelace' })
  const event = await watch.event()
  expect(event).toMatchObject({ type: 'user.updated', uid: 'ada', user: { name: 'Ada Lovelace' } })
  expect(JSON.stringify(event)).not.toContain('secret')
  await writer.loginAs('ada')
  expect(await watch.event()).toMatchObject({ type: 'user.online', uid: 'ada' })
})

it('keeps the order of events and resumes after Last-Event-ID on the same instance', async () => {
  const writer = instance()
  const reader = instance()
  await writer.admin.createUser({ uid: 'cy', name: 'Cy' })
  const first = reader.stream({ apiKey: FULL_KEY })
  probes.push(first)
  await first.next()
  await writer.admin.updateUser('cy', { name: 'Cy 0' })
  await first.event()
  const last = first.lastId!
  await first.close()
  for (let i = 1; i <= 5; i++) await writer.admin.updateUser('cy', { name: `Cy ${i}` })
  // A stream that stayed open shows when all five have reached the reading instance.
  const witness = reader.stream({ apiKey: FULL_KEY })
  probes.push(witness)
  await witness.next()
  await writer.admin.updateUser('cy', { name: 'Cy 6' })
  while (((await witness.event()) as { user: { name: string } }).user.name !== 'Cy 6');
  const resumed = reader.stream({ apiKey: FULL_KEY }, last)
  probes.push(resumed)
  await resumed.next()
  const names: string[] = []
  for (let i = 1; i <= 6; i++) names.push(((await resumed.event()) as { user: { name: string } }).user.name)
  expect(names).toEqual(['Cy 1', 'Cy 2', 'Cy 3', 'Cy 4', 'Cy 5', 'Cy 6'])
})
