import { QueryClient, useQuery } from '@tanstack/react-query'
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { createUserClient, type UserClient } from '../../src/client/index.js'
import { canonicalJson, type User } from '../../src/model/index.js'
import {
  blockedUsersQueryOptions,
  createCurrentUserStore,
  currentUserQueryOptions,
  useCurrentUser,
  useUpdateCurrentUser,
  useUpdateUser,
  useUser,
  useUserkit,
  UserkitProvider,
  userKeys,
  userQueryOptions,
  usersQueryOptions,
  type CurrentUserStatus,
  type CurrentUserStore,
  type CurrentUserStoreOptions,
} from '../../src/react/index.js'
import { BASE, createReactHarness, type ReactHarness } from './harness.js'
import { SessionView } from './SessionView.js'

const KEY = 'userkit:current-user'

afterEach(() => {
  cleanup()
  localStorage.clear()
  sessionStorage.clear()
})

const text = (label: string, container: HTMLElement = document.body): string | null =>
  within(container).getByLabelText(label).textContent

async function logIn(h: ReactHarness, uid: string, container: HTMLElement = document.body): Promise<string> {
  const { authToken } = await h.admin.createAuthToken(uid)
  const user = userEvent.setup()
  await user.click(within(container).getByLabelText('Token'))
  await user.paste(authToken)
  await user.click(within(container).getByRole('button', { name: 'Log in' }))
  await waitFor(() => expect(text('status', container)).toBe('authenticated'))
  return authToken
}

/** Another tab of the same app: its own client, cache and store, over the same server. */
function anotherTab(h: ReactHarness, options: CurrentUserStoreOptions): {
  client: UserClient
  queryClient: QueryClient
  store: CurrentUserStore
  wrapper: (props: { children: ReactNode }) => ReactNode
} {
  const client = createUserClient({ baseUrl: BASE, fetch: h.handler })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const store = createCurrentUserStore(options)
  return {
    client,
    queryClient,
    store,
    wrapper: ({ children }) => (
      <UserkitProvider client={client} queryClient={queryClient} store={store}>
        {children}
      </UserkitProvider>
    ),
  }
}

describe('createCurrentUserStore', () => {
  it('goes anonymous → authenticating → authenticated through useLogin', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' })
    const statuses: CurrentUserStatus[] = [h.store.getState().status]
    h.store.subscribe((state) => {
      if (state.status !== statuses.at(-1)) statuses.push(state.status)
    })
    render(<SessionView />, { wrapper: h.wrapper })
    expect(text('status')).toBe('anonymous')

    const { authToken } = await h.admin.createAuthToken('ada')
    const user = userEvent.setup()
    await user.click(screen.getByLabelText('Token'))
    await user.paste(authToken)
    h.gate.hold()
    await user.click(screen.getByRole('button', { name: 'Log in' }))
    await waitFor(() => expect(text('status')).toBe('authenticating'))
    expect(text('name')).toBe('nobody')
    h.gate.release()

    await waitFor(() => expect(text('status')).toBe('authenticated'))
    expect(text('name')).toBe('Ada')
    expect(statuses).toEqual(['anonymous', 'authenticating', 'authenticated'])
  })

  it('keeps nothing in sessionStorage or localStorage by default', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' })
    render(<SessionView />, { wrapper: h.wrapper })
    await logIn(h, 'ada')
    expect(h.store.persist).toBeUndefined()
    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(0)
  })

  it.each(['session', 'local'] as const)(
    "with persist: '%s' keeps the login in that storage, and a new provider and store restore it after a reload, once mounted",
    async (persist) => {
      const storage = persist === 'local' ? localStorage : sessionStorage
      const other = persist === 'local' ? sessionStorage : localStorage
      const h = createReactHarness({ store: { persist } })
      await h.seed({ uid: 'ada', name: 'Ada' })
      render(<SessionView />, { wrapper: h.wrapper })
      const token = await logIn(h, 'ada')

      const saved = JSON.parse(storage.getItem(KEY) ?? 'null')
      expect(saved.state).toEqual({ user: h.store.getState().user, authToken: token, status: 'authenticated' })
      expect(saved.state.user).not.toHaveProperty('authToken')
      expect(other.length).toBe(0)

      // The reload: everything in memory is gone, the storage stays.
      cleanup()
      const tab = anotherTab(h, { persist })
      expect(tab.store.getState().status).toBe('anonymous')
      const rendered: CurrentUserStatus[] = []
      function Status() {
        const status = useCurrentUser((state) => state.status)
        rendered.push(status)
        return <p aria-label="status">{status}</p>
      }
      render(<Status />, { wrapper: tab.wrapper })

      await waitFor(() => expect(text('status')).toBe('authenticated'))
      // The first render matches what a server render shows: nobody, until mounted.
      expect(rendered[0]).toBe('anonymous')
      expect(tab.store.getState().user).toMatchObject({ uid: 'ada', name: 'Ada' })
      expect(tab.client.authToken).toBe(token)
      expect(await tab.client.getMe()).toMatchObject({ uid: 'ada' })
    },
  )

  it('logs out a second tab when one logs out (a storage event): its token is dropped and its cached users removed', async () => {
    const h = createReactHarness({ store: { persist: 'local' } })
    await h.seed({ uid: 'ada', name: 'Ada' }, { uid: 'bob', name: 'Bob' })
    const tab = anotherTab(h, { persist: 'local' })
    const TabA = h.wrapper
    const TabB = tab.wrapper
    render(
      <>
        <section aria-label="tab A">
          <TabA>
            <SessionView />
          </TabA>
        </section>
        <section aria-label="tab B">
          <TabB>
            <SessionView />
          </TabB>
        </section>
      </>,
    )
    const [a, b] = [screen.getByRole('region', { name: 'tab A' }), screen.getByRole('region', { name: 'tab B' })]
    const fromOtherTab = () =>
      act(() => {
        window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: localStorage.getItem(KEY), storageArea: localStorage }))
      })

    const token = await logIn(h, 'ada', a)
    expect(text('status', b)).toBe('anonymous')
    fromOtherTab()
    await waitFor(() => expect(text('name', b)).toBe('Ada'))
    expect(tab.client.authToken).toBe(token)

    await tab.queryClient.prefetchQuery(userQueryOptions(tab.client, 'bob'))
    await tab.queryClient.prefetchQuery(usersQueryOptions(tab.client))
    await tab.queryClient.prefetchQuery(blockedUsersQueryOptions(tab.client))
    await tab.queryClient.prefetchQuery(currentUserQueryOptions(tab.client))
    expect(tab.queryClient.getQueryData(userKeys.detail('bob'))).toMatchObject({ name: 'Bob' })

    await userEvent.setup().click(within(a).getByRole('button', { name: 'Log out' }))
    await waitFor(() => expect(text('status', a)).toBe('anonymous'))
    expect(text('status', b)).toBe('authenticated')

    fromOtherTab()
    await waitFor(() => expect(text('status', b)).toBe('anonymous'))
    expect(text('name', b)).toBe('nobody')
    expect(tab.store.getState()).toMatchObject({ user: null, authToken: null })
    expect(tab.client.authToken).toBeUndefined()
    expect(tab.queryClient.getQueryCache().findAll({ queryKey: userKeys.all })).toEqual([])
  })
})

