// @vitest-environment node
import { QueryClient } from '@tanstack/react-query'
import { Suspense } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUserClient, type UserClient } from '../../src/client/index.js'
import {
  createCurrentUserStore,
  useBlockedUsers,
  useBlock,
  useCreateUser,
  useCurrentUser,
  useDeactivateUser,
  useDeleteUser,
  useInfiniteUsers,
  useLogin,
  useLogout,
  useReactivateUser,
  useSuspenseUser,
  useUnblock,
  useUpdateCurrentUser,
  useUpdateUser,
  useUser,
  UserkitProvider,
  userQueryOptions,
  useUsers,
  type CurrentUserStore,
} from '../../src/react/index.js'
import { BASE, createReactHarness, type ReactHarness } from './harness.js'
import { prefetchTeam, Team } from './teamPage.js'

// A server render: Node, no DOM, no Web Storage. Nothing here may reach for `window`.

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/** Every hook the package has, in one component, showing what each has to say before any request. */
function EveryHook() {
  const user = useUser('ada')
  const users = useUsers({ searchKey: 'a' })
  const pages = useInfiniteUsers({ perPage: 2 })
  const blocked = useBlockedUsers()
  const { user: me } = useCurrentUser()
  const status = useCurrentUser((state) => state.status)
  const mutations = [
    useUpdateUser(),
    useUpdateCurrentUser(),
    useCreateUser(),
    useDeactivateUser(),
    useReactivateUser(),
    useDeleteUser(),
    useBlock(),
    useUnblock(),
    useLogin(),
    useLogout(),
  ]
  return (
    <ul>
      <li>{`status: ${status} ${me?.name ?? 'nobody'}`}</li>
      <li>{`user: ${user.data?.name ?? user.status}`}</li>
      <li>{`users: ${users.data?.users.map((u) => u.name).join(', ') ?? users.status}`}</li>
      <li>{`pages: ${pages.data?.pages.length ?? pages.status}`}</li>
      <li>{`blocked: ${blocked.data?.users.length ?? blocked.status}`}</li>
      <li>{`mutations: ${mutations.map((mutation) => mutation.status).join(' ')}`}</li>
    </ul>
  )
}

function SuspenseName({ uid }: { uid: string }) {
  return <b>{useSuspenseUser(uid).data.name}</b>
}

function App({ h, store = h.store, client = h.client }: { h: ReactHarness; store?: CurrentUserStore; client?: UserClient }) {
  return (
    <UserkitProvider client={client} queryClient={h.queryClient} store={store}>
      <EveryHook />
      <Suspense fallback={<i>waiting</i>}>
        <SuspenseName uid="bob" />
      </Suspense>
    </UserkitProvider>
  )
}

async function seeded(): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed({ uid: 'ada', name: 'Ada' }, { uid: 'bob', name: 'Bob' })
  await h.queryClient.prefetchQuery(userQueryOptions(h.admin, 'bob'))
  return h
}

const mutationsIdle = `mutations: ${Array(10).fill('idle').join(' ')}`

/** Records every use of a Web Storage put where a runtime with one would have it. */
function recordingStorage(): { storage: Storage; used: string[] } {
  const data = new Map<string, string>()
  const used: string[] = []
  const storage: Storage = {
    get length() {
      used.push('length')
      return data.size
    },
    key: (index) => (used.push('key'), [...data.keys()][index] ?? null),
    getItem: (key) => (used.push(`getItem ${key}`), data.get(key) ?? null),
    setItem: (key, value) => void (used.push(`setItem ${key}`), data.set(key, value)),
    removeItem: (key) => void (used.push(`removeItem ${key}`), data.delete(key)),
    clear: () => void (used.push('clear'), data.clear()),
  }
  return { storage, used }
}

