import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import startPostgres from '../setup/postgres.js'
import { crashPostgres } from './crashPostgres.js'
import { start, stop, type Running } from './serverProcess.js'

// kill -9 in the middle of a stream of writes, on each store the program can serve from (PostgreSQL
// killed with it): after a restart every write the server acknowledged is there, whole, and no write
// is there in half.
const KEY = 'crash-test-key'

interface Backend {
  name: string
  open(): Promise<{
    /** The environment that points the program at this store; the data directory keeps the keys. */
    env: Record<string, string>
    /** Kills the database too, when it runs apart from the program, and brings it back. */
    crash(): Promise<void>
    close(): Promise<void>
  }>
}

const pglite: Backend = {
  name: 'PGlite',
  open: async () => ({ env: {}, crash: async () => {}, close: async () => {} }),
}

// The e2e project has no global setup: this file starts its own throwaway cluster with the unit
// project's setup function, handing it the one thing it asks of Vitest.
const postgres: Backend = {
  name: 'PostgreSQL',
  async open() {
    let adminUrl = ''
    const project = { provide: (_key: string, value: string) => void (adminUrl = value) } as unknown as TestProject
    const stopCluster = await startPostgres(project)
    // The shared cluster runs with synchronous_commit off for speed, which by design may lose the last
    // commits in a crash of the database; production keeps it on, and so does this database.
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query('ALTER DATABASE postgres SET synchronous_commit = on')
    await admin.end()
    return { env: { USERKIT_DATABASE_URL: adminUrl }, crash: () => crashPostgres(adminUrl), close: stopCluster }
  },
}

const userNumber = (index: number) => ({
  uid: `user-${index}`,
  name: `User ${index}`,
  tags: [`t${index}`, 'crash'],
  metadata: { index, twice: index * 2 },
})

async function send(server: Running, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { apikey: KEY, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
}

describe.for([pglite, postgres])('$name', (backend) => {
  let dataDir: string
  let store: Awaited<ReturnType<Backend['open']>>
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'userkit-crash-'))
    store = await backend.open()
  })
  afterAll(async () => {
    await store?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('keeps every acknowledged write, whole, across a kill -9', { timeout: 120_000 }, async () => {
    const first = await start(dataDir, { USERKIT_API_KEY: KEY, ...store.env })
    expect(first.output).toContain(`users in ${backend.name} at`)
    const created: number[] = []
    const updated = new Map<number, string>()
    let killed = false
    // Four writers: each creates a user, then updates two of its fields in one request.
    const writer = async (lane: number): Promise<void> => {
      for (let index = lane; !killed; index += 4) {
        try {
          if ((await send(first, 'POST', '/v3/users', userNumber(index))).status === 200) created.push(index)
          else continue
          const statusMessage = `updated ${index}`
          const answer = await send(first, 'PUT', `/v3/users/user-${index}`, { statusMessage, tags: [`t${index}`, 'crash', 'updated'] })
          if (answer.status === 200) updated.set(index, statusMessage)
        } catch {
          return // the connection died with the process
        }
      }
    }
    const writers = [0, 1, 2, 3].map(writer)
    while (created.length < 200) await new Promise((resolve) => setTimeout(resolve, 10))
    killed = true
    expect(await stop(first, 'SIGKILL')).toBe(null)
    await Promise.all(writers)
    await store.crash()

    const second = await start(dataDir, { USERKIT_API_KEY: KEY, ...store.env })
    try {
      const all: { uid: string; name: string; tags: string[]; metadata: unknown; statusMessage?: string }[] = []
      for (let page = 1; ; page++) {
        const answer = await (await send(second, 'GET', `/v3/users?perPage=1000&page=${page}`)).json()
        all.push(...answer.data)
        if (page >= answer.meta.pagination.total_pages) break
      }
      const stored = new Map(all.map((user) => [Number(user.uid.slice('user-'.length)), user]))
      for (const index of created) expect(stored.has(index), `user-${index} was acknowledged`).toBe(true)
      for (const [index, statusMessage] of updated) expect(stored.get(index)?.statusMessage).toBe(statusMessage)
      // Whole or absent: a user is as created, or as created and then updated in full.
      for (const [index, user] of stored) {
        const { name, metadata } = userNumber(index)
        expect({ name: user.name, metadata: user.metadata }).toEqual({ name, metadata })
        if (user.statusMessage === undefined) expect(user.tags).toEqual([`t${index}`, 'crash'])
        else expect([user.statusMessage, user.tags]).toEqual([`updated ${index}`, [`t${index}`, 'crash', 'updated']])
      }
      expect(created.length).toBeGreaterThanOrEqual(200)
    } finally {
      await stop(second)
    }
  })
})
