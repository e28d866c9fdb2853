import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ApiKey } from '../options.js'

export interface ServerKeys {
  keys: ApiKey[]
  /** Keys made on this start, to be shown once. */
  generated: ApiKey[]
}

const KEYS_FILE = 'keys.json'

/**
 * Keys from `USERKIT_API_KEY` (fullAccess) and `USERKIT_AUTH_KEY` (authOnly); an absent one is
 * generated on first start and kept in the data directory (readable by its owner only), so it stays
 * the same across restarts and is printed only once.
 */
export async function loadServerKeys(dataDir: string, env: Record<string, string | undefined>): Promise<ServerKeys> {
  const path = join(dataDir, KEYS_FILE)
  const saved = await readSaved(path)
  const generated: ApiKey[] = []
  const pick = (scope: ApiKey['scope'], fromEnv: string | undefined): ApiKey => {
    if (fromEnv) return { key: fromEnv, scope }
    const kept = saved.find((key) => key.scope === scope)
    if (kept) return kept
    const made = { key: `${scope === 'fullAccess' ? 'uk_full' : 'uk_auth'}_${randomBytes(24).toString('base64url')}`, scope }
    generated.push(made)
    return made
  }
  const keys = [pick('fullAccess', env.USERKIT_API_KEY), pick('authOnly', env.USERKIT_AUTH_KEY)]
  if (generated.length > 0) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 })
    await writeFile(path, JSON.stringify([...saved.filter((k) => !generated.some((g) => g.scope === k.scope)), ...generated], null, 2), {
      mode: 0o600,
    })
  }
  return { keys, generated }
}

async function readSaved(path: string): Promise<ApiKey[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'))
    return Array.isArray(parsed) ? (parsed as ApiKey[]).filter((k) => typeof k?.key === 'string') : []
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}
