import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServer } from '../../src/server/node/startServer.js'
import { createTestDatabase, type TestDatabase } from '../setup/postgresDatabase.js'

// The program's choice of store: PostgreSQL when USERKIT_DATABASE_URL names one, said in the log
// without the password; keys still from the environment or the data directory.
let dataDir: string
let database: TestDatabase
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'userkit-start-'))
  database = await createTestDatabase()
})
afterAll(async () => {
  await database?.drop()
  await rm(dataDir, { recursive: true, force: true })
})

it('serves from the PostgreSQL that USERKIT_DATABASE_URL names, and logs it without the password', async () => {
  const url = new URL(database.url)
  url.username = 'postgres'
  url.password = 'not-shown' // trust authentication ignores it
  const lines: string[] = []
  const server = await startServer({
    dataDir,
    port: 0,
    env: { USERKIT_DATABASE_URL: url.href, USERKIT_API_KEY: 'start-key' },
    log: (line) => lines.push(line),
  })
  try {
    expect(lines.join('\n')).toContain(`users in PostgreSQL at ${url.hostname}:${url.port}${url.pathname}`)
    expect(lines.join('\n')).not.toContain('not-shown')
    expect(lines.join('\n')).toMatch(/Generated a authOnly key/)
    const created = await fetch(`${server.url}/v3/users`, {
      method: 'POST',
      headers: { apikey: 'start-key', 'content-type': 'application/json' },
      body: JSON.stringify({ uid: 'ada', name: 'Ada' }),
    })
    expect(created.status).toBe(200)
  } finally {
    await server.close()
  }
  // The user is in that database, not in a PGlite beside the keys.
  const pg = (await import('pg')).default
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    expect((await client.query('SELECT uid, name FROM userkit_users')).rows).toEqual([{ uid: 'ada', name: 'Ada' }])
  } finally {
    await client.end()
  }
})
