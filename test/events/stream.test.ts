import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { PGlite } from '@electric-sql/pglite'
import { memoryStore, pgliteStore, type UserStore } from '../../src/server/index.js'
import { AUTH_KEY, BASE, eventsEnv, FULL_KEY, type EventsEnv, type Probe } from './eventsHarness.js'

interface Kit {
  name: string
  open(): Promise<{ store(): UserStore; reset(): Promise<void>; close(): Promise<void> }>
}

const kits: Kit[] = [
  {
    name: 'memory',
    async open() {
      let store = memoryStore()
      return { store: () => store, reset: async () => void (store = memoryStore()), close: async () => {} }
    },
  },
  {
    name: 'pglite',
    async open() {
      const db = await PGlite.create()
      const store = pgliteStore({ db })
      await store.getUser('warm-up')
      return {
        store: () => store,
        reset: async () => void (await db.exec('TRUNCATE userkit_users, userkit_user_words, userkit_tokens, userkit_blocks, userkit_rate_limits, userkit_avatars')),
        close: async () => {
          await store.close()
          await db.close()
        },
      }
    },
  },
]

describe.each(kits)('event stream ($name store)', (kit) => {
  let opened: Awaited<ReturnType<Kit['open']>>
  let probes: Probe[] = []
  beforeAll(async () => {
    opened = await kit.open()
  })
  afterAll(async () => opened.close())
  beforeEach(async () => opened.reset())
  afterEach(async () => {
    vi.useRealTimers()
    await Promise.all(probes.map((p) => p.close()))
    probes = []
  })
  const setup = async (options: Parameters<typeof eventsEnv>[1] = {}): Promise<EventsEnv> => {
    const env = eventsEnv(opened.store(), options)
    const stream = env.stream
    env.stream = (as, last) => {
      const p = stream(as, last)
      probes.push(p)
      return p
    }
    for (const uid of ['ada', 'bob', 'cy']) await env.admin.createUser({ uid, name: uid.toUpperCase() })
    return env
  }

  it('opens with ready and carries updates, creations, deactivations and reactivations', async () => {
    const env = await setup()
    const ada = await env.loginAs('ada')
    const watch = env.stream({ authToken: ada.authToken! })
    expect((await watch.next())?.type).toBe('ready')
    await env.admin.updateUser('bob', { name: 'Robert' })
    expect(await watch.event()).toMatchObject({ type: 'user.updated', uid: 'bob', user: { uid: 'bob', name: 'Robert' } })
    await env.admin.createUser({ uid: 'dee', name: 'Dee' })
    expect(await watch.event()).toMatchObject({ type: 'user.created', uid: 'dee', user: { name: 'Dee', status: 'offline' } })
    await env.admin.deactivateUser('dee')
    const deactivated = await watch.event()
    expect(deactivated).toMatchObject({ type: 'user.deactivated', uid: 'dee' })
    expect('user' in deactivated).toBe(false)
    await env.admin.reactivateUsers(['dee'])
    expect(await watch.event()).toMatchObject({ type: 'user.reactivated', uid: 'dee', user: { name: 'Dee' } })
  })

  it('turns a user online on login and offline on logout', async () => {
    const env = await setup()
    const watch = env.stream({ apiKey: FULL_KEY })
    await watch.next()
    const bob = await env.loginAs('bob')
    expect(await watch.event()).toMatchObject({ type: 'user.online', uid: 'bob', user: { status: 'online' } })
    await bob.heartbeat()
    await bob.logout()
    // The heartbeat of a user already online is no news: offline comes next.
    expect(await watch.event()).toMatchObject({ type: 'user.offline', uid: 'bob', user: { status: 'offline' } })
  })

  it('turns a silent user offline once the presence timeout passes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const env = await setup({ presence: { timeoutSeconds: 60 }, events: { sweepSeconds: 1 } })
    const watch = env.stream({ apiKey: FULL_KEY })
    await watch.next()
    await env.loginAs('bob')
    expect((await watch.event()).type).toBe('user.online')
    env.advance(30)
    await vi.advanceTimersByTimeAsync(1000)
    env.advance(31)
    await vi.advanceTimersByTimeAsync(1000)
    expect(await watch.event()).toMatchObject({ type: 'user.offline', uid: 'bob', user: { status: 'offline' } })
  })

  it('keeps @private metadata for the user and keys', async () => {
    const env = await setup()
    const ada = await env.loginAs('ada')
    const bob = await env.loginAs('bob')
    const asAda = env.stream({ authToken: ada.authToken! })
    const asBob = env.stream({ authToken: bob.authToken! })
    const asKey = env.stream({ apiKey: FULL_KEY })
    await Promise.all([asAda.next(), asBob.next(), asKey.next()])
    await env.admin.updateUser('bob', { metadata: { shown: 1, '@private': { secret: 's' } } })
    const seen = await asAda.event()
    expect(seen).toMatchObject({ type: 'user.updated', uid: 'bob', user: { metadata: { shown: 1 } } })
    expect(JSON.stringify(seen)).not.toContain('secret')
    expect(await asBob.event()).toMatchObject({ user: { metadata: { '@private': { secret: 's' } } } })
    expect(await asKey.event()).toMatchObject({ user: { metadata: { '@private': { secret: 's' } } } })
  })

  it('tells the blocker alone of a block, with the flags of its view', async () => {
    const env = await setup()
    const ada = await env.loginAs('ada')
    const cy = await env.loginAs('cy')
    const asAda = env.stream({ authToken: ada.authToken! })
    const asCy = env.stream({ authToken: cy.authToken! })
    await Promise.all([asAda.next(), asCy.next()])
    await ada.blockUsers(['bob'])
    expect(await asAda.event()).toMatchObject({ type: 'user.blocked', uid: 'bob', user: { blockedByMe: true, hasBlockedMe: false } })
    await ada.unblockUsers(['bob'])
    expect(await asAda.event()).toMatchObject({ type: 'user.unblocked', uid: 'bob', user: { blockedByMe: false } })
    await env.admin.updateUser('bob', { name: 'Robert' })
    // Cy heard of neither: the update is the first thing its stream carries.
    expect(await asCy.event()).toMatchObject({ type: 'user.updated', uid: 'bob', user: { blockedByMe: false } })
  })

  it('refuses a stream to an authOnly key and to no credential', async () => {
    const env = await setup()
    const refused = await env.handler(new Request(`${BASE}/v3/events`, { headers: { apikey: AUTH_KEY } }))
    expect(refused.status).toBe(403)
    expect((await refused.json()).error.code).toBe('AUTH_ERR_NO_ACCESS')
    const anonymous = await env.handler(new Request(`${BASE}/v3.0/events`))
    expect(anonymous.status).toBe(401)
  })

  it('resumes after Last-Event-ID without losing an event, and resets when it cannot', async () => {
    const env = await setup({ events: { retain: 3 } })
    const first = env.stream({ apiKey: FULL_KEY })
    await first.next()
    await env.admin.updateUser('ada', { name: 'A1' })
    await first.event()
    const resumeAt = first.lastId!
    await first.close()
    await env.admin.updateUser('ada', { name: 'A2' })
    await env.admin.updateUser('bob', { name: 'B2' })
    const resumed = env.stream({ apiKey: FULL_KEY }, resumeAt)
    expect((await resumed.next())?.type).toBe('ready')
    expect(await resumed.event()).toMatchObject({ uid: 'ada', user: { name: 'A2' } })
    expect(await resumed.event()).toMatchObject({ uid: 'bob', user: { name: 'B2' } })
    await env.admin.updateUser('cy', { name: 'C2' })
    expect(await resumed.event()).toMatchObject({ uid: 'cy', user: { name: 'C2' } })
    for (const name of ['x', 'y', 'z']) await env.admin.updateUser('ada', { name })
    // Four events since: older than the three retained.
    expect((await env.stream({ apiKey: FULL_KEY }, resumeAt).next())?.type).toBe('reset')
    expect((await env.stream({ apiKey: FULL_KEY }, 'elsewhere-7').next())?.type).toBe('reset')
  })

  it('sends keep-alive comments on an idle stream', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const env = await setup({ events: { keepAliveSeconds: 15 } })
    const response = await env.handler(new Request(`${BASE}/v3/events`, { headers: { apikey: FULL_KEY } }))
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let text = ''
    while (!text.includes('event: ready')) text += (await reader.read()).value
    await vi.advanceTimersByTimeAsync(15_000)
    while (!text.includes(': keep-alive')) text += (await reader.read()).value
    await reader.cancel()
  })

  it('drops a stream whose reader falls behind: it ends cleanly, and onError hears of it once', async () => {
    const reported: unknown[] = []
    const env = await setup({ events: { maxBufferedBytes: 2048 }, onError: (error) => reported.push(error) })
    const response = await env.handler(new Request(`${BASE}/v3/events`, { headers: { apikey: FULL_KEY } }))
    const watch = env.stream({ apiKey: FULL_KEY })
    await watch.next()
    // The reader that keeps up gets everything; the other finds its stream ended short.
    for (let i = 0; i < 20; i++) {
      await env.admin.updateUser('ada', { name: `Ada ${i}`, statusMessage: 'x'.repeat(100) })
      expect(await watch.event()).toMatchObject({ user: { name: `Ada ${i}` } })
    }
    const text = await response.text()
    expect(text.length).toBeLessThanOrEqual(2048 + 512)
    expect(text).not.toContain('Ada 19')
    expect(reported).toHaveLength(1)
    expect(String(reported[0])).toMatch(/fell \d+ bytes behind/)
  })

  it('holds at most maxStreamsPerUser streams per user: the next one gets 429 until one closes', async () => {
    const env = await setup({ events: { maxStreamsPerUser: 2 } })
    const bob = await env.loginAs('bob')
    const otherDevice = await env.loginAs('bob')
    const first = env.stream({ authToken: bob.authToken! })
    const second = env.stream({ authToken: otherDevice.authToken! })
    await Promise.all([first.next(), second.next()])
    const third = await env.handler(new Request(`${BASE}/v3.0/events`, { headers: { authtoken: bob.authToken! } }))
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).not.toBeNull()
    expect(await third.json()).toMatchObject({ error: { code: 'ERR_TOO_MANY_REQUESTS', message: expect.stringMatching(/2 event streams/) } })
    // Another user is not held back by bob's streams.
    const cy = await env.loginAs('cy')
    expect((await env.handler(new Request(`${BASE}/v3.0/events`, { headers: { authtoken: cy.authToken! } }))).status).toBe(200)
    await first.close()
    await vi.waitFor(async () => {
      const again = await env.handler(new Request(`${BASE}/v3.0/events`, { headers: { authtoken: bob.authToken! } }))
      expect(again.status).toBe(200)
      await again.body?.cancel()
    })
  })

  it("closes a deactivated user's stream after telling it", async () => {
    const env = await setup()
    const bob = await env.loginAs('bob')
    const asBob = env.stream({ authToken: bob.authToken! })
    await asBob.next()
    await env.admin.deactivateUser('bob')
    expect(await asBob.event()).toMatchObject({ type: 'user.deactivated', uid: 'bob' })
    expect(await asBob.next()).toBeUndefined()
    const again = await env.handler(new Request(`${BASE}/v3.0/events`, { headers: { authtoken: bob.authToken! } }))
    expect(again.status).toBe(401)
  })

  it('closes the stream of a token once it is revoked or logged out', async () => {
    const env = await setup()
    const bob = await env.loginAs('bob')
    const other = await env.loginAs('bob')
    const revoked = env.stream({ authToken: bob.authToken! })
    const loggedOut = env.stream({ authToken: other.authToken! })
    await Promise.all([revoked.next(), loggedOut.next()])
    await env.admin.revokeAuthToken('bob', bob.authToken!)
    expect(await revoked.next()).toBeUndefined()
    await other.logout()
    // Its own logout is the last thing it hears.
    expect(await loggedOut.event()).toMatchObject({ type: 'user.offline', uid: 'bob' })
    expect(await loggedOut.next()).toBeUndefined()
  })
})
