import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query'
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { Suspense, type ReactNode } from 'react'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { createUserClient } from '../../src/client/index.js'
import * as userkit from '../../src/react/index.js'
import {
  blockedUsersQueryOptions,
  createCurrentUserStore,
  currentUserQueryOptions,
  infiniteUsersQueryOptions,
  useBlockedUsers,
  useCurrentUser,
  useInfiniteUsers,
  UserkitProvider,
  userKeys,
  userQueryOptions,
  usersQueryOptions,
  useSuspenseUser,
  useUser,
  useUserkit,
  useUsers,
} from '../../src/react/index.js'
import { BASE, createReactHarness, FULL_KEY, type ReactHarness } from './harness.js'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

function Name({ uid }: { uid: string }) {
  const { data, error } = useUser(uid)
  return <p>{error?.code ?? data?.name ?? 'loading'}</p>
}

/** The requests sent while `run` renders and its effects run: none when the cache already had the answer. */
async function requestsDuring(h: ReactHarness, run: () => void): Promise<string[]> {
  const before = h.sent.length
  run()
  // A refetch on mount would be under way by now (observers fetch as they subscribe).
  expect(h.queryClient.isFetching()).toBe(0)
  await act(async () => {})
  return h.sent.slice(before).map(({ method, path }) => `${method} ${path}`)
}

describe('UserkitProvider', () => {
  it('uses the QueryClient it is given, even inside another QueryClientProvider', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' })
    await h.loginAs('ada')
    const outer = new QueryClient()
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={outer}>
          <UserkitProvider client={h.client} queryClient={h.queryClient}>
            {children}
            <Name uid="ada" />
          </UserkitProvider>
        </QueryClientProvider>
      ),
    })
    expect(result.current).toBe(h.queryClient)
    expect(await screen.findByText('Ada')).toBeTruthy()
    expect(h.queryClient.getQueryData(userKeys.detail('ada'))).toMatchObject({ name: 'Ada' })
    expect(outer.getQueryCache().getAll()).toHaveLength(0)
  })

  it('uses the QueryClient of an enclosing QueryClientProvider when given none', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' })
    await h.loginAs('ada')
    const outer = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={outer}>
          <UserkitProvider client={h.client}>
            {children}
            <Name uid="ada" />
          </UserkitProvider>
        </QueryClientProvider>
      ),
    })
    expect(result.current).toBe(outer)
    expect(await screen.findByText('Ada')).toBeTruthy()
    expect(outer.getQueryData(userKeys.detail('ada'))).toMatchObject({ name: 'Ada' })
  })

  it('makes a QueryClient of its own when there is none, kept across renders and not shared with another provider', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' })
    await h.loginAs('ada')
    const seen: QueryClient[] = []
    function Probe({ id }: { id: string }) {
      const queryClient = useQueryClient()
      seen.push(queryClient)
      return <Name uid={id} />
    }
    const app = (label: string) => (
      <>
        <UserkitProvider client={h.client}>
          <Probe id="ada" />
        </UserkitProvider>
        <UserkitProvider client={h.client}>
          <Probe id="ada" />
        </UserkitProvider>
        <p>{label}</p>
      </>
    )
    const { rerender } = render(app('first'))
    await waitFor(() => expect(screen.getAllByText('Ada')).toHaveLength(2))
    rerender(app('second'))
    const [first, second] = [seen[0], seen[1]]
    expect(first).toBeInstanceOf(QueryClient)
    expect(second).toBeInstanceOf(QueryClient)
    expect(first).not.toBe(second)
    expect(new Set(seen)).toEqual(new Set([first, second]))
    expect(first?.getQueryData(userKeys.detail('ada'))).toMatchObject({ name: 'Ada' })
  })

  it('creates a current-user store per provider: two providers, two independent stores, a fresh one after remounting', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' })
    const stores: Record<string, userkit.CurrentUserStore> = {}
    function Who({ label }: { label: string }) {
      stores[label] = useUserkit().store
      const name = useCurrentUser((state) => state.user?.name ?? 'nobody')
      return <p aria-label={label}>{name}</p>
    }
    const app = (
      <>
        <UserkitProvider client={h.client} queryClient={h.queryClient}>
          <Who label="left" />
        </UserkitProvider>
        <UserkitProvider client={createUserClient({ baseUrl: BASE, fetch: h.handler })} queryClient={new QueryClient()}>
          <Who label="right" />
        </UserkitProvider>
      </>
    )
    const { rerender, unmount } = render(app)
    const { left, right } = stores
    expect(left).toBeDefined()
    expect(left).not.toBe(right)

    const { authToken } = await h.admin.createAuthToken('ada')
    const ada = await h.admin.getUser('ada')
    act(() => left?.getState().loginSucceeded(ada, authToken))
    expect(screen.getByLabelText('left').textContent).toBe('Ada')
    expect(screen.getByLabelText('right').textContent).toBe('nobody')
    expect(right?.getState().status).toBe('anonymous')

    rerender(app)
    expect(stores.left).toBe(left)
    expect(stores.right).toBe(right)

    unmount()
    render(app)
    expect(stores.left).not.toBe(left)
    expect(stores.left?.getState().status).toBe('anonymous')
    expect(screen.getByLabelText('left').textContent).toBe('nobody')
  })

  it('useUserkit() returns the client and the store the provider was given', () => {
    const h = createReactHarness()
    const { result } = renderHook(() => useUserkit(), { wrapper: h.wrapper })
    expect(result.current.client).toBe(h.client)
    expect(result.current.store).toBe(h.store)
  })

  it('swaps to a new client or store given later, and hooks below use it', async () => {
    const h = createReactHarness()
    const other = createUserClient({ baseUrl: BASE, fetch: h.handler })
    const otherStore = createCurrentUserStore()
    let props = { client: h.client, store: h.store }
    const { result, rerender } = renderHook(() => useUserkit(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <UserkitProvider client={props.client} store={props.store} queryClient={h.queryClient}>
          {children}
        </UserkitProvider>
      ),
    })
    props = { client: other, store: otherStore }
    rerender()
    expect(result.current.client).toBe(other)
    expect(result.current.store).toBe(otherStore)
  })
})

