import { createUserHandler, memoryStore, serve, type RunningServer } from '../../src/server/index.js'

export const appId = 'compat-app'
/** A `fullAccess` key: CometChat's REST API key, as `updateUser` needs. */
export const apiKey = 'rest-api-key'
/** An `authOnly` key: CometChat's Auth Key, as `createUser` and `login(uid, authKey)` take. */
export const authKey = 'auth-key'

/** A request as the server received it. */
export interface Received {
  method: string
  /** Path and query, still encoded. */
  target: string
  headers: Headers
  body: unknown
}

export interface TestServer {
  /** `http://127.0.0.1:port`. */
  url: string
  received: Received[]
  /** Ends every event stream served so far, as a dropped connection would: the server sees its reader go. */
  dropStreams(): void
  close(): Promise<void>
}

/**
 * The real handler over a memory store on a loopback port, recording what reaches it: the facade
 * talks to it over real HTTP, as an app would.
 */
export async function startServer(): Promise<TestServer> {
  const handler = createUserHandler({
    store: memoryStore(),
    keys: [
      { key: apiKey, scope: 'fullAccess' },
      { key: authKey, scope: 'authOnly' },
    ],
    roles: { admin: { manageUsers: true }, moderator: {}, default: {} },
    rateLimit: false,
  })
  const received: Received[] = []
  const streams = new Set<TransformStreamDefaultController<Uint8Array>>()
  const running: RunningServer = await serve({
    port: 0,
    handler: async (request) => {
      const url = new URL(request.url)
      const text = await request.clone().text()
      received.push({
        method: request.method,
        target: `${url.pathname}${url.search}`,
        headers: request.headers,
        body: text === '' ? undefined : JSON.parse(text),
      })
      const response = await handler(request)
      if (!url.pathname.endsWith('/events') || !response.body) return response
      let cut: TransformStreamDefaultController<Uint8Array> | undefined
      const body = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          start: (controller) => {
            cut = controller
            streams.add(controller)
          },
          flush: () => void streams.delete(cut!),
        }),
      )
      return new Response(body, { status: response.status, headers: response.headers })
    },
  })
  const dropStreams = (): void => {
    for (const stream of streams) stream.terminate()
    streams.clear()
  }
  return { url: running.url, received, dropStreams, close: () => running.close() }
}

/** `METHOD /path?query` of each request. */
export const lines = (received: readonly Received[]): string[] => received.map(({ method, target }) => `${method} ${target}`)
