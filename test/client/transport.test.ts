import { beforeEach, describe, expect, it } from 'vitest'
import { createUserClient, UserkitError } from '../../src/client/index.js'
import { baseUrl, createHarness, lines, type Harness } from './harness.js'
import { FULL_KEY } from '../support/keys.js'

let h: Harness
beforeEach(async () => {
  h = createHarness()
  await h.seed('ada')
})

const caught = async (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error)

describe('URLs', () => {
  it('accepts a base URL with a trailing slash', async () => {
    const client = createUserClient({ baseUrl: `${baseUrl}/`, apiKey: FULL_KEY, fetch: h.fetch })
    await expect(client.getUser('ada')).resolves.toMatchObject({ uid: 'ada' })
    expect(lines(h.sent)).toEqual(['GET /v3/users/ada'])
  })

  it('uses globalThis.fetch by default', async () => {
    const original = globalThis.fetch
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => h.fetch(new Request(input, init))
    try {
      const client = createUserClient({ baseUrl, apiKey: FULL_KEY, batchGetUser: false })
      await expect(client.getUser('ada')).resolves.toMatchObject({ uid: 'ada' })
    } finally {
      globalThis.fetch = original
    }
  })
})

describe('failures that are not the server\'s', () => {
  it('turns a fetch that throws into ERR_NETWORK with status 0 and the cause', async () => {
    const cause = new TypeError('fetch failed')
    const client = createUserClient({ baseUrl, apiKey: FULL_KEY, fetch: () => Promise.reject(cause) })

    const error = await caught(client.listUsers())

    expect(error).toBeInstanceOf(UserkitError)
    expect(error).toMatchObject({ code: 'ERR_NETWORK', status: 0, cause })
    expect((error as Error).message).toContain('GET http://userkit.test/v3/users')
  })

  it('turns an HTML page into ERR_BAD_RESPONSE with its status', async () => {
    const html = new Response('<html><body>Bad gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } })
    const client = createUserClient({ baseUrl, apiKey: FULL_KEY, fetch: async () => html })

    await expect(client.getMe()).rejects.toMatchObject({ code: 'ERR_BAD_RESPONSE', status: 502 })
  })

  it('turns JSON without the envelope into ERR_BAD_RESPONSE', async () => {
    const client = createUserClient({ baseUrl, apiKey: FULL_KEY, fetch: async () => Response.json({ uid: 'ada' }) })

    await expect(client.updateUser('ada', { name: 'A' })).rejects.toMatchObject({ code: 'ERR_BAD_RESPONSE', status: 200 })
    await expect(client.listUsers()).rejects.toMatchObject({ code: 'ERR_BAD_RESPONSE' })
  })

  it('turns a list without pagination into ERR_BAD_RESPONSE', async () => {
    const client = createUserClient({ baseUrl, apiKey: FULL_KEY, fetch: async () => Response.json({ data: [] }) })

    await expect(client.listUsers()).rejects.toMatchObject({ code: 'ERR_BAD_RESPONSE', status: 200 })
  })
})

describe('abort', () => {
  it('rejects with the AbortError and sends nothing when aborted before the call', async () => {
    const controller = new AbortController()
    controller.abort()

    const error = await caught(h.admin.listUsers({}, { signal: controller.signal }))

    expect(error).toBeInstanceOf(DOMException)
    expect((error as DOMException).name).toBe('AbortError')
    expect(h.sent).toEqual([])
  })

  it('rejects with the AbortError when aborted while the request is out', async () => {
    let release = (): void => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    let received: Request | undefined
    const slow = async (request: Request): Promise<Response> => {
      received = request
      await gate
      return h.fetch(request)
    }
    const client = createUserClient({ baseUrl, apiKey: FULL_KEY, fetch: slow })
    const controller = new AbortController()

    const pending = caught(client.listUsers({}, { signal: controller.signal }))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(received).toBeDefined()
    controller.abort()

    const error = await pending
    expect((error as DOMException).name).toBe('AbortError')
    expect(received!.signal.aborted).toBe(true)
    release()
  })

  it('passes a custom abort reason on as it is', async () => {
    const controller = new AbortController()
    const reason = new Error('navigated away')
    controller.abort(reason)

    await expect(h.admin.getMe({ signal: controller.signal })).rejects.toBe(reason)
  })

  it('rethrows an AbortError from fetch without wrapping it', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError')
    const client = createUserClient({ baseUrl, apiKey: FULL_KEY, fetch: () => Promise.reject(abort) })

    await expect(client.listUsers()).rejects.toBe(abort)
  })
})
