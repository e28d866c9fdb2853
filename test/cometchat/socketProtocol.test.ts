import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUserHandler, memoryEventBus, memoryStore, serve, type EventBus, type UserEventNotice } from '../../src/server/index.js'
import { authFrame, openSocket } from './socketClient.js'

// The server's end of CometChat's WebSocket, frame by frame, with a raw client: what the SDK needs
// (an auth answer, pongs, presence) and what it does with anything else.

const FULL_KEY = 'socket-full-key'
let host: string
let clock = Math.floor(Date.now() / 1000)
/** Every notice the handler published on its bus (what PostgreSQL would carry as NOTIFY). */
const published: UserEventNotice[] = []
const inner = memoryEventBus()
const bus: EventBus = { ...inner, publish: (notice) => (published.push(notice), inner.publish(notice)) }
let handler: (request: Request) => Promise<Response>
let close: () => Promise<void>

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { apikey: FULL_KEY }): Promise<any> {
  const init: RequestInit = { method, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) } }
  if (body !== undefined) init.body = JSON.stringify(body)
  return (await handler(new Request(`http://userkit.test${path}`, init))).json()
}

const tokenOf = async (uid: string): Promise<string> => (await call('POST', `/v3/users/${uid}/auth_tokens`, {})).data.authToken

beforeAll(async () => {
  handler = createUserHandler({
    store: memoryStore(),
    keys: [{ key: FULL_KEY, scope: 'fullAccess' }],
    roles: { admin: {}, default: {} },
    rateLimit: false,
    now: () => clock,
    events: { maxStreamsPerUser: 2, bus },
  })
  for (const [uid, name, role] of [['ada', 'Ada'], ['bob', 'Bob'], ['cy', 'Cy', 'admin'], ['dee', 'Dee']]) {
    await call('POST', '/v3/users', { uid, name, ...(role ? { role } : {}) })
  }
  const running = await serve({ handler, port: 0, cometchatSocket: { authTimeoutSeconds: 0.3 } })
  host = new URL(running.url).host
  close = running.close
})

afterAll(() => close?.())