describe('hooks outside <UserkitProvider>', () => {
  const calls: Record<string, () => unknown> = {
    useUserkit: () => userkit.useUserkit(),
    useUser: () => userkit.useUser('ada'),
    useRoles: () => userkit.useRoles(),
    useSuspenseUser: () => userkit.useSuspenseUser('ada'),
    useUsers: () => userkit.useUsers(),
    useInfiniteUsers: () => userkit.useInfiniteUsers(),
    useBlockedUsers: () => userkit.useBlockedUsers(),
    useInfiniteBlockedUsers: () => userkit.useInfiniteBlockedUsers(),
    useUserEvents: () => userkit.useUserEvents(() => {}),
    useCurrentUser: () => userkit.useCurrentUser((state) => state.status),
    useSignedIn: () => userkit.useSignedIn(),
    useBulkUsers: () => userkit.useBulkUsers(),
    useImportUsers: () => userkit.useImportUsers(),
    useLogin: () => userkit.useLogin(),
    useLogout: () => userkit.useLogout(),
    useUpdateUser: () => userkit.useUpdateUser(),
    useUpdateCurrentUser: () => userkit.useUpdateCurrentUser(),
    useUploadAvatar: () => userkit.useUploadAvatar(),
    useCreateUser: () => userkit.useCreateUser(),
    useDeactivateUser: () => userkit.useDeactivateUser(),
    useReactivateUser: () => userkit.useReactivateUser(),
    useDeleteUser: () => userkit.useDeleteUser(),
    useBlock: () => userkit.useBlock(),
    useUnblock: () => userkit.useUnblock(),
  }

  it('covers every hook the package exports', () => {
    const hooks = Object.keys(userkit).filter((name) => /^use[A-Z]/.test(name))
    expect(Object.keys(calls).sort()).toEqual(hooks.sort())
  })

  it.each(Object.keys(calls))('%s throws a message that names it and says to wrap the app in <UserkitProvider>', (name) => {
    // React logs the error it rethrows (React 18 also reports it as the page's uncaught error).
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const silence = (event: ErrorEvent) => event.preventDefault()
    window.addEventListener('error', silence)
    onTestFinished(() => window.removeEventListener('error', silence))
    const call = calls[name]!
    const fix = `${name} must be used inside <UserkitProvider>`
    expect(() => renderHook(call)).toThrow(fix)
    // Inside TanStack's provider alone it is still ours, not TanStack's "No QueryClient set".
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
    expect(() => renderHook(call, { wrapper })).toThrow(fix)
  })
})

