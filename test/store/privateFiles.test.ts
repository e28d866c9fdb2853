import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServer } from '../../src/server/node/startServer.js'
import { pgliteStore } from '../../src/server/store/index.js'
import { aUser } from './cases/fixtures.js'

// Token hashes and private metadata live in these files: no other local user may read them.
let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'userkit-private-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Every entry under `dir` (itself included) whose mode lets group or others in, as `path mode`. */
async function openToOthers(dir: string): Promise<string[]> {
  const loose: string[] = []
  const pending = [dir]
  while (pending.length > 0) {
    const path = pending.pop()!
    const info = await stat(path)
    if ((info.mode & 0o077) !== 0) loose.push(`${path} ${(info.mode & 0o777).toString(8)}`)
    if (info.isDirectory()) for (const name of await readdir(path)) pending.push(join(path, name))
  }
  return loose
}

it('pgliteStore creates its data directory 0700 with owner-only files, and tightens an existing loose one, saying so', async () => {
  const dataDir = join(root, 'fresh', 'db')
  const notices: string[] = []
  const first = pgliteStore({ dataDir, onNotice: (line) => notices.push(line) })
  await first.createUser(aUser('ann'))
  await first.close()
  expect((await stat(dataDir)).mode & 0o777).toBe(0o700)
  expect(await openToOthers(dataDir)).toEqual([])
  expect(notices).toEqual([])

  // As upstream PGlite leaves it: the folder 0755, its files 0666.
  await chmod(dataDir, 0o755)
  await chmod(join(dataDir, 'PG_VERSION'), 0o666)
  await chmod(join(dataDir, 'base'), 0o755)
  const second = pgliteStore({ dataDir, onNotice: (line) => notices.push(line) })
  expect((await second.getUser('ann'))?.uid).toBe('ann')
  await second.close()
  expect(await openToOthers(dataDir)).toEqual([])
  expect(notices).toHaveLength(1)
  expect(notices[0]).toContain(dataDir)
  expect(notices[0]).toMatch(/owner-only/)
  // Two PGlite starts in a row: on a loaded machine each can take several seconds.
}, 60_000)

it('userkit-server makes its data directory and keys owner-only at start, and logs when it had to', async () => {
  const dataDir = join(root, 'server')
  await mkdir(dataDir, { mode: 0o755 })
  await chmod(dataDir, 0o755)
  await writeFile(join(dataDir, 'notes.txt'), 'left by someone', { mode: 0o644 })
  const lines: string[] = []
  const server = await startServer({ dataDir, port: 0, env: {}, log: (line) => lines.push(line) })
  await server.close()
  expect(await openToOthers(dataDir)).toEqual([])
  expect((await stat(join(dataDir, 'keys.json'))).mode & 0o777).toBe(0o600)
  expect(lines.filter((line) => line.includes('owner-only'))).toEqual([expect.stringContaining(dataDir)])

  const again: string[] = []
  const restarted = await startServer({ dataDir, port: 0, env: {}, log: (line) => again.push(line) })
  await restarted.close()
  expect(again.filter((line) => line.includes('owner-only'))).toEqual([])
})
