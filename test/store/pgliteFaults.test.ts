import { PGlite } from '@electric-sql/pglite'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUserHandler, pgliteStore, type PgliteLike, type UserStore } from '../../src/server/index.js'
import { StoreUnavailableError } from '../../src/server/store/storeUnavailable.js'
import { callHandler, full, FULL_KEY, roles, type Answer } from '../contract/harness.js'

// What an operator meets when the embedded database fails under a running server: its data
// directory removed or not openable, the instance closed under the store, its WebAssembly trapped.
// Each is a 503 the client may retry, with the cause for the operator and nothing of it in the body.
let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'userkit-pglite-faults-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

function handlerOver(store: UserStore, errors: unknown[]): (request: Request) => Promise<Response> {
  return createUserHandler({ store, keys: [{ key: FULL_KEY, scope: 'fullAccess' }], roles, onError: (error) => void errors.push(error) })
}

function expectUnavailable(answer: Answer): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(503)
  expect(answer.headers.get('retry-after')).toBe('1')
  expect(answer.body).toEqual({ error: { code: 'ERR_SERVICE_UNAVAILABLE', message: expect.any(String) } })
  expect(JSON.stringify(answer.body)).not.toMatch(/could not|No such file|PGlite|Aborted|RuntimeError|\bat \w|SELECT|UPDATE|INSERT|base\//)
}

const writes = [
  ['POST', '/v3/users', { uid: 'bob', name: 'Bob' }],
  ['PUT', '/v3/users/ada', { name: 'Ada Lovelace' }],
  ['POST', '/v3/users/ada/auth_tokens', {}],
] as const

it('answers 503 for every write once its data directory is removed', { timeout: 60_000 }, async () => {
  const dataDir = join(root, 'removed')
  const store = pgliteStore({ dataDir })
  const errors: unknown[] = []
  const handler = handlerOver(store, errors)
  try {
    expect((await callHandler(handler, 'POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'Ada' } })).status).toBe(200)
    await rm(dataDir, { recursive: true, force: true })
    for (const [method, path, body] of writes) expectUnavailable(await callHandler(handler, method, path, { as: full, body }))
    expect(errors.length).toBeGreaterThanOrEqual(writes.length)
    for (const error of errors) {
      expect(error).toBeInstanceOf(StoreUnavailableError)
      // The operator hears why: the directory is missing, or a file in it (undefined_file).
      expect(['ENOENT', '58P01']).toContain(((error as Error).cause as { code?: string }).code)
    }
  } finally {
    await store.close()
  }
})

it('answers 503 while its data directory cannot be opened, and serves once it can, with no restart', { timeout: 60_000 }, async () => {
  // A file where the directory should be: the same answer as a directory the server may not write.
  const blocker = join(root, 'blocked')
  await writeFile(blocker, 'not a directory')
  const store = pgliteStore({ dataDir: join(blocker, 'db') })
  const errors: unknown[] = []
  const handler = handlerOver(store, errors)
  try {
    expectUnavailable(await callHandler(handler, 'GET', '/v3/users/ada', { as: full }))
    expectUnavailable(await callHandler(handler, 'POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'Ada' } }))
    expect(errors.every((error) => error instanceof StoreUnavailableError)).toBe(true)

    await rm(blocker)
    expect((await callHandler(handler, 'POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'Ada' } })).status).toBe(200)
    expect((await callHandler(handler, 'GET', '/v3/users/ada', { as: full })).body.data.name).toBe('Ada')
  } finally {
    await store.close()
  }
})

it('answers 503, not 500, when the PGlite instance it was given is closed under it', { timeout: 60_000 }, async () => {
  const db = await PGlite.create()
  const store = pgliteStore({ db })
  const errors: unknown[] = []
  const handler = handlerOver(store, errors)
  expect((await callHandler(handler, 'POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'Ada' } })).status).toBe(200)
  await db.close()
  expectUnavailable(await callHandler(handler, 'GET', '/v3/users/ada', { as: full }))
  for (const [method, path, body] of writes) expectUnavailable(await callHandler(handler, method, path, { as: full, body }))
  await store.close()
  // A request that arrives after the store itself was closed (a server shutting down) is refused alike.
  expectUnavailable(await callHandler(handler, 'GET', '/v3/users/ada', { as: full }))
})

it('answers 503 from a WebAssembly trap on, until a restart, and changes nothing', { timeout: 60_000 }, async () => {
  const db = await PGlite.create()
  let trapNext = false
  // PGlite itself, with a real abort of its WebAssembly set off inside the store's next query.
  const trapping: PgliteLike = {
    query: async (sql, params) => {
      if (trapNext) (db.Module as unknown as { _abort(): never })._abort()
      return db.query(sql, params)
    },
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
  }
  const store = pgliteStore({ db: trapping })
  const errors: unknown[] = []
  const handler = handlerOver(store, errors)
  try {
    expect((await callHandler(handler, 'POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'Ada' } })).status).toBe(200)
    trapNext = true
    expectUnavailable(await callHandler(handler, 'GET', '/v3/users/ada', { as: full }))
    expect((errors[0] as Error).cause).toBeInstanceOf(WebAssembly.RuntimeError)
    trapNext = false
    // The instance is not trusted again, though it would answer.
    expectUnavailable(await callHandler(handler, 'GET', '/v3/users/ada', { as: full }))
    for (const [method, path, body] of writes) expectUnavailable(await callHandler(handler, method, path, { as: full, body }))
    expect(await db.query('SELECT uid, name FROM userkit_users')).toMatchObject({ rows: [{ uid: 'ada', name: 'Ada' }] })
  } finally {
    await store.close()
    await db.close()
  }
})