describe('the store and the cache agree on the logged-in user', () => {
  function Views() {
    const { client } = useUserkit()
    const detail = useUser('root')
    const me = useQuery(currentUserQueryOptions(client))
    const update = useUpdateUser()
    const updateMe = useUpdateCurrentUser()
    return (
      <>
        <p aria-label="detail">{detail.data?.name}</p>
        <p aria-label="me">{me.data?.name}</p>
        <button type="button" onClick={() => void detail.refetch()}>
          Reload detail
        </button>
        <button type="button" onClick={() => void me.refetch()}>
          Reload me
        </button>
        <button type="button" onClick={() => update.mutate({ uid: 'root', name: 'Root by useUpdateUser' })}>
          Rename with useUpdateUser
        </button>
        <button type="button" onClick={() => updateMe.mutate({ name: 'Root by useUpdateCurrentUser', statusMessage: 'Busy' })}>
          Rename with useUpdateCurrentUser
        </button>
        <p aria-label="outcome">{update.status}/{updateMe.status}</p>
      </>
    )
  }

  async function shown(): Promise<ReactHarness> {
    const h = createReactHarness()
    await h.seed({ uid: 'root', name: 'Root', role: 'admin' })
    await h.loginAs('root')
    render(
      <>
        <SessionView />
        <Views />
      </>,
      { wrapper: h.wrapper },
    )
    await waitFor(() => expect(text('detail')).toBe('Root'))
    await waitFor(() => expect(text('me')).toBe('Root'))
    return h
  }

  function expectAgreement(h: ReactHarness, name: string): void {
    const user = h.store.getState().user as User
    expect(user.name).toBe(name)
    expect(user).not.toHaveProperty('authToken')
    expect(canonicalJson(h.queryClient.getQueryData(userKeys.detail('root')))).toBe(canonicalJson(user))
    expect(canonicalJson(h.queryClient.getQueryData(userKeys.me()))).toBe(canonicalJson(user))
    expect([text('name'), text('detail'), text('me')]).toEqual([name, name, name])
  }

  it('after useUpdateUser on the logged-in uid', async () => {
    const h = await shown()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Rename with useUpdateUser' }))
    await waitFor(() => expect(text('outcome')).toBe('success/idle'))
    expectAgreement(h, 'Root by useUpdateUser')
  })

  it('after useUpdateCurrentUser', async () => {
    const h = await shown()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Rename with useUpdateCurrentUser' }))
    await waitFor(() => expect(text('outcome')).toBe('idle/success'))
    expectAgreement(h, 'Root by useUpdateCurrentUser')
    expect(h.store.getState().user?.statusMessage).toBe('Busy')
  })

  it.each(['Reload detail', 'Reload me'])('after "%s" brings a change made on the server', async (button) => {
    const h = await shown()
    await h.admin.updateUser('root', { name: 'Root renamed elsewhere' })
    await userEvent.setup().click(screen.getByRole('button', { name: button }))
    await waitFor(() => expect(text('name')).toBe('Root renamed elsewhere'))
    await waitFor(() => expect(h.queryClient.isFetching()).toBe(0))
    expectAgreement(h, 'Root renamed elsewhere')
  })
})
