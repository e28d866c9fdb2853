import { beforeEach, describe, expect, it } from 'vitest'
import { createUserClient, UserkitError } from '../../src/client/index.js'
import { baseUrl, createHarness, lines, type Harness } from './harness.js'
import { AUTH_KEY, FULL_KEY } from '../support/keys.js'

let h: Harness
beforeEach(() => {
  h = createHarness()
})

const uidsOf = (count: number): string[] => Array.from({ length: count }, (_, i) => `user-${String(i).padStart(3, '0')}`)
const nextTick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))
const settled = <T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
const uidsParam = (target: string): string[] => new URL(target, baseUrl).searchParams.get('uids')!.split(',')

describe('getUser batching', () => {
  it('sends 60 calls made in one tick as one request, and gives each caller its own user', async () => {
    const uids = uidsOf(60)
    await h.seed(...uids)

    const users = await Promise.all(uids.map((uid) => h.admin.getUser(uid)))

    expect(users.map((user) => user.uid)).toEqual(uids)
    expect(lines(h.sent)).toEqual([`GET /v3/users?perPage=60&uids=${uids.join(',')}`])
  })

  it('splits 150 distinct uids into requests of at most 100', async () => {
    const uids = uidsOf(150)
    await h.seed(...uids)

    const users = await Promise.all(uids.map((uid) => h.admin.getUser(uid)))

    expect(users.map((user) => user.uid)).toEqual(uids)
    expect(h.sent).toHaveLength(2)
    expect(uidsParam(h.sent[0]!.path)).toEqual(uids.slice(0, 100))
    expect(uidsParam(h.sent[1]!.path)).toEqual(uids.slice(100))
    expect(h.sent.map((sent) => new URL(sent.path, baseUrl).searchParams.get('perPage'))).toEqual(['100', '50'])
  })

  it('shares one uid between duplicate and differently cased calls', async () => {
    await h.seed('ada', 'bob')

    const [a, b, c, d] = await Promise.all([h.admin.getUser('ada'), h.admin.getUser('ADA'), h.admin.getUser('Ada'), h.admin.getUser('bob')])

    expect([a, b, c].map((user) => user.uid)).toEqual(['ada', 'ada', 'ada'])
    expect(d.uid).toBe('bob')
    expect(lines(h.sent)).toEqual(['GET /v3/users?perPage=2&uids=ada,bob'])
  })

  it('rejects only the callers of a missing uid, with ERR_UID_NOT_FOUND', async () => {
    await h.seed('ada', 'bob')

    const [ada, ghost, ghostAgain, bob] = await Promise.all(
      ['ada', 'ghost', 'GHOST', 'bob'].map((uid) => settled(h.admin.getUser(uid))),
    )

    expect(ada!.value?.uid).toBe('ada')
    expect(bob!.value?.uid).toBe('bob')
    for (const missing of [ghost, ghostAgain]) {
      expect(missing!.error).toBeInstanceOf(UserkitError)
      expect(missing!.error).toMatchObject({ code: 'ERR_UID_NOT_FOUND', status: 404 })
    }
    expect(h.sent).toHaveLength(1)
  })

  it('sends a lone uid as GET /users/{uid}, so its caller gets the server\'s own 404', async () => {
    await h.seed('ada')

    await expect(Promise.all([h.admin.getUser('ada'), h.admin.getUser('ADA')])).resolves.toHaveLength(2)
    await expect(h.admin.getUser('ghost')).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND', status: 404 })

    expect(lines(h.sent)).toEqual(['GET /v3/users/ada', 'GET /v3/users/ghost'])
  })

  it('sends calls made in different ticks separately', async () => {
    await h.seed('ada', 'bob')

    const first = h.admin.getUser('ada')
    await nextTick()
    const second = h.admin.getUser('bob')
    await Promise.all([first, second])

    expect(lines(h.sent)).toEqual(['GET /v3/users/ada', 'GET /v3/users/bob'])
  })

  it('rejects every caller of a failed batch with its error', async () => {
    await h.seed('ada', 'bob')
    const demo = h.clientWith({ apiKey: AUTH_KEY })

    const results = await Promise.all(['ada', 'bob'].map((uid) => settled(demo.getUser(uid))))

    for (const result of results) expect(result.error).toMatchObject({ code: 'AUTH_ERR_NO_ACCESS', status: 403 })
    expect(h.sent).toHaveLength(1)
  })

  it('batches on the client API when the client holds a token', async () => {
    await h.seed('ada', 'bob', 'cy')
    const ada = await h.loginAs('ada')

    const [bob, cy] = await Promise.all([ada.getUser('bob'), ada.getUser('cy')])

    expect([bob.uid, cy.uid]).toEqual(['bob', 'cy'])
    expect(lines(h.sent)).toEqual(['GET /v3.0/users?perPage=2&uids=bob,cy'])
    expect(h.sent[0]!.headers.get('authtoken')).toBe(ada.authToken)
  })

  it('sends one request per call with batchGetUser: false', async () => {
    await h.seed('ada', 'bob')
    const client = h.clientWith({ apiKey: FULL_KEY, batchGetUser: false })

    await Promise.all([client.getUser('ada'), client.getUser('bob'), client.getUser('ada')])

    expect(lines(h.sent)).toEqual(['GET /v3/users/ada', 'GET /v3/users/bob', 'GET /v3/users/ada'])
  })
})