describe('a client holding an API key in a browser', () => {
  const keyed = () => createUserClient({ baseUrl: BASE, apiKey: FULL_KEY, fetch: createReactHarness().handler })

  // Before the development case: the warning is given once per page, and this one must not use it up.
  it('does not warn in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(<UserkitProvider client={keyed()} />)
    expect(warn).not.toHaveBeenCalled()
  })

  it('does not warn for a client without a key', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render(<UserkitProvider client={createUserClient({ baseUrl: BASE })} />)
    expect(warn).not.toHaveBeenCalled()
  })

  it('warns once in development, however many providers mount and re-render', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const client = keyed()
    const app = (
      <>
        <UserkitProvider client={client} />
        <UserkitProvider client={keyed()} />
      </>
    )
    const { rerender } = render(app)
    rerender(app)
    render(<UserkitProvider client={keyed()} />)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/userkit: .*API key.*never reach a browser/)
  })
})

describe('userKeys', () => {
  it('puts every key under userKeys.all, lists under lists(), details under details()', () => {
    expect(userKeys.all).toEqual(['userkit'])
    expect(userKeys.lists()).toEqual(['userkit', 'list'])
    expect(userKeys.list()).toEqual(['userkit', 'list', 'page', {}])
    expect(userKeys.list({ searchKey: 'ad', page: 2 })).toEqual(['userkit', 'list', 'page', { searchKey: 'ad', page: 2 }])
    expect(userKeys.infinite({ tags: ['team'] })).toEqual(['userkit', 'list', 'infinite', { tags: ['team'] }])
    expect(userKeys.details()).toEqual(['userkit', 'detail'])
    expect(userKeys.detail('ada')).toEqual(['userkit', 'detail', 'ada'])
    expect(userKeys.me()).toEqual(['userkit', 'me'])
    expect(userKeys.blocked()).toEqual(['userkit', 'blocked', {}])
    expect(userKeys.blocked({ searchKey: 'b' })).toEqual(['userkit', 'blocked', { searchKey: 'b' }])
  })

  it('lowercases the uid of a detail, as uids are case-insensitive', () => {
    expect(userKeys.detail('Ada.L')).toEqual(userKeys.detail('ada.l'))
    expect(userKeys.detail('ADA')[2]).toBe('ada')
  })
})

