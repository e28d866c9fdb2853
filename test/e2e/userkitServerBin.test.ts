import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { start, stop } from './serverProcess.js'

let dataDir: string
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'userkit-bin-'))
})
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

it('generates keys once, serves the envelope, and keeps users across a restart', async () => {
  const first = await start(dataDir)
  const fullKey = /Generated a fullAccess key .*: (\S+)/.exec(first.output)?.[1]
  expect(first.output).toMatch(/Generated a authOnly key .*: uk_auth_\S+/)
  expect(fullKey).toMatch(/^uk_full_/)

  const created = await fetch(`${first.url}/v3/users`, {
    method: 'POST',
    headers: { apikey: fullKey as string, 'content-type': 'application/json' },
    body: JSON.stringify({ uid: 'Ada', name: 'Ada Lovelace', tags: ['math'] }),
  })
  expect(created.status).toBe(200)
  expect(await created.json()).toMatchObject({ data: { uid: 'ada', name: 'Ada Lovelace', tags: ['math'] } })
  expect(await stop(first)).toBe(0)

  const keysFile = await stat(join(dataDir, 'keys.json'))
  expect(keysFile.mode & 0o077).toBe(0)
  expect(await readFile(join(dataDir, 'keys.json'), 'utf8')).toContain(fullKey)

  const second = await start(dataDir)
  try {
    expect(second.output).not.toContain('Generated')
    const read = await fetch(`${second.url}/v3/users/ada`, { headers: { apikey: fullKey as string } })
    expect(read.status).toBe(200)
    expect(read.headers.get('etag')).toMatch(/^".+"$/)
    expect(await read.json()).toMatchObject({ data: { uid: 'ada', name: 'Ada Lovelace' } })
    const refused = await fetch(`${second.url}/v3/users/ada`, { headers: { apikey: 'wrong' } })
    expect(await refused.json()).toEqual({ error: { code: 'AUTH_ERR_APIKEY_NOT_FOUND', message: expect.any(String) } })
  } finally {
    expect(await stop(second)).toBe(0)
  }
}, 60_000)
