import { dehydrate, HydrationBoundary, QueryClient, type DehydratedState } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createUserClient, type UserClient } from '../../src/client/index.js'
import { UserkitProvider, useUser, useUsers, usersQueryOptions } from '../../src/react/index.js'
import { BASE, FULL_KEY, type ReactHarness } from './harness.js'

/** The team list and Ada, as one line: `team: Ada, Bob; ada: Ada` once loaded. */
export function Team() {
  const { data } = useUsers({ tags: ['team'] })
  const ada = useUser('ada')
  return <p>{`team: ${data?.users.map((user) => user.name).join(', ') ?? 'loading'}; ada: ${ada.data?.name ?? 'loading'}`}</p>
}

export interface PrefetchedTeam {
  /** The server's client, with a key, and its QueryClient for this request. */
  server: UserClient
  serverQueries: QueryClient
  /** The page around `<Team />`, hydrated with what the server prefetched. */
  page: (client: UserClient, queryClient: QueryClient) => ReactNode
}

/** What a server does per request: prefetch the team with the hooks' query options, and dehydrate it. */
export async function prefetchTeam(h: ReactHarness): Promise<PrefetchedTeam> {
  const server = createUserClient({ baseUrl: BASE, apiKey: FULL_KEY, fetch: h.handler })
  const serverQueries = new QueryClient()
  await serverQueries.prefetchQuery(usersQueryOptions(server, { tags: ['team'] }))
  // Through JSON, as it would reach the browser.
  const state = JSON.parse(JSON.stringify(dehydrate(serverQueries))) as DehydratedState
  const page = (client: UserClient, queryClient: QueryClient): ReactNode => (
    <UserkitProvider client={client} queryClient={queryClient}>
      <HydrationBoundary state={state}>
        <Team />
      </HydrationBoundary>
    </UserkitProvider>
  )
  return { server, serverQueries, page }
}
