import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'

// The built `userkit-server` program, as the README runs it: a real process, real HTTP, PGlite on disk.
const bin = join(import.meta.dirname, '../../dist/bin/userkit-server.js')

interface Running {
  child: ChildProcess
  url: string
  output: string
}

function start(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, [bin], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', USERKIT_DATA_DIR: dataDir, USERKIT_API_KEY: '', USERKIT_AUTH_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const url = /Userkit server on (http:\/\/\S+?) /.exec(output)?.[1]
      if (url) resolve({ child, url, output })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`userkit-server exited with ${code}:\n${output}`)))
  })
}

function stop({ child }: Running): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.once('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

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
