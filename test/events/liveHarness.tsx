import { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createUserClient, type UserClient } from '../../src/client/index.js'
import { createCurrentUserStore, UserkitProvider, type CurrentUserStore } from '../../src/react/index.js'
import { memoryEventBus, memoryStore, type EventBus, type UserHandlerOptions, type UserStore } from '../../src/server/index.js'
import { BASE } from '../support/keys.js'
import { recordRequest, type RecordedRequest } from '../support/recordedRequest.js'
import { createTestBackend } from '../support/testBackend.js'
import { loggedInClient } from './eventsHarness.js'

export { BASE, FULL_KEY } from '../support/keys.js'

export interface Sent extends RecordedRequest {
  /** The handler has answered (for a stream: it is subscribed). */
  answered: boolean
}

export interface LiveHarness {
  /** What the app sent, through instance A. */
  sent: Sent[]
  /** A fullAccess client through instance B: changes made elsewhere. */
  elsewhere: UserClient
  /** A user's own client through instance B. */
  loginElsewhere(uid: string): Promise<UserClient>
  /** Breaks the app's open event streams, as a dropped connection would. */
  cutStreams(): void
  advance(seconds: number): void
  queryClient: QueryClient
  store: CurrentUserStore
  wrapper: (props: { children: ReactNode }) => ReactNode
  loginAs(uid: string): Promise<void>
  seed(...users: Array<{ uid: string; name: string }>): Promise<void>
}

/** A database and the bus an instance hears other instances through. */
export interface Backend {
  store: UserStore
  bus: EventBus
}

const sharedMemory = (): Backend => ({ store: memoryStore(), bus: memoryEventBus() })

/**
 * Two handler instances over one database (as two processes on one PostgreSQL): the app talks to A,
 * the rest of the world to B. By default both share one memory store and one in-process bus.
 */
export function createLiveHarness(
  options: Partial<UserHandlerOptions> = {},
  a: Backend = sharedMemory(),
  b: Backend = a,
): LiveHarness {
  let clock = Math.floor(Date.now() / 1000)
  const instance = ({ store, bus }: Backend) => createTestBackend({ store, now: () => clock, ...options, events: { bus, ...options.events } })
  const appSide = instance(a).handler
  const { handler: otherSide, admin: elsewhere } = instance(b)
  const sent: Sent[] = []
  const cuts = new Set<AbortController>()
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    const entry: Sent = { ...(await recordRequest(request)), answered: false }
    sent.push(entry)
    const response = await appSide(request)
    entry.answered = true
    if (!url.pathname.endsWith('/events') || !response.body) return response
    const cut = new AbortController()
    cuts.add(cut)
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>()
    response.body.pipeTo(writable, { signal: cut.signal }).catch(() => {})
    return new Response(readable, { status: response.status, headers: response.headers })
  }
  const client = createUserClient({ baseUrl: BASE, fetch })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const currentUser = createCurrentUserStore()
  return {
    sent,
    elsewhere,
    loginElsewhere: (uid) => loggedInClient(elsewhere, uid, otherSide),
    cutStreams() {
      for (const cut of cuts) cut.abort()
      cuts.clear()
    },
    advance(seconds) {
      clock += seconds
    },
    queryClient,
    store: currentUser,
    wrapper: ({ children }) => (
      <UserkitProvider client={client} queryClient={queryClient} store={currentUser} events>
        {children}
      </UserkitProvider>
    ),
    async loginAs(uid) {
      const { authToken } = await elsewhere.createAuthToken(uid)
      const { authToken: _token, ...me } = await createUserClient({ baseUrl: BASE, fetch: otherSide, authToken }).login()
      client.setAuthToken(authToken)
      currentUser.getState().loginSucceeded(me, authToken)
    },
    async seed(...users) {
      for (const user of users) await elsewhere.createUser(user)
    },
  }
}
