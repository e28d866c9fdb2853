import { beforeEach, describe, expect, it } from 'vitest'
import { createUserClient, type UserClient } from '../../src/client/index.js'
import { FULL_KEY } from '../support/keys.js'
import { createTestBackend } from '../support/testBackend.js'
import { createHarness, baseUrl, lines, rejection, type Harness } from './harness.js'

let h: Harness
beforeEach(() => {
  h = createHarness()
})


/** A client over the handler that keeps each request's media type and body text (an import is not JSON). */
function recordingClient(options: { apiKey?: string; authToken?: string }): { client: UserClient; sent: { line: string; type: string | null; text: string }[] } {
  const sent: { line: string; type: string | null; text: string }[] = []
  const client = createUserClient({
    baseUrl,
    ...options,
    fetch: async (request) => {
      const url = new URL(request.url)
      sent.push({ line: `${request.method} ${url.pathname}${url.search}`, type: request.headers.get('content-type'), text: await request.clone().text() })
      return h.handler(request)
    },
  })
  return { client, sent }
}

describe('bulkUsers', () => {
  it('sends one request for a filter and resolves one outcome per uid', async () => {
    await h.seed('ann', 'ben', 'cat')
    await h.admin.updateUser('ann', { tags: ['staff'] })
    await h.admin.updateUser('ben', { tags: ['staff'] })
    h.sent.length = 0
    const result = await h.admin.bulkUsers({ action: 'setRole', role: 'admin', target: { filter: { tags: ['staff'] }, expectedCount: 2 } })
    expect(result).toEqual({ succeeded: ['ann', 'ben'], failed: [], total: 2 })
    expect(lines(h.sent)).toEqual(['POST /v3/bulk_actions'])
    expect((await h.admin.getUser('cat')).role).toBe('default')
  })

  it("uses a manager's token on the client API, and reports their own uid as failed", async () => {
    await h.seed('ann', 'root')
    await h.admin.updateUser('root', { role: 'admin' })
    const manager = await h.loginAs('root')
    const result = await manager.bulkUsers({ action: 'deactivate', target: { uids: ['ann', 'root'] } })
    expect(lines(h.sent)).toEqual(['POST /v3.0/bulk_actions'])
    expect(result.succeeded).toEqual(['ann'])
    expect(result.failed).toEqual([{ uid: 'root', code: 'AUTH_ERR_NO_ACCESS', message: expect.any(String) }])
  })

  it('sends delete to the REST API, so a token alone cannot erase anyone', async () => {
    await h.seed('ann', 'root')
    await h.admin.updateUser('root', { role: 'admin' })
    const manager = await h.loginAs('root')
    const error = await rejection(manager.bulkUsers({ action: 'delete', target: { uids: ['ann'] } }))
    expect(error.code).toBe('AUTH_ERR_EMPTY_APIKEY')
    expect(lines(h.sent)).toEqual(['POST /v3/bulk_actions'])
    expect(await h.admin.bulkUsers({ action: 'delete', target: { uids: ['ann'] } })).toEqual({ succeeded: ['ann'], failed: [], total: 1 })
  })

  it('rejects a target over the limit of jobs with ERR_TOO_MANY_USERS', async () => {
    const { admin } = createTestBackend({ bulk: { maxUsers: 2, maxJobUsers: 3 } })
    const error = await rejection(admin.bulkUsers({ action: 'deactivate', target: { uids: ['u1', 'u2', 'u3', 'u4'] } }))
    expect(error.code).toBe('ERR_TOO_MANY_USERS')
    expect(error.status).toBe(400)
  })

  it("follows a job's progress past bulk.maxUsers and resolves its result, as for a small action", async () => {
    const { admin, handler } = createTestBackend({ bulk: { maxUsers: 3 } })
    const uids = Array.from({ length: 10 }, (_, i) => `u${i}`)
    for (const uid of uids) await admin.createUser({ uid, name: 'U', tags: ['team'] })
    const sent: string[] = []
    const client = createUserClient({ baseUrl, apiKey: FULL_KEY, fetch: (request) => (sent.push(`${request.method} ${new URL(request.url).pathname}`), handler(request)) })
    const progress: { processed: number; total: number; failed: number }[] = []
    const result = await client.bulkUsers(
      { action: 'setRole', role: 'admin', target: { filter: { tags: ['team'] }, expectedCount: 10 } },
      { onProgress: (seen) => progress.push(seen), pollMs: 1 },
    )
    expect(result.total).toBe(10)
    expect([...result.succeeded].sort()).toEqual([...uids].sort())
    expect(sent[0]).toBe('POST /v3/bulk_actions')
    expect(sent.slice(1).every((line) => /^GET \/v3\/bulk_actions\/[\w-]+$/.test(line))).toBe(true)
    expect(progress.at(-1)).toEqual({ processed: 10, total: 10, failed: 0 })
    expect(progress.map((seen) => seen.processed)).toEqual([...progress.map((seen) => seen.processed)].sort((a, b) => a - b))
    expect((await admin.getUser('u9')).role).toBe('admin')
  })

  it("keeps following a job through a blip in the network, and gives up, the job going on, when the server stays away", async () => {
    const { admin, handler } = createTestBackend({ bulk: { maxUsers: 1 } })
    for (const uid of ['b1', 'b2', 'b3']) await admin.createUser({ uid, name: 'B' })
    let down = 0
    const fetch = (request: Request): Promise<Response> => {
      if (request.method === 'GET' && down > 0) {
        down--
        return Promise.reject(new TypeError('fetch failed'))
      }
      return handler(request)
    }
    const client = createUserClient({ baseUrl, apiKey: FULL_KEY, fetch })
    down = 2
    const result = await client.bulkUsers({ action: 'addTags', tags: ['x'], target: { uids: ['b1', 'b2', 'b3'] } }, { pollMs: 1 })
    expect(result.succeeded).toHaveLength(3)
    down = 100
    const error = await rejection(client.bulkUsers({ action: 'addTags', tags: ['y'], target: { uids: ['b1', 'b2', 'b3'] } }, { pollMs: 1 }))
    expect(error.code).toBe('ERR_NETWORK')
    await expect.poll(async () => (await admin.getUser('b3')).tags).toEqual(['x', 'y'])
  })

  it('stops waiting for a job when aborted, leaving the job to finish', async () => {
    const { admin, handler } = createTestBackend({ bulk: { maxUsers: 1 } })
    for (const uid of ['a1', 'a2', 'a3']) await admin.createUser({ uid, name: 'A' })
    const client = createUserClient({ baseUrl, apiKey: FULL_KEY, fetch: handler })
    const controller = new AbortController()
    const waiting = client.bulkUsers({ action: 'addTags', tags: ['x'], target: { uids: ['a1', 'a2', 'a3'] } }, { signal: controller.signal, pollMs: 60_000, onProgress: () => controller.abort() })
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
    await expect.poll(async () => (await admin.getUser('a3')).tags).toEqual(['x'])
  })
})

