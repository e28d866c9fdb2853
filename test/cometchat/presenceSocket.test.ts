import { WebSocket } from 'ws'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { nodeRuntime } from './nodeRuntime.js'
import type { Act, SdkRuntime } from './sdkRuntime.js'
import { APP_ID, AUTH_KEY, FULL_KEY, startSdkServer, type SdkServer } from './sdkServer.js'

// CometChat's SDK with its socket on, in Node: it reads the socket's host from GET /v3.0/settings,
// sends the jwt of its login in its auth frame, and turns the presence frames it gets into
// onUserOnline / onUserOffline, as the UI Kit's presence dots use them.

let server: SdkServer
let sdk: SdkRuntime
/** Every frame the SDK's socket received. */
const wire: any[] = []

beforeAll(async () => {
  server = await startSdkServer()
  sdk = await nodeRuntime(server.host, APP_ID)
  // Node 20 has no WebSocket of its own; the SDK asks for wss://, the test server speaks ws://.
  class PlainWebSocket extends WebSocket {
    constructor(url: string) {
      super(url.replace(/^wss:\/\//, 'ws://'))
      this.on('message', (data) => wire.push(JSON.parse(data.toString())))
    }
  }
  Object.defineProperty(globalThis, 'WebSocket', { value: PlainWebSocket, configurable: true, writable: true })
  // Read once the login is about 5 s old, to describe the device.
  Object.defineProperty(globalThis, 'screen', { value: { width: 1280, height: 800 }, configurable: true, writable: true })
  for (const [uid, name] of [['watcher', 'Watcher'], ['comer', 'Comer Goer']]) {
    expect(await server.call('POST', '/v3/users', { apiKey: FULL_KEY, body: { uid, name } })).toHaveProperty('data')
  }
}, 30_000)

afterAll(async () => {
  await sdk?.run(async (s) => s.CometChat.logout(), null)
  await sdk?.close()
  await server?.close()
})

type Seen = { uid: string; status: string; at: number }

/** Logs in, registers a user listener that records into `globalThis.seen`, and opens the socket. */
const loginAndListen: Act<{ uid: string; key: string; host: string; appId: string }, unknown> = async (s, { uid, key, host, appId }) => {
  // Initialised again, as an app using presence would be: subscribed to everyone's.
  const settings = new s.CometChat.AppSettingsBuilder()
    .setRegion('us')
    .overrideAdminHost(`${host}/v3`)
    .overrideClientHost(`${host}/v3.0`)
    .subscribePresenceForAllUsers()
    .autoEstablishSocketConnection(false)
    .build()
  await s.CometChat.init(appId, settings)
  const seen: Seen[] = []
  ;(globalThis as { seen?: Seen[] }).seen = seen
  const user = await s.CometChat.login(uid, key)
  s.CometChat.addUserListener(
    'presence',
    new s.CometChat.UserListener({
      onUserOnline: (u: any) => seen.push({ uid: u.getUid(), status: u.getStatus(), at: performance.now() }),
      onUserOffline: (u: any) => seen.push({ uid: u.getUid(), status: u.getStatus(), at: performance.now() }),
    }),
  )
  s.CometChat.connect()
  return user.getUid()
}

const connectionStatus: Act<null, string> = async (s) => s.CometChat.getConnectionStatus()
const seenSoFar: Act<null, Seen[]> = async () => (globalThis as { seen?: Seen[] }).seen ?? []

async function until<T>(read: () => Promise<T>, test: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const start = Date.now()
  for (;;) {
    const value = await read()
    if (test(value)) return value
    if (Date.now() - start > timeoutMs) throw new Error(`timed out; last ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

it('connects with the jwt of its login and hears another user come online and go offline within 2 s', async () => {
  const login = await sdk.run(loginAndListen, { uid: 'watcher', key: AUTH_KEY, host: server.host, appId: APP_ID })
  expect(login).toEqual({ ok: true, value: 'watcher' })
  // Connected means the server took the auth frame: without the login's jwt in it, it closes (4401).
  await until(
    async () => sdk.run(connectionStatus, null),
    (status) => status.ok && status.value === 'connected',
  )
  // The answer to its auth frame: from here on the server relays presence to it.
  await until(async () => wire, (frames) => frames.some((f) => f.type === 'auth' && f.body.code === '200'))

  const { data } = await server.call('POST', '/v3/users/comer/auth_tokens', { apiKey: FULL_KEY, body: {} })
  const loggedInAt = performance.now()
  await server.call('PUT', '/v3.0/me', { authToken: data.authToken, body: { platform: 'WEB', deviceId: 'comer-device' } })
  const online = await until(
    async () => sdk.run(seenSoFar, null),
    (seen) => seen.ok && seen.value.some((s) => s.uid === 'comer'),
  )
  expect(online.ok && online.value).toEqual([{ uid: 'comer', status: 'online', at: expect.any(Number) }])
  const onlineAfter = (online.ok ? online.value[0]!.at : 0) - loggedInAt
  expect(onlineAfter).toBeLessThan(2000)

  const loggedOutAt = performance.now()
  await server.call('DELETE', '/v3.0/me', { authToken: data.authToken })
  const offline = await until(
    async () => sdk.run(seenSoFar, null),
    (seen) => seen.ok && seen.value.length === 2,
  )
  expect(offline.ok && offline.value[1]).toEqual({ uid: 'comer', status: 'offline', at: expect.any(Number) })
  expect((offline.ok ? offline.value[1]!.at : 0) - loggedOutAt).toBeLessThan(2000)
  console.info(`presence over the socket: online ${Math.round(onlineAfter)} ms after the login`)
})
