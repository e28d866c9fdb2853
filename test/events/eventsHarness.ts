import { createUserClient, type UserClient } from '../../src/client/index.js'
import { readUserEvents, type UserEventMessage } from '../../src/client/readUserEvents.js'
import type { UserHandlerOptions, UserStore } from '../../src/server/index.js'
import { BASE, START } from '../support/keys.js'
import { createTestBackend } from '../support/testBackend.js'

export { AUTH_KEY, BASE, FULL_KEY, START } from '../support/keys.js'

/** A client logged in as `uid` (a token from `admin`, then `PUT /me`: online), over `fetch`. */
export async function loggedInClient(admin: UserClient, uid: string, fetch: (request: Request) => Promise<Response>): Promise<UserClient> {
  const { authToken } = await admin.createAuthToken(uid)
  const client = createUserClient({ baseUrl: BASE, authToken, fetch })
  await client.login()
  return client
}

export interface EventsEnv {
  handler: (request: Request) => Promise<Response>
  admin: UserClient
  /** The app's client for `uid`: a fresh token, logged in (`PUT /me`). */
  loginAs(uid: string): Promise<UserClient>
  advance(seconds: number): void
  stream(as: { authToken?: string; apiKey?: string }, lastEventId?: string): Probe
}

/** Reads one stream message by message. */
export interface Probe {
  /** The next message, ready and reset included; `undefined` once the server closed the stream. */
  next(): Promise<UserEventMessage | undefined>
  /** The next user event (skips ready). */
  event(): Promise<UserEventMessage & { uid: string }>
  /** The id of the last message that carried one. */
  readonly lastId: string | undefined
  close(): Promise<void>
}

export function eventsEnv(store: UserStore, options: Partial<UserHandlerOptions> = {}): EventsEnv {
  let clock = START
  const { handler, admin } = createTestBackend({
    store,
    now: () => clock,
    onError: (error) => {
      throw error
    },
    ...options,
  })
  return {
    handler,
    admin,
    loginAs: (uid) => loggedInClient(admin, uid, handler),
    advance(seconds) {
      clock += seconds
    },
    stream: (as, lastEventId) => probe(handler, as, lastEventId),
  }
}

export function probe(handler: (request: Request) => Promise<Response>, as: { authToken?: string; apiKey?: string }, lastEventId?: string): Probe {
  const abort = new AbortController()
  const iterator = readUserEvents({ baseUrl: BASE, fetch: handler, ...as, ...(lastEventId ? { lastEventId } : {}), signal: abort.signal })
  let lastId: string | undefined
  const next = async (): Promise<UserEventMessage | undefined> => {
    const { done, value } = await iterator.next()
    if (done) return undefined
    if (value.id !== undefined) lastId = value.id
    return value
  }
  return {
    next,
    async event() {
      for (;;) {
        const message = await next()
        if (!message) throw new Error('The stream ended')
        if (message.type !== 'ready') return message as UserEventMessage & { uid: string }
      }
    },
    get lastId() {
      return lastId
    },
    async close() {
      abort.abort()
      await iterator.return(undefined)
    },
  }
}