describe('a socket that authenticates', () => {
  it("answers auth with code 200 and OK, pongs each ping, and pushes the others' presence within moments", async () => {
    const socket = await openSocket(host)
    socket.send(authFrame('ada', await tokenOf('ada')))
    expect(await socket.next((f) => f.type === 'auth')).toMatchObject({ type: 'auth', receiver: 'ada', body: { code: '200', status: 'OK' } })
    socket.send({ action: 'ping', ack: 'true' })
    await socket.next((f) => f.action === 'pong')

    const bobToken = await tokenOf('bob')
    const loggedInAt = performance.now()
    await call('PUT', '/v3.0/me', { platform: 'WEB', deviceId: 'b' }, { authtoken: bobToken })
    const online = await socket.next((f) => f.type === 'presence' && f.body.action === 'online')
    const latency = performance.now() - loggedInAt
    expect(online).toMatchObject({ sender: 'bob', receiver: 'ada', receiverType: 'user', body: { user: { uid: 'bob', name: 'Bob', status: 'online' } } })
    expect(online.body.timestamp).toEqual(expect.any(Number))
    expect(latency).toBeLessThan(2000)

    await call('DELETE', '/v3.0/me', undefined, { authtoken: bobToken })
    expect(await socket.next((f) => f.type === 'presence' && f.body.action === 'offline')).toMatchObject({ body: { user: { uid: 'bob', status: 'offline' } } })
    // Its own logins are not news to it.
    expect(socket.received.filter((f) => f.type === 'presence' && f.sender === 'ada')).toEqual([])
    socket.close()
  })

  it('tells a ROLES subscription only of users in those roles, and a NONE subscription nothing', async () => {
    const byRole = await openSocket(host)
    byRole.send({ ...authFrame('dee', await tokenOf('dee'), 'ROLES'), body: { auth: await tokenOf('dee'), presenceSubscription: 'ROLES', roles: ['admin'] } })
    await byRole.next((f) => f.type === 'auth' && f.body.code === '200')
    const none = await openSocket(host)
    none.send(authFrame('ada', await tokenOf('ada'), 'NONE'))
    await none.next((f) => f.type === 'auth' && f.body.code === '200')

    await call('PUT', '/v3.0/me', {}, { authtoken: await tokenOf('bob') })
    await call('PUT', '/v3.0/me', {}, { authtoken: await tokenOf('cy') })
    expect(await byRole.next((f) => f.type === 'presence')).toMatchObject({ sender: 'cy' })
    expect(byRole.received.filter((f) => f.type === 'presence' && f.sender === 'bob')).toEqual([])
    expect(none.received.filter((f) => f.type === 'presence')).toEqual([])
    byRole.close()
    none.close()
  })

  it('keeps its user online while it pings, past the presence timeout', async () => {
    const token = await tokenOf('cy')
    await call('PUT', '/v3.0/me', {}, { authtoken: token })
    const socket = await openSocket(host)
    socket.send(authFrame('cy', token))
    await socket.next((f) => f.type === 'auth')
    const before = published.length
    for (let i = 0; i < 4; i++) {
      clock += 30
      socket.send({ action: 'ping', ack: 'true' })
      await socket.next((f) => f.action === 'pong' && !f.seen && (f.seen = true))
    }
    await expect.poll(async () => (await call('GET', '/v3/users/cy')).data.lastActiveAt).toBe(clock)
    expect((await call('GET', '/v3/users/cy')).data.status).toBe('online')
    // A ping is no news: nothing crosses to other instances for it.
    expect(published.slice(before)).toEqual([])
    socket.close()
  })

  it("ignores the SDK's own presence, typing and receipt frames", async () => {
    const socket = await openSocket(host)
    socket.send(authFrame('ada', await tokenOf('ada')))
    await socket.next((f) => f.type === 'auth')
    for (const type of ['presence', 'typing_indicator', 'receipts', 'transient_message']) socket.send({ type, body: {} })
    socket.send({ action: 'ping', ack: 'true' })
    await socket.next((f) => f.action === 'pong')
    socket.close()
    expect((await socket.closed).code).toBe(1005)
  })

  it('closes when its token is revoked (4401), and refuses a socket past the per-user cap (4429)', async () => {
    const token = await tokenOf('dee')
    const first = await openSocket(host)
    first.send(authFrame('dee', token))
    await first.next((f) => f.type === 'auth')
    const second = await openSocket(host)
    second.send(authFrame('dee', await tokenOf('dee')))
    await second.next((f) => f.type === 'auth')
    const third = await openSocket(host)
    third.send(authFrame('dee', await tokenOf('dee')))
    expect(await third.next((f) => f.type === 'auth')).toMatchObject({ body: { code: '429', status: 'ERR_TOO_MANY_REQUESTS' } })
    expect(await third.closed).toEqual({ code: 4429, reason: 'ERR_TOO_MANY_REQUESTS' })

    await call('DELETE', '/v3.0/me', undefined, { authtoken: token })
    expect(await first.closed).toEqual({ code: 4401, reason: 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND' })
    second.close()
  })
})

describe('a socket that does not', () => {
  it.each([
    ['an unknown token', authFrame('ada', 'not-a-token'), 4401, 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND'],
    ['no token', authFrame('ada', undefined), 4401, 'AUTH_ERR_EMPTY_AUTH_TOKEN: the auth frame carries no token (body.auth)'],
    ['a ping before auth', { action: 'ping', ack: 'true' }, 4401, 'send auth first'],
    ['a frame type CometChat does not send', { type: 'message', body: {} }, 4415, 'unknown frame type "message"'],
    ['an array', [1, 2], 4400, 'a frame must be a JSON object'],
    ['a frame without a type', { body: {} }, 4400, 'a frame needs a type'],
  ])('is closed on %s', async (_, frame, code, reason) => {
    const socket = await openSocket(host)
    socket.send(frame)
    expect(await socket.closed).toEqual({ code, reason })
  })

  it('is closed on text that is not JSON, on a binary frame, and on a frame over the size limit', async () => {
    const notJson = await openSocket(host)
    notJson.sendRaw('{"type": "auth"')
    expect(await notJson.closed).toEqual({ code: 4400, reason: 'a frame must be JSON' })
    const binary = await openSocket(host)
    binary.sendRaw(Buffer.from([1, 2, 3]))
    expect(await binary.closed).toEqual({ code: 4400, reason: 'text frames only' })
    const huge = await openSocket(host)
    huge.sendRaw(JSON.stringify({ type: 'auth', body: { auth: 'x'.repeat(20_000) } }))
    expect((await huge.closed).code).toBe(1009)
  })

  it('is closed when no auth frame comes in time', async () => {
    const socket = await openSocket(host)
    expect(await socket.closed).toEqual({ code: 4401, reason: 'no auth frame within 0.3 s' })
  })

  it('is refused at any path but /', async () => {
    await expect(openSocket(`${host}/v3.0/socket`.replace(/\/$/, ''))).rejects.toThrow()
  })
})

it('is not served with cometchatSocket: false, while the handler answers as before', async () => {
  const plain = await serve({ handler, port: 0, cometchatSocket: false })
  try {
    const plainHost = new URL(plain.url).host
    await expect(openSocket(plainHost)).rejects.toThrow()
    expect((await (await fetch(`${plain.url}/v3.0/settings`)).json()).data).toMatchObject({ CHAT_HOST: '127.0.0.1' })
  } finally {
    await plain.close()
  }
})
