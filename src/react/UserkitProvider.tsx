'use client'
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { useContext, useEffect, useState, type ReactNode } from 'react'
import type { UserClient } from '../client/index.js'
import { UserkitContext, type LabelOverrides, type UserkitContextValue, type UserkitSession } from './context.js'
import { createCurrentUserStore, type CurrentUserStore } from './currentUserStore.js'
import { inBrowser, warnOnce } from './development.js'
import { useLiveUserEvents, type UserEventsSource } from './events/useLiveUserEvents.js'
import { UserEventsContext } from './events/userEventEmitter.js'
import { keepStoreAndCacheInStep } from './keepStoreAndCacheInStep.js'
import { RETRY_DELAY_MS, retryTransient } from './queryOptions.js'

export interface UserkitProviderProps {
  /** The client every hook below uses. */
  client: UserClient
  /**
   * The TanStack QueryClient to use.
   * @default the one of an enclosing QueryClientProvider, else one made for this provider
   */
  queryClient?: QueryClient
  /**
   * The store of the logged-in user.
   * @default createCurrentUserStore(), one per provider
   */
  store?: CurrentUserStore
  /**
   * Strings the components show, by component, replacing the English defaults; a component's own
   * `labels` prop wins over these.
   * @example { userList: { search: 'Suchen' } }
   */
  labels?: LabelOverrides
  /**
   * The locale of dates and times (`Intl`).
   * @default the browser's
   */
  locale?: string
  /**
   * Live user events: while a user is logged in, the client's event stream keeps the cache (and so
   * every component) current, presence included, without a refetch; heartbeats keep them online.
   * @default false
   * @example <UserkitProvider client={client} events>
   */
  events?: UserEventsSource
  /**
   * How the browser proves who it is. `'token'`: the auth token `useLogin` stores — until someone
   * logs in, the hooks send nothing and the components say to sign in. `'cookie'`: a session cookie
   * the server's `authenticate` reads, which the browser sends by itself — the hooks always send.
   * @default 'token'
   */
  session?: UserkitSession
  children?: ReactNode
}

const noLabels: LabelOverrides = {}

/**
 * Gives the hooks and components below it a client, a query cache and a current-user store.
 *
 * @example
 * <UserkitProvider client={createUserClient({ baseUrl: '/api' })}>
 *   <ProfilePage />
 * </UserkitProvider>
 */
export function UserkitProvider({ client, queryClient, store, labels = noLabels, locale, events, session = 'token', children }: UserkitProviderProps): ReactNode {
  const outer = useContext(QueryClientContext)
  const [ownQueryClient] = useState(() =>
    queryClient || outer ? undefined : new QueryClient({ defaultOptions: { queries: { retry: retryTransient, retryDelay: RETRY_DELAY_MS } } }),
  )
  const [ownStore] = useState(() => (store ? undefined : createCurrentUserStore()))
  const activeQueryClient = (queryClient ?? outer ?? ownQueryClient) as QueryClient
  const activeStore = (store ?? ownStore) as CurrentUserStore
  const [value, setValue] = useState<UserkitContextValue>(() => ({ client, store: activeStore, labels, locale, session }))
  if (value.client !== client || value.store !== activeStore || value.labels !== labels || value.locale !== locale || value.session !== session) {
    setValue({ client, store: activeStore, labels, locale, session })
  }

  useEffect(() => {
    if (inBrowser() && client.hasApiKey) {
      warnOnce(
        'the client given to <UserkitProvider> holds an API key. A fullAccess key must never reach a browser; ' +
          'browsers log in with an auth token (useLogin), and admin screens use a token whose role may manage users.',
      )
    }
  }, [client])

  useEffect(() => keepStoreAndCacheInStep(client, activeStore, activeQueryClient), [client, activeStore, activeQueryClient])

  const emitter = useLiveUserEvents(client, activeStore, activeQueryClient, events)

  const tree = (
    <UserkitContext.Provider value={value}>
      <UserEventsContext.Provider value={emitter}>{children}</UserEventsContext.Provider>
    </UserkitContext.Provider>
  )
  return activeQueryClient === outer ? tree : <QueryClientProvider client={activeQueryClient}>{tree}</QueryClientProvider>
}

