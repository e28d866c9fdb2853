import { createHash } from 'node:crypto'
import { expect } from 'vitest'
import type { StoredUser, TokenRecord, UserStore } from '../../src/server/index.js'
import { AUTH_KEY, FULL_KEY, full, type Answer, type ContractEnv } from './harness.js'

/** SHA-256 hex, computed here independently of the server's own helper. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Everything a store holds that a request could change, read straight from the store. */
export interface StoreState {
  users: StoredUser[]
  /** blocker → the uids they block. */
  blocks: Record<string, string[]>
  /** Each watched token → its record (null once revoked). */
  tokens: Record<string, TokenRecord | null>
}

/**
 * A snapshot of the store: every user (deactivated included), every block between them, and the
 * records of the tokens named in `tokens` (a store cannot list tokens, so the test names them).
 */
export async function storeState(store: UserStore, tokens: readonly string[] = []): Promise<StoreState> {
  const { users } = await store.listUsers({
    limit: 100_000,
    offset: 0,
    deactivated: 'include',
    sortBy: 'name',
    sortOrder: 'asc',
  })
  users.sort((a, b) => (a.uid < b.uid ? -1 : 1))
  const uids = users.map((user) => user.uid)
  const blocks: Record<string, string[]> = {}
  for (const uid of uids) {
    const { blockedByMe } = await store.blockRelations(uid, uids)
    if (blockedByMe.size > 0) blocks[uid] = [...blockedByMe].sort()
  }
  const records: Record<string, TokenRecord | null> = {}
  for (const token of tokens) records[token] = await store.findToken(sha256Hex(token))
  return { users, blocks, tokens: records }
}

/** Asserts the failure envelope, exactly: `{error: {code, message, details?}}` with this status. */
export function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status)
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
  expect(Object.keys(answer.body)).toEqual(['error'])
  expect(answer.body.error.code).toBe(code)
  expect(typeof answer.body.error.message).toBe('string')
  expect(answer.body.error.message.length).toBeGreaterThan(0)
  for (const key of Object.keys(answer.body.error)) expect(['code', 'message', 'details', 'rules']).toContain(key)
}

/** Asserts a 400 `ERR_BAD_REQUEST` whose details name `field` (and possibly others). */
export function expectBadField(answer: Answer, field: string): void {
  expectError(answer, 400, 'ERR_BAD_REQUEST')
  expect(Object.keys(answer.body.error.details ?? {}), JSON.stringify(answer.body)).toContain(field)
  expect(answer.body.error.details[field].length).toBeGreaterThan(0)
}

/** Asserts `{data: …}` (lists: `{data: […], meta: {pagination}}`) with a 2xx status and returns `data`. */
export function expectData(answer: Answer): any {
  expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(200)
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300)
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
  if (Array.isArray(answer.body.data)) {
    expect(Object.keys(answer.body)).toEqual(['data', 'meta'])
    expect(Object.keys(answer.body.meta)).toEqual(['pagination'])
  } else {
    expect(Object.keys(answer.body)).toEqual(['data'])
  }
  return answer.body.data
}

/**
 * Users `ada` (default), `root` (admin), `eve` (default), `bob` (default, someone to block) and
 * `zed` (deactivated), with a token each for ada, root and eve; ada has blocked root.
 */
export interface AccessFixture {
  ada: string
  root: string
  eve: string
  tokens: string[]
}

export async function accessFixture(env: ContractEnv): Promise<AccessFixture> {
  await env.createUser({ uid: 'ada', name: 'Ada' })
  await env.createUser({ uid: 'root', name: 'Root', role: 'admin' })
  await env.createUser({ uid: 'eve', name: 'Eve' })
  await env.createUser({ uid: 'bob', name: 'Bob' })
  await env.createUser({ uid: 'zed', name: 'Zed' })
  await env.client(full).deactivateUser('zed')
  const fixture = { ada: await env.tokenFor('ada'), root: await env.tokenFor('root'), eve: await env.tokenFor('eve') }
  await env.client({ authToken: fixture.ada }).blockUsers(['root'])
  // Anything a request writes from now on carries a later time than the fixture.
  env.advance(60)
  return { ...fixture, tokens: [fixture.ada, fixture.root, fixture.eve] }
}

/** The env's keys, for handlers a test builds over the env's store. */
export const envKeys = [
  { key: FULL_KEY, scope: 'fullAccess' as const },
  { key: AUTH_KEY, scope: 'authOnly' as const },
]
