import { resolve } from 'node:path'
import { createUserClient } from 'userkit/client'
import { createUserHandler, pgliteStore, serve, type ApiKey } from 'userkit/server'
import { demoDelete } from './demoDelete.js'
import { demoSession } from './demoSession.js'
import { loadDemoKeys } from './demoKeys.js'
import { privateDataDir } from './privateDataDir.js'
import { repointSeededPictures, seedIfEmpty } from './seedUsers.js'
import { staticFiles } from './staticFiles.js'

export interface StartDemoOptions {
  /** Where PGlite and the keys live, shared with `userkit-server`'s layout. */
  dataDir: string
  /** The built app (demo/dist). */
  staticDir: string
  /** 0 picks a free port. */
  port: number
  hostname: string
  env: Record<string, string | undefined>
}

export interface RunningDemo {
  url: string
  /** Users seeded on this start (0 when the data directory already had users). */
  seeded: number
  /** Keys made on this start (kept in the data directory), for the backend developer to see once. */
  generated: ApiKey[]
  dataDir: string
  close(): Promise<void>
}

/**
 * One origin for everything: the Userkit handler on /v3 and /v3.0 (as an app's backend would mount
 * it), the demo's sign-in on /demo/session, and the built app for every other path.
 */
export async function startDemo(options: StartDemoOptions): Promise<RunningDemo> {
  const dataDir = resolve(options.dataDir)
  if (await privateDataDir(dataDir)) console.warn(`Made ${dataDir} owner-only (0700): it was readable by other users.`)
  const { keys, generated } = await loadDemoKeys(dataDir, options.env)
  const store = pgliteStore({ dataDir: resolve(dataDir, 'db') })
  const handler = createUserHandler({
    store,
    keys,
    roles: { admin: { manageUsers: true }, moderator: {}, default: {} },
  })
  const fullAccess = keys.find((key) => key.scope === 'fullAccess')?.key as string
  // In-process: the key goes from this server to its own handler and never over the wire.
  const admin = createUserClient({ baseUrl: 'http://demo.internal', apiKey: fullAccess, fetch: handler })
  const session = demoSession(admin)
  const erase = demoDelete(admin, handler)
  const files = staticFiles(resolve(options.staticDir))
  const app = (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url)
    if (pathname === '/v3' || pathname.startsWith('/v3/') || pathname === '/v3.0' || pathname.startsWith('/v3.0/')) return handler(request)
    if (pathname === '/demo/session') return session(request)
    if (pathname.startsWith('/demo/users/')) return erase(request)
    return files(request)
  }
  const server = await serve({ handler: app, port: options.port, hostname: options.hostname })
  // The same handler in-process, under the origin browsers use: the URLs of uploaded pictures name it.
  const local = createUserClient({ baseUrl: server.url, apiKey: fullAccess, fetch: handler })
  let seeded: number
  try {
    seeded = await seedIfEmpty(local)
    await repointSeededPictures(local, server.url)
  } catch (error) {
    await server.close()
    await store.close()
    throw error
  }
  return {
    url: server.url,
    seeded,
    generated,
    dataDir,
    async close() {
      await server.close()
      await store.close()
    },
  }
}
