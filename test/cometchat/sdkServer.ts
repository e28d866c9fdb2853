import { createUserHandler, memoryStore, serve, type UserStore } from '../../src/server/index.js'

export const APP_ID = 'userkit-sdk-test'
export const FULL_KEY = 'sdk-full-access-key'
export const AUTH_KEY = 'sdk-auth-only-key'
export const START = 1_800_000_000
export const PRESENCE_TIMEOUT = 60

export interface SdkServer {
  /** `host:port`, what the SDK's host overrides take (it adds `https://` itself). */
  host: string
  store: UserStore
  /** A request straight to the handler, for arranging and inspecting the server beside the SDK. */
  call(method: string, path: string, options?: { apiKey?: string; authToken?: string; body?: unknown }): Promise<any>
  /** Moves the server's clock (unix seconds) forward. */
  advance(seconds: number): void
  close(): Promise<void>
}

export interface SdkServerOptions {
  /** Serve https with this certificate (a browser needs it); plain http otherwise. */
  https?: { key: string; cert: string }
  /** Origins of pages allowed to call it (the browser run). */
  corsOrigin?: string
}

/** Our handler over a memory store on a real socket, with a clock the tests move. */
export async function startSdkServer(options: SdkServerOptions = {}): Promise<SdkServer> {
  let clock = START
  const store = memoryStore()
  const handler = createUserHandler({
    store,
    keys: [
      { key: FULL_KEY, scope: 'fullAccess' },
      { key: AUTH_KEY, scope: 'authOnly' },
    ],
    roles: { admin: { manageUsers: true }, moderator: {}, default: {} },
    now: () => clock,
    presence: { timeoutSeconds: PRESENCE_TIMEOUT },
    rateLimit: false,
    ...(options.corsOrigin ? { cors: { origin: options.corsOrigin } } : {}),
  })
  const running = await serve({ handler, port: 0, ...(options.https ? { https: options.https } : {}) })
  return {
    host: new URL(running.url).host,
    store,
    async call(method, path, { apiKey, authToken, body } = {}) {
      const headers = new Headers({ appid: APP_ID })
      if (apiKey) headers.set('apikey', apiKey)
      if (authToken) headers.set('authtoken', authToken)
      if (body !== undefined) headers.set('content-type', 'application/json')
      const response = await handler(
        new Request(`http://userkit.test${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }),
      )
      return response.json()
    },
    advance(seconds) {
      clock += seconds
    },
    close: () => running.close(),
  }
}