describe('query options', () => {
  async function loggedIn(): Promise<ReactHarness> {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' }, { uid: 'bob', name: 'Bob' }, { uid: 'cy', name: 'Cy' })
    await h.loginAs('ada')
    await h.client.blockUsers(['bob'])
    return h
  }

  it('use the keys the hooks use', () => {
    const { client } = createReactHarness()
    expect(userQueryOptions(client, 'Ada').queryKey).toEqual(userKeys.detail('ada'))
    expect(usersQueryOptions(client, { searchKey: 'a' }).queryKey).toEqual(userKeys.list({ searchKey: 'a' }))
    expect(infiniteUsersQueryOptions(client, { perPage: 2 }).queryKey).toEqual(userKeys.infinite({ perPage: 2 }))
    expect(blockedUsersQueryOptions(client).queryKey).toEqual(userKeys.blocked())
    expect(currentUserQueryOptions(client).queryKey).toEqual(userKeys.me())
  })

  it('prefetching userQueryOptions lets useUser show the user without a second request', async () => {
    const h = await loggedIn()
    await h.queryClient.prefetchQuery(userQueryOptions(h.client, 'cy'))
    const sent = await requestsDuring(h, () => render(<Name uid="cy" />, { wrapper: h.wrapper }))
    expect(sent).toEqual([])
    expect(screen.getByText('Cy')).toBeTruthy()
  })

  it('prefetching userQueryOptions lets useSuspenseUser render without suspending', async () => {
    const h = await loggedIn()
    await h.queryClient.prefetchQuery(userQueryOptions(h.client, 'cy'))
    function SuspenseName() {
      return <p>{useSuspenseUser('cy').data.name}</p>
    }
    const sent = await requestsDuring(h, () =>
      render(
        <Suspense fallback={<p>waiting</p>}>
          <SuspenseName />
        </Suspense>,
        { wrapper: h.wrapper },
      ),
    )
    expect(sent).toEqual([])
    expect(screen.getByText('Cy')).toBeTruthy()
    expect(screen.queryByText('waiting')).toBeNull()
  })

  it('prefetching usersQueryOptions and infiniteUsersQueryOptions lets useUsers and useInfiniteUsers show them without requests', async () => {
    const h = await loggedIn()
    await h.queryClient.prefetchQuery(usersQueryOptions(h.client, { searchKey: 'c' }))
    await h.queryClient.prefetchInfiniteQuery(infiniteUsersQueryOptions(h.client, { perPage: 2 }))
    function Lists() {
      const page = useUsers({ searchKey: 'c' })
      const pages = useInfiniteUsers({ perPage: 2 })
      return (
        <>
          <ul aria-label="page">{page.data?.users.map((user) => <li key={user.uid}>{user.name}</li>)}</ul>
          <ul aria-label="pages">
            {pages.data?.pages.flatMap((p) => p.users).map((user) => <li key={user.uid}>{user.name}</li>)}
          </ul>
        </>
      )
    }
    const sent = await requestsDuring(h, () => render(<Lists />, { wrapper: h.wrapper }))
    expect(sent).toEqual([])
    expect(screen.getByRole('list', { name: 'page' }).textContent).toBe('Cy')
    expect(screen.getByRole('list', { name: 'pages' }).textContent).toBe('AdaBob')
  })

  it('prefetching blockedUsersQueryOptions and currentUserQueryOptions fills useBlockedUsers and the me query', async () => {
    const h = await loggedIn()
    await h.queryClient.prefetchQuery(blockedUsersQueryOptions(h.client))
    await h.queryClient.prefetchQuery(currentUserQueryOptions(h.client))
    function Mine() {
      const blocked = useBlockedUsers()
      const me = useQuery(currentUserQueryOptions(useUserkit().client))
      return (
        <p>
          {me.data?.name} blocked {blocked.data?.users.map((user) => user.name).join(', ')}
        </p>
      )
    }
    const sent = await requestsDuring(h, () => render(<Mine />, { wrapper: h.wrapper }))
    expect(sent).toEqual([])
    expect(screen.getByText('Ada blocked Bob')).toBeTruthy()
  })

  it('a prefetched user still refetches when asked to', async () => {
    const h = await loggedIn()
    await h.queryClient.prefetchQuery(userQueryOptions(h.client, 'cy'))
    function Reloadable() {
      const { data, refetch } = useUser('cy')
      return (
        <button type="button" onClick={() => void refetch()}>
          {data?.name}
        </button>
      )
    }
    render(<Reloadable />, { wrapper: h.wrapper })
    await h.admin.updateUser('cy', { name: 'Cyrus' })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Cy' }))
    expect(await screen.findByRole('button', { name: 'Cyrus' })).toBeTruthy()
  })
})