describe('getUser batching and abort', () => {
  const abortError = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError'

  it('drops a caller that aborts before the batch is sent', async () => {
    await h.seed('ada', 'bob', 'cy')
    const controller = new AbortController()

    const calls = [
      settled(h.admin.getUser('ada')),
      settled(h.admin.getUser('bob', { signal: controller.signal })),
      settled(h.admin.getUser('cy')),
    ]
    controller.abort()
    const [ada, bob, cy] = await Promise.all(calls)

    expect(abortError(bob!.error)).toBe(true)
    expect([ada!.value?.uid, cy!.value?.uid]).toEqual(['ada', 'cy'])
    expect(lines(h.sent)).toEqual(['GET /v3/users?perPage=2&uids=ada,cy'])
  })

  it('sends nothing when every caller aborted first', async () => {
    const controller = new AbortController()

    const calls = ['ada', 'bob'].map((uid) => settled(h.admin.getUser(uid, { signal: controller.signal })))
    controller.abort()
    const results = await Promise.all(calls)
    await nextTick()

    expect(results.every((result) => abortError(result.error))).toBe(true)
    expect(h.sent).toEqual([])
  })

  it('rejects an already aborted call at once', async () => {
    await expect(h.admin.getUser('ada', { signal: AbortSignal.abort() })).rejects.toSatisfy(abortError)
    await nextTick()
    expect(h.sent).toEqual([])
  })

  it('keeps a sent batch going while one caller still waits, and aborts it when none does', async () => {
    await h.seed('ada', 'bob', 'cy', 'dee')
    const gates: (() => void)[] = []
    const received: Request[] = []
    const slow = async (request: Request): Promise<Response> => {
      received.push(request)
      await new Promise<void>((resolve) => gates.push(resolve))
      return h.handler(request)
    }
    const client = createUserClient({ baseUrl, apiKey: FULL_KEY, fetch: slow })
    const first = new AbortController()
    const second = new AbortController()
    const third = new AbortController()

    const kept = [
      settled(client.getUser('ada', { signal: first.signal })),
      settled(client.getUser('bob')),
    ]
    await nextTick()
    const dropped = [
      settled(client.getUser('cy', { signal: second.signal })),
      settled(client.getUser('dee', { signal: third.signal })),
    ]
    await nextTick()
    expect(received).toHaveLength(2)

    first.abort()
    second.abort()
    expect(received[0]!.signal.aborted).toBe(false)
    expect(received[1]!.signal.aborted).toBe(false)
    third.abort()
    expect(received[1]!.signal.aborted).toBe(true)

    for (const release of gates) release()
    const [ada, bob] = await Promise.all(kept)
    const [cy, dee] = await Promise.all(dropped)
    expect(abortError(ada!.error)).toBe(true)
    expect(bob!.value?.uid).toBe('bob')
    expect(abortError(cy!.error)).toBe(true)
    expect(abortError(dee!.error)).toBe(true)
    expect(received[0]!.signal.aborted).toBe(false)
  })
})
