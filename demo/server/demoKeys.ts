import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ApiKey } from 'userkit/server'

/**
 * The server's keys, as the `userkit-server` bin keeps them (`keys.json` in the data directory, the
 * same format), so the demo and the bin can take turns on one data directory. They stay on the
 * server: the browser only ever gets auth tokens. `generated`: made on this start, to be shown once.
 */
export async function loadDemoKeys(dataDir: string, env: Record<string, string | undefined>): Promise<{ keys: ApiKey[]; generated: ApiKey[] }> {
  const path = join(dataDir, 'keys.json')
  let saved: ApiKey[] = []
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'))
    if (Array.isArray(parsed)) saved = (parsed as ApiKey[]).filter((key) => typeof key?.key === 'string')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const generated: ApiKey[] = []
  const pick = (scope: ApiKey['scope'], fromEnv: string | undefined): ApiKey => {
    if (fromEnv) return { key: fromEnv, scope }
    const kept = saved.find((key) => key.scope === scope)
    if (kept) return kept
    const made: ApiKey = { key: `${scope === 'fullAccess' ? 'uk_full' : 'uk_auth'}_${randomBytes(24).toString('base64url')}`, scope }
    saved.push(made)
    generated.push(made)
    return made
  }
  const keys = [pick('fullAccess', env.USERKIT_API_KEY), pick('authOnly', env.USERKIT_AUTH_KEY)]
  if (generated.length > 0) {
    await mkdir(dataDir, { recursive: true })
    await writeFile(path, JSON.stringify(saved, null, 2), { mode: 0o600 })
  }
  return { keys, generated }
}
