import { createServer, Socket, type Server } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUserHandler, postgresStore, type UserStore } from '../../src/server/index.js'
import { callHandler, full, FULL_KEY, roles } from '../contract/harness.js'
import { createTestDatabase, type TestDatabase } from '../setup/postgresDatabase.js'

// The database goes away under a running handler and comes back: a TCP relay in front of the test
// cluster plays the network, so the cluster itself keeps serving the other test files.
let database: TestDatabase
let relay: Relay
let store: UserStore
let handler: (request: Request) => Promise<Response>
const errors: unknown[] = []

interface Relay {
  port: number
  /** Refuses new connections and cuts the open ones, as a database that went away. */
  down(): Promise<void>
  up(): Promise<void>
}

async function startRelay(target: URL): Promise<Relay> {
  const sockets = new Set<Socket>()
  let server: Server | undefined
  let port = 0
  const up = async (): Promise<void> => {
    server = createServer((client) => {
      const upstream = new Socket()
      upstream.connect(Number(target.port), target.hostname)
      for (const socket of [client, upstream]) {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
        socket.on('error', () => socket.destroy())
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve))
    port = (server.address() as { port: number }).port
  }
  await up()
  return {
    get port() {
      return port
    },
    up,
    down: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server?.close(() => resolve()))
    },
  }
}

beforeAll(async () => {
  database = await createTestDatabase()
  const target = new URL(database.url)
  relay = await startRelay(target)
  const relayed = new URL(database.url)
  relayed.port = String(relay.port)
  store = postgresStore({ connectionString: relayed.href, max: 2 })
  handler = createUserHandler({ store, keys: [{ key: FULL_KEY, scope: 'fullAccess' }], roles, onError: (error) => void errors.push(error) })
})

afterAll(async () => {
  await store?.close()
  await relay?.down().catch(() => {})
  await database?.drop()
})

it('answers 503 with Retry-After while the database is away, and serves again once it is back, with no restart', async () => {
  expect((await callHandler(handler, 'POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'Ada' } })).status).toBe(200)

  await relay.down()
  for (const [method, path, body] of [
    ['GET', '/v3/users/ada', undefined],
    ['POST', '/v3/users', { uid: 'bob', name: 'Bob' }],
    ['PUT', '/v3/users/ada', { name: 'Ada Lovelace' }],
  ] as const) {
    const answer = await callHandler(handler, method, path, { as: full, ...(body ? { body } : {}) })
    expect(answer.status).toBe(503)
    expect(answer.headers.get('retry-after')).toBe('1')
    expect(answer.body.error.code).toBe('ERR_SERVICE_UNAVAILABLE')
    expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|Connection terminated|\bat \w|SELECT|UPDATE|INSERT/)
  }
  expect(errors.length).toBeGreaterThan(0) // the operator still hears why

  await relay.up()
  const back = await callHandler(handler, 'GET', '/v3/users/ada', { as: full })
  expect(back.status).toBe(200)
  expect(back.body.data.name).toBe('Ada') // the refused update changed nothing
  expect((await callHandler(handler, 'GET', '/v3/users/bob', { as: full })).status).toBe(404)
})

it('answers 503, not 500, once the store is closed (a server shutting down)', async () => {
  const closing = postgresStore({ connectionString: database.url, max: 1 })
  const late = createUserHandler({ store: closing, keys: [{ key: FULL_KEY, scope: 'fullAccess' }], roles, onError: () => {} })
  expect((await callHandler(late, 'GET', '/v3/users/ada', { as: full })).status).toBe(200)
  await closing.close()
  const answer = await callHandler(late, 'GET', '/v3/users/ada', { as: full })
  expect(answer.status).toBe(503)
  expect(answer.headers.get('retry-after')).toBe('1')
})
