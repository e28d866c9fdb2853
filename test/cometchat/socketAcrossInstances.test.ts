import { afterAll, expect, it } from 'vitest'
import { createUserHandler, postgresEventBus, postgresStore, serve } from '../../src/server/index.js'
import { createTestDatabase } from '../setup/postgresDatabase.js'
import { authFrame, openSocket } from './socketClient.js'

// Two server instances on one PostgreSQL, each with its own pool and LISTEN connection as two
// processes would have: a socket held by one hears a login made through the other.

const FULL_KEY = 'across-full-key'
const teardown: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const step of teardown.reverse()) await step()
})

it("pushes a presence frame to a socket on one instance for a login through the other, within 2 s", async () => {
  const database = await createTestDatabase()
  teardown.push(() => database.drop())
  const instances = await Promise.all(
    [0, 1].map(async () => {
      const store = postgresStore({ connectionString: database.url })
      const bus = postgresEventBus({ connectionString: database.url })
      const handler = createUserHandler({ store, keys: [{ key: FULL_KEY, scope: 'fullAccess' }], events: { bus }, rateLimit: false })
      const running = await serve({ handler, port: 0 })
      teardown.push(async () => {
        await running.close()
        await bus.close()
        await store.close()
      })
      const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = { apikey: FULL_KEY }): Promise<any> =>
        (await handler(new Request(`http://userkit.test${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) }))).json()
      return { host: new URL(running.url).host, call }
    }),
  )
  const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]]
  await a.call('POST', '/v3/users', { uid: 'ada', name: 'Ada' })
  await a.call('POST', '/v3/users', { uid: 'bob', name: 'Bob' })

  const socket = await openSocket(a.host)
  socket.send(authFrame('ada', (await a.call('POST', '/v3/users/ada/auth_tokens')).data.authToken))
  expect(await socket.next((f) => f.type === 'auth')).toMatchObject({ body: { code: '200', status: 'OK' } })

  const bobToken = (await b.call('POST', '/v3/users/bob/auth_tokens')).data.authToken
  const loggedInAt = performance.now()
  await b.call('PUT', '/v3.0/me', { platform: 'WEB', deviceId: 'b' }, { authtoken: bobToken })
  expect(await socket.next((f) => f.type === 'presence' && f.body.action === 'online', 2000)).toMatchObject({ sender: 'bob' })
  const onlineAfter = performance.now() - loggedInAt
  await b.call('DELETE', '/v3.0/me', undefined, { authtoken: bobToken })
  expect(await socket.next((f) => f.type === 'presence' && f.body.action === 'offline', 2000)).toMatchObject({ sender: 'bob' })
  console.info(`presence across instances (LISTEN/NOTIFY): online ${Math.round(onlineAfter)} ms after the login`)
  socket.close()
})
