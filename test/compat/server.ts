import { serve, type RunningServer } from '../../src/server/index.js'
import { recordRequest, type RecordedRequest } from '../support/recordedRequest.js'
import { createTestBackend } from '../support/testBackend.js'

// In CometChat's words: the REST API key (`fullAccess`, as `updateUser` needs) and the Auth Key
// (`authOnly`, as `createUser` and `login(uid, authKey)` take).
export { APP_ID as appId, FULL_KEY as apiKey, AUTH_KEY as authKey } from '../support/keys.js'
export { lines } from '../support/recordedRequest.js'

/** A request as the server received it. */
export type Received = RecordedRequest

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
  const { handler } = createTestBackend({ roles: { admin: { manageUsers: true }, moderator: {}, default: {} }, rateLimit: false })
  const received: Received[] = []
  const streams = new Set<TransformStreamDefaultController<Uint8Array>>()
  const running: RunningServer = await serve({
    port: 0,
    handler: async (request) => {
      const url = new URL(request.url)
      received.push(await recordRequest(request))
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