describe('exportUsers', () => {
  it("resolves the server's stream, filtered, as CSV or JSON Lines", async () => {
    await h.seed('ann', 'ben')
    await h.admin.updateUser('ben', { role: 'admin' })
    h.sent.length = 0
    const csv = await new Response(await h.admin.exportUsers()).text()
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['uid,name,avatar,link,role,statusMessage,tags,metadata,createdAt,updatedAt,deactivatedAt', expect.stringMatching(/^ann,Ann,,,default,/)])
    const jsonl = await new Response(await h.admin.exportUsers({ role: 'admin' }, { format: 'jsonl' })).text()
    expect(jsonl.trim().split('\n').map((line) => JSON.parse(line).uid)).toEqual(['ben'])
    expect(lines(h.sent)).toEqual(['GET /v3/exports/users?format=csv', 'GET /v3/exports/users?format=jsonl&role=admin'])
  })

  it('rejects with the UserkitError of a refusal', async () => {
    await h.seed('pat')
    const pat = await h.loginAs('pat')
    const error = await rejection(pat.exportUsers())
    expect(error.code).toBe('AUTH_ERR_NO_ACCESS')
  })
})

describe('importUsers', () => {
  it('sends the file as text/csv or application/x-ndjson, dry run first, and resolves the report', async () => {
    const { client, sent } = recordingClient({ apiKey: FULL_KEY })
    const file = 'uid,name\r\nann,Ann\r\nbad uid,X\r\n'
    const dry = await client.importUsers(file, { dryRun: true })
    expect(dry).toMatchObject({ dryRun: true, created: 1, failed: 1, errors: [{ line: 3, field: 'uid', code: 'ERR_BAD_REQUEST' }] })
    await rejection(h.admin.getUser('ann'))
    const done = await client.importUsers(file)
    expect(done).toMatchObject({ dryRun: false, created: 1, failed: 1 })
    const jsonl = await client.importUsers('{"uid":"ann","name":"Ann Lee"}\n', { format: 'jsonl' })
    expect(jsonl).toMatchObject({ updated: 1 })
    expect(sent.map(({ line, type }) => [line, type])).toEqual([
      ['POST /v3/imports/users?dryRun=1', 'text/csv'],
      ['POST /v3/imports/users', 'text/csv'],
      ['POST /v3/imports/users', 'application/x-ndjson'],
    ])
    expect(sent[0]!.text).toBe(file)
    expect((await h.admin.getUser('ann')).name).toBe('Ann Lee')
  })
})
