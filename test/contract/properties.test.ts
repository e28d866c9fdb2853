import fc from 'fast-check'
import { expect, it } from 'vitest'
import { errorStatus, usersQuerySchema } from '../../src/model/index.js'
import { storeState } from './accessKit.js'
import { describeContract, full, type Answer, type ContractEnv, type Credential } from './harness.js'

const userKeys = new Set([
  'uid',
  'name',
  'avatar',
  'link',
  'role',
  'metadata',
  'status',
  'statusMessage',
  'lastActiveAt',
  'hasBlockedMe',
  'blockedByMe',
  'tags',
  'deactivatedAt',
  'createdAt',
  'updatedAt',
  'authToken',
])

/** A user as DESIGN's field table describes it: known fields only, unset ones absent (never null). */
function expectUser(user: Record<string, unknown>): void {
  expect(user).toBeTypeOf('object')
  for (const [key, value] of Object.entries(user)) {
    expect(userKeys.has(key), `unknown field ${key}`).toBe(true)
    expect(value, `${key} is null`).not.toBeNull()
  }
  expect(user.uid).toMatch(/^[a-z0-9_-]{1,100}$/)
  expect(typeof user.name === 'string' && user.name.trim().length > 0).toBe(true)
  expect(user.role).toEqual(expect.any(String))
  expect(['online', 'offline']).toContain(user.status)
  for (const key of ['createdAt', 'updatedAt', 'lastActiveAt', 'deactivatedAt']) {
    if (key in user) expect(Number.isInteger(user[key]), key).toBe(true)
  }
  for (const key of ['hasBlockedMe', 'blockedByMe']) if (key in user) expect(user[key]).toBeTypeOf('boolean')
  for (const key of ['avatar', 'link']) if (key in user) expect(user[key]).toMatch(/^https?:/i)
  if ('tags' in user) {
    expect(Array.isArray(user.tags) && user.tags.length > 0).toBe(true)
    for (const tag of user.tags as unknown[]) expect(tag).toEqual(expect.any(String))
  }
  if ('metadata' in user) expect(user.metadata !== null && typeof user.metadata === 'object' && !Array.isArray(user.metadata)).toBe(true)
}

/** The documented envelope, whatever the status; never a 5xx. */
function expectEnvelope(answer: Answer): void {
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500)
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
  if (answer.status < 300) {
    const { data } = answer.body
    if (Array.isArray(data)) {
      expect(Object.keys(answer.body)).toEqual(['data', 'meta'])
      const p = answer.body.meta.pagination
      expect(Object.keys(answer.body.meta)).toEqual(['pagination'])
      expect(p.count).toBe(data.length)
      expect(p.per_page).toBeGreaterThanOrEqual(1)
      expect(p.per_page).toBeLessThanOrEqual(1000)
      expect(data.length).toBeLessThanOrEqual(p.per_page)
      expect(p.total_pages).toBe(Math.ceil(p.total / p.per_page))
      for (const user of data) expectUser(user)
    } else {
      expect(Object.keys(answer.body)).toEqual(['data'])
      if ('uid' in data) expectUser(data)
    }
    return
  }
  expect(Object.keys(answer.body)).toEqual(['error'])
  const { code, message, details } = answer.body.error
  expect(errorStatus[code as keyof typeof errorStatus], `unknown code ${code}`).toBe(answer.status)
  expect(message).toEqual(expect.any(String))
  if (details !== undefined && code !== 'ERR_CONFLICT') {
    for (const messages of Object.values(details)) {
      expect(Array.isArray(messages)).toBe(true)
      for (const text of messages as unknown[]) expect(text).toEqual(expect.any(String))
    }
  }
}

// Values a field may be replaced with: valid-looking, edge-case and plain wrong.
const edgeStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'é',
  'Σ',
  '😀',
  'javascript:alert(1)',
  'https://cdn.example/a.png',
  'HTTP://EXAMPLE.ORG',
  'x'.repeat(101),
  'x'.repeat(3001),
  '__proto__',
  '@private',
  'admin',
  'default',
  'ada',
  'ADA',
  '%',
  '_',
  '\\',
)
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  edgeStrings,
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.oneof(edgeStrings, fc.string())),
  fc.object(),
  fc.dictionary(fc.constantFrom('@private', '__proto__', 'a', ''), fc.jsonValue()),
)
const uidLike = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
const validBody = fc.record(
  {
    uid: uidLike,
    name: fc.string({ minLength: 1, maxLength: 30 }),
    avatar: fc.constant('https://cdn.example/a.png'),
    link: fc.webUrl(),
    role: fc.constantFrom('default', 'moderator', 'admin'),
    metadata: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
    statusMessage: fc.string({ maxLength: 40 }),
    tags: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 5 }),
    unset: fc.subarray(['avatar', 'link', 'metadata', 'statusMessage', 'tags']),
    withAuthToken: fc.boolean(),
  },
  { requiredKeys: [] },
)
const fieldNames = ['uid', 'name', 'avatar', 'link', 'role', 'metadata', 'statusMessage', 'tags', 'unset', 'withAuthToken', 'status', 'deactivatedAt']
/** A valid body with some of its fields replaced by anything. */
const mutatedBody = fc
  .tuple(validBody, fc.dictionary(fc.constantFrom(...fieldNames), anyValue, { maxKeys: 3 }))
  .map(([body, replacements]) => ({ ...body, ...replacements }))
