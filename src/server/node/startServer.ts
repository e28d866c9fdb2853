import { resolve } from 'node:path'
import { createUserHandler } from '../createUserHandler.js'
import type { RolePermissions } from '../options.js'
import { serve, type RunningServer } from '../serve.js'
import { pgliteStore } from '../store/pgliteStore.js'
import { postgresStore } from '../store/postgresStore.js'
import { postgresEventBus } from '../events/postgresEventBus.js'
import type { UserStore } from '../store/types.js'
import { makePrivateDirectory } from '../store/privateDirectory.js'
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

/**
 * The `userkit-server` program: the handler over PGlite in a data directory that survives restarts,
 * or over a real PostgreSQL when `USERKIT_DATABASE_URL` names one (the data directory then keeps only
 * the generated keys).
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env
  const log = options.log ?? ((line: string) => console.log(line))
  const dataDir = resolve(options.dataDir ?? env.USERKIT_DATA_DIR ?? '.userkit-data')
  // Keys and the database: the owner's alone, said once at start rather than at the first request.
  const tightened = await makePrivateDirectory(dataDir)
  if (tightened > 0) log(`Made ${dataDir} owner-only (0700/0600): ${tightened} entries were readable by other users.`)
  const { keys, generated } = await loadServerKeys(dataDir, env)
  const { store, where } = openStore(dataDir, env.USERKIT_DATABASE_URL, log)
  // Over PostgreSQL, several servers may share the database: events cross between them by NOTIFY.
  const bus = env.USERKIT_DATABASE_URL ? postgresEventBus({ connectionString: env.USERKIT_DATABASE_URL }) : undefined
  const handler = createUserHandler({
    store,
    keys,
    ...(bus ? { events: { bus } } : {}),
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
  log(`Userkit server on ${server.url} (REST API ${server.url}/v3, client API ${server.url}/v3.0), keys in ${dataDir}, users in ${where}`)
  return {
    url: server.url,
    async close() {
      await server.close()
      await bus?.close()
      await store.close()
    },
  }
}

function openStore(dataDir: string, databaseUrl: string | undefined, log: (line: string) => void): { store: UserStore; where: string } {
  if (!databaseUrl) {
    const dir = resolve(dataDir, 'db')
    return { store: pgliteStore({ dataDir: dir, onNotice: log }), where: `PGlite at ${dir}` }
  }
  return { store: postgresStore({ connectionString: databaseUrl }), where: `PostgreSQL at ${withoutSecrets(databaseUrl)}` }
}

// The log names the database, never its password (nor any other parameter of the URL).
function withoutSecrets(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl)
    return `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`
  } catch {
    return 'USERKIT_DATABASE_URL'
  }
}