describe('rendering on a server', () => {
  it('has no window, document or Web Storage here', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    expect(typeof localStorage).toBe('undefined')
    expect(typeof sessionStorage).toBe('undefined')
  })

  it('renders the provider and every hook, anonymous, without a request but the prefetched user in Suspense', async () => {
    const h = await seeded()
    const html = renderToString(<App h={h} />)
    expect(html).toContain('status: anonymous nobody')
    expect(html).toContain('user: pending')
    expect(html).toContain('users: pending')
    expect(html).toContain('pages: pending')
    expect(html).toContain('blocked: pending')
    expect(html).toContain(mutationsIdle)
    expect(html).toContain('<b>Bob</b>')
    expect(html).not.toContain('waiting')
    expect(h.sent).toEqual([])
  })

  // zustand renders a store's initial state on a server (getServerSnapshot), as the browser's hydrating render does.
  it('renders the store’s initial state, anonymous, even when it holds a login', async () => {
    const h = await seeded()
    await h.loginAs('ada')
    const html = renderToString(<App h={h} />)
    expect(h.store.getState().status).toBe('authenticated')
    expect(html).toContain('status: anonymous nobody')
    expect(html).toContain(mutationsIdle)
    expect(h.sent).toEqual([])
  })

  it('renders with a QueryClient and a store of the provider’s own making', () => {
    const h = createReactHarness()
    const html = renderToString(
      <UserkitProvider client={h.client}>
        <EveryHook />
      </UserkitProvider>,
    )
    expect(html).toContain('status: anonymous nobody')
    expect(html).toContain(mutationsIdle)
  })

  it('does not warn about a client with an API key: a server is where keys belong', async () => {
    const warn = vi.spyOn(console, 'warn')
    const h = await seeded()
    const html = renderToString(<App h={h} client={h.admin} />)
    expect(html).toContain('<b>Bob</b>')
    expect(warn).not.toHaveBeenCalled()
  })

  it.each(['local', 'session'] as const)("renders with a persist: '%s' store, where there is no Web Storage at all", async (persist) => {
    const warn = vi.spyOn(console, 'warn')
    const h = await seeded()
    const html = renderToString(<App h={h} store={createCurrentUserStore({ persist })} />)
    expect(html).toContain('status: anonymous nobody')
    expect(warn).not.toHaveBeenCalled()
  })

  it.each(['local', 'session'] as const)(
    "renders with a persist: '%s' store without reading or writing a storage the runtime has",
    async (persist) => {
      const { storage, used } = recordingStorage()
      storage.setItem('userkit:current-user', JSON.stringify({ state: { user: null, authToken: 'leaked', status: 'authenticated' } }))
      used.length = 0
      vi.stubGlobal(persist === 'local' ? 'localStorage' : 'sessionStorage', storage)
      const h = await seeded()
      const store = createCurrentUserStore({ persist })
      const html = renderToString(<App h={h} store={store} />)
      expect(html).toContain('status: anonymous nobody')
      expect(store.getState().authToken).toBeNull()
      expect(used).toEqual([])
    },
  )
})

describe('data prefetched on the server', () => {
  /** A browser's client, counting what it sends. */
  function browserClient(h: ReactHarness): { client: UserClient; sent: string[] } {
    const sent: string[] = []
    const client = createUserClient({
      baseUrl: BASE,
      fetch: (request) => {
        sent.push(`${request.method} ${new URL(request.url).pathname}`)
        return h.handler(request)
      },
    })
    return { client, sent }
  }

  it('is dehydrated with the query options and shows after hydration without another request', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada', tags: ['team'] }, { uid: 'bob', name: 'Bob', tags: ['team'] }, 'cy')

    const { server, serverQueries, page } = await prefetchTeam(h)
    expect(renderToString(page(server, serverQueries))).toContain('team: Ada, Bob; ada: Ada')

    // The browser: a fresh QueryClient filled from the dehydrated state alone.
    const browser = browserClient(h)
    const browserQueries = new QueryClient()
    expect(renderToString(page(browser.client, browserQueries))).toContain('team: Ada, Bob; ada: Ada')
    expect(browser.sent).toEqual([])
    expect(browserQueries.isFetching()).toBe(0)
  })

  it('without the dehydrated state, the same page has nothing to show', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada', tags: ['team'] })
    const browser = browserClient(h)
    const html = renderToString(
      <UserkitProvider client={browser.client} queryClient={new QueryClient()}>
        <Team />
      </UserkitProvider>,
    )
    expect(html).toContain('team: loading; ada: loading')
  })
})
