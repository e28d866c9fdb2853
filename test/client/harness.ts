import { createUserClient, type UserClient, type UserClientOptions } from '../../src/client/index.js'
import { createUserHandler, memoryStore } from '../../src/server/index.js'

/** A request as the server received it. */
export interface Sent {
  method: string
  /** Path and query as sent (still encoded), e.g. `/v3/users?uids=a,b`. */
  target: string
  headers: Headers
  /** The JSON body, parsed; undefined when there was none. */
  body: unknown
  signal: AbortSignal
}

export interface Harness {
  handler: (request: Request) => Promise<Response>
  /** Every request the clients sent, in order. */
  sent: Sent[]
  /** The handler behind a recorder: what clients get as `fetch`. */
  fetch: (request: Request) => Promise<Response>
  /** A client holding the fullAccess key. */
  admin: UserClient
  /** A client over the same handler with other options (no key unless given). */
  clientWith(options?: Partial<UserClientOptions>): UserClient
  /** Creates users `ada`, `bob`, … with names, through the admin client, then forgets their requests. */
  seed(...uids: string[]): Promise<void>
  /** A client logged in as `uid` (an auth token issued by the admin key). */
  loginAs(uid: string, options?: Partial<UserClientOptions>): Promise<UserClient>
}

export const baseUrl = 'http://userkit.test'

/** The real handler over a fresh memory store, behind a recorder that counts requests. */
export function createHarness(): Harness {
  const handler = createUserHandler({
    store: memoryStore(),
    keys: [
      { key: 'full-key', scope: 'fullAccess' },
      { key: 'auth-key', scope: 'authOnly' },
    ],
    roles: { admin: { manageUsers: true }, default: {} },
  })
  const sent: Sent[] = []
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    const text = await request.clone().text()
    sent.push({
      method: request.method,
      target: `${url.pathname}${url.search}`,
      headers: request.headers,
      body: text === '' ? undefined : JSON.parse(text),
      signal: request.signal,
    })
    return handler(request)
  }
  const clientWith = (options: Partial<UserClientOptions> = {}): UserClient => createUserClient({ baseUrl, fetch, ...options })
  const admin = clientWith({ apiKey: 'full-key' })
  return {
    handler,
    sent,
    fetch,
    admin,
    clientWith,
    async seed(...uids) {
      for (const uid of uids) await admin.createUser({ uid, name: `${uid[0]!.toUpperCase()}${uid.slice(1)}` })
      sent.length = 0
    },
    async loginAs(uid, options = {}) {
      const { authToken } = await admin.createAuthToken(uid)
      sent.length = 0
      return clientWith({ authToken, ...options })
    },
  }
}

/** `METHOD /path?query` of each request sent. */
export const lines = (sent: readonly Sent[]): string[] => sent.map(({ method, target }) => `${method} ${target}`)
