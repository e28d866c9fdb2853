import { resolve } from 'node:path'
import { createUserHandler } from '../createUserHandler.js'
import type { RolePermissions } from '../options.js'
import { serve, type RunningServer } from '../serve.js'
import { pgliteStore } from '../store/pgliteStore.js'
import { loadServerKeys } from './serverKeys.js'

export interface StartServerOptions {
  /** @default './.userkit-data' (USERKIT_DATA_DIR) */
  dataDir?: string
  /** @default 3000 (PORT) */
  port?: number
  /** @default '127.0.0.1' (HOST) */
  hostname?: string
  /** @default { admin: { manageUsers: true }, default: {} } */
  roles?: Record<string, RolePermissions>
  env?: Record<string, string | undefined>
  log?: (line: string) => void
}

/** The `userkit-server` program: the handler over PGlite in a data directory that survives restarts. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env
  const log = options.log ?? ((line: string) => console.log(line))
  const dataDir = resolve(options.dataDir ?? env.USERKIT_DATA_DIR ?? '.userkit-data')
  const { keys, generated } = await loadServerKeys(dataDir, env)
  const store = pgliteStore({ dataDir: resolve(dataDir, 'db') })
  const handler = createUserHandler({
    store,
    keys,
    roles: options.roles ?? { admin: { manageUsers: true }, default: {} },
    ...(env.USERKIT_CORS_ORIGIN ? { cors: { origin: env.USERKIT_CORS_ORIGIN.split(',') } } : {}),
  })
  const server = await serve({
    handler,
    port: options.port ?? Number(env.PORT ?? 3000),
    hostname: options.hostname ?? env.HOST ?? '127.0.0.1',
  })
  for (const key of generated) {
    log(`Generated a ${key.scope} key (kept in ${dataDir}; shown only now): ${key.key}`)
  }
  log(`Userkit server on ${server.url} (REST API ${server.url}/v3, client API ${server.url}/v3.0), data in ${dataDir}`)
  return {
    url: server.url,
    async close() {
      await server.close()
      await store.close()
    },
  }
}
