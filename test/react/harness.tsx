import { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createUserClient, type UserClient } from '../../src/client/index.js'
import { createCurrentUserStore, UserkitProvider, type CurrentUserStore, type CurrentUserStoreOptions } from '../../src/react/index.js'
import type { UserHandlerOptions, UserStore } from '../../src/server/index.js'
import { BASE } from '../support/keys.js'
import { recordRequest, type RecordedRequest } from '../support/recordedRequest.js'
import { createTestBackend } from '../support/testBackend.js'

export { AUTH_KEY, BASE, FULL_KEY } from '../support/keys.js'

/** A request as the handler received it. */
export type Sent = RecordedRequest

/** Holds answers back until released: to look at the screen before the server answers. */
export interface Gate {
  hold(): void
  release(): void
}

export interface ReactHarness {
  server: UserStore
  handler: (request: Request) => Promise<Response>
  /** Every request the client sent, in order. */
  sent: Sent[]
  /** Makes the next fetches fail as a network failure would, until reset. */
  network: { down: boolean }
  gate: Gate
  /** The fullAccess client, for setting things up (not in the app under test). */
  admin: UserClient
  /** The app's client: no key, logs in with a token. */
  client: UserClient
  queryClient: QueryClient
  store: CurrentUserStore
  wrapper: (props: { children: ReactNode }) => ReactNode
  /** Creates users through the admin client. */
  seed(...users: Array<string | { uid: string; name?: string; role?: string; tags?: string[] }>): Promise<void>
  /** Logs the app's client and store in as `uid` (a token from the admin key, then PUT /me). */
  loginAs(uid: string): Promise<void>
}

/**
 * The real client over the real handler and memory store, in-process: only the network is
 * skipped. A fresh QueryClient (no retries) and a fresh store each time.
 */
export function createReactHarness(
  options: {
    store?: CurrentUserStoreOptions
    batchGetUser?: boolean
    server?: Partial<UserHandlerOptions>
    /** How the provider's browser proves who it is (`UserkitProvider`'s `session`). */
    session?: 'token' | 'cookie'
  } = {},
): ReactHarness {
  const { store: server, handler, admin } = createTestBackend(options.server)
  const sent: Sent[] = []
  const network = { down: false }
  let held: Array<() => void> | undefined
  const gate: Gate = {
    hold: () => {
      held ??= []
    },
    release: () => {
      const waiting = held ?? []
      held = undefined
      for (const go of waiting) go()
    },
  }
  const fetch = async (request: Request): Promise<Response> => {
    sent.push(await recordRequest(request))
    if (network.down) throw new TypeError('fetch failed')
    const response = await handler(request)
    if (held) await new Promise<void>((resolve) => held?.push(resolve))
    return response
  }
  const client = createUserClient({ baseUrl: BASE, fetch, ...(options.batchGetUser === false ? { batchGetUser: false } : {}) })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const store = createCurrentUserStore(options.store)
  const wrapper = ({ children }: { children: ReactNode }): ReactNode => (
    <UserkitProvider client={client} queryClient={queryClient} store={store} {...(options.session ? { session: options.session } : {})}>
      {children}
    </UserkitProvider>
  )
  return {
    server,
    handler,
    sent,
    network,
    gate,
    admin,
    client,
    queryClient,
    store,
    wrapper,
    async seed(...users) {
      for (const user of users) {
        const input = typeof user === 'string' ? { uid: user } : user
        await admin.createUser({ name: input.uid, ...input })
      }
    },
    async loginAs(uid) {
      const { authToken } = await admin.createAuthToken(uid)
      const me = await createUserClient({ baseUrl: BASE, fetch: handler, authToken }).login()
      const { authToken: _token, ...user } = me
      store.getState().loginSucceeded(user, authToken)
      client.setAuthToken(authToken)
    },
  }
}