const randomBody = fc.oneof(
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.object() },
  { weight: 4, arbitrary: mutatedBody },
)

// Every parameter the server reads, plus the SDK's spelling of perPage.
const queryKeys = [...Object.keys(usersQuerySchema.entries), 'per_page']
const queryValue = fc.oneof(
  fc.constantFrom('1', '0', 'true', 'false', 'yes', '', '-1', '1000', '1001', '999999999', '1e3', '2.5', ' 1'),
  fc.constantFrom('available', 'online', 'offline', 'name', 'status', 'uid', 'asc', 'desc', 'uid,name', 'default,admin', 'ada,eve,zed'),
  edgeStrings,
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.nat().map(String),
)
const queryString = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...queryKeys), fc.string({ maxLength: 8 })), queryValue), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs.filter(([, v]) => !v.includes('\ud800'))).toString()) },
  // Raw garbage, left to the URL parser.
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((text) => text.replaceAll('#', '')) },
)

describeContract('properties of the wire', (env) => {
  /** ada (private metadata), eve, root (admin), zed (deactivated); ada has blocked eve. */
  const seed = async (): Promise<{ ada: Credential; root: Credential; tokens: string[] }> => {
    await env().createUser({ uid: 'ada', name: 'Ada', metadata: { team: 'x', '@private': { email: 'ada@example.org' } } })
    await env().createUser({ uid: 'eve', name: 'Eve', metadata: { '@private': { email: 'eve@example.org' } } })
    await env().createUser({ uid: 'root', name: 'Root', role: 'admin' })
    await env().createUser({ uid: 'zed', name: 'Zed' })
    await env().client(full).deactivateUser('zed')
    const ada = await env().tokenFor('ada')
    const root = await env().tokenFor('root')
    await env().client({ authToken: ada }).blockUsers(['eve'])
    return { ada: { authToken: ada }, root: { authToken: root }, tokens: [ada, root] }
  }
  const runs = (e: ContractEnv): number => (e.sql ? 25 : 150)

  /**
   * Sends random bodies. A 4xx must leave the store as it was; a 2xx answers the user as a later
   * read by the same credential (`readPath`) sees it, ETag included.
   */
  const writeProperty = async (method: string, path: string, as: Credential, tokens: string[], readPath: (uid: string) => string) => {
    await fc.assert(
      fc.asyncProperty(randomBody, async (body) => {
        const before = await storeState(env().store, tokens)
        const answer = await env().call(method, path, { as, ...(body === undefined ? {} : { body }) })
        expectEnvelope(answer)
        if (answer.status >= 400) {
          expect(await storeState(env().store, tokens)).toEqual(before)
          return
        }
        const { authToken: _token, ...written } = answer.body.data
        const read = await env().call('GET', readPath(written.uid), { as })
        expect(read.body.data).toEqual(written)
        expect(answer.headers.get('etag')).toBe(read.headers.get('etag'))
      }),
      { numRuns: runs(env()) },
    )
  }

  it('POST /v3/users with random bodies: never a 5xx, always the envelope, a refusal changes nothing, a success is what is stored', async () => {
    const { tokens } = await seed()
    await writeProperty('POST', '/v3/users', full, tokens, (uid) => `/v3/users/${uid}`)
  })

  it('POST /v3.0/users as a manager with random bodies: never a 5xx, always the envelope, a refusal changes nothing, a success is what is stored', async () => {
    const { root, tokens } = await seed()
    await writeProperty('POST', '/v3.0/users', root, tokens, (uid) => `/v3.0/users/${uid}`)
  })

  it('PUT /v3/users/{uid} with random bodies: never a 5xx, always the envelope, a refusal changes nothing, a success is what is stored', async () => {
    const { tokens } = await seed()
    await writeProperty('PUT', '/v3/users/eve', full, tokens, () => '/v3/users/eve')
  })

  it('PUT /v3.0/me with random bodies: never a 5xx, always the envelope, a refusal changes nothing, a success is what is stored', async () => {
    const { ada, tokens } = await seed()
    await writeProperty('PUT', '/v3.0/me', ada, tokens, () => '/v3.0/me')
  })

  it('GET /users on both surfaces with random query strings: never a 5xx, always the envelope, no private data leaks', async () => {
    const { ada, root } = await seed()
    const viewers: [string, Credential][] = [
      ['/v3/users', full],
      ['/v3.0/users', ada],
      ['/v3.0/users', root],
      ['/v3.0/blockedusers', ada],
    ]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...viewers), queryString, async ([path, as], query) => {
        const answer = await env().call('GET', `${path}?${query}`, { as })
        expectEnvelope(answer)
        expect([200, 400]).toContain(answer.status)
        if (answer.status === 400) {
          // The details name parameters of this query (per_page is the SDK's spelling of perPage).
          const sent = [...new URL(`http://x/?${query}`).searchParams.keys()].map((key) => (key === 'per_page' ? 'perPage' : key))
          for (const key of Object.keys(answer.body.error.details ?? {})) expect(sent, `details name ${key}`).toContain(key)
          return
        }
        if (as === ada) {
          const text = JSON.stringify(answer.body.data)
          // eve's private metadata is hers; a deactivated user is nobody to a plain user.
          expect(text).not.toContain('eve@example.org')
          expect(answer.body.data.map((user: { uid: string }) => user.uid)).not.toContain('zed')
        }
      }),
      { numRuns: runs(env()) * 2 },
    )
  })
})
