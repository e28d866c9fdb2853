import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUserClient } from '../../src/client/index.js'
import { isUserkitError } from '../../src/model/index.js'
import {
  blockedUsersQueryOptions,
  currentUserQueryOptions,
  infiniteUsersQueryOptions,
  useUser,
  userKeys,
  userQueryOptions,
  usersQueryOptions,
  type CurrentUserStatus,
} from '../../src/react/index.js'
import { AUTH_KEY, BASE, createReactHarness, type ReactHarness } from './harness.js'
import { SessionView } from './SessionView.js'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

/** How `uid` looks to whoever is logged in. */
function Blocked({ uid }: { uid: string }) {
  const { data, error } = useUser(uid)
  const state = error ? error.code : data ? (data.blockedByMe ? 'blocked' : 'not blocked') : 'loading'
  return <p aria-label={`${uid} is`}>{state}</p>
}

const text = (label: string): string | null => screen.getByLabelText(label).textContent

async function logInWith(token: string): Promise<void> {
  const user = userEvent.setup()
  await user.click(screen.getByLabelText('Token'))
  await user.paste(token)
  await user.click(screen.getByRole('button', { name: 'Log in' }))
  await waitFor(() => expect(text('login')).not.toBe('pending'))
}

const request = (h: ReactHarness, method: string, path: string) => h.sent.filter((sent) => sent.method === method && sent.path === path)

/** Fills the cache with every kind of entry: a detail, a page, pages, `me`, the blocked list. */
async function cacheEverything(h: ReactHarness): Promise<void> {
  await h.queryClient.prefetchQuery(userQueryOptions(h.client, 'bob'))
  await h.queryClient.prefetchQuery(usersQueryOptions(h.client, { searchKey: 'b' }))
  await h.queryClient.prefetchInfiniteQuery(infiniteUsersQueryOptions(h.client, { perPage: 1 }))
  await h.queryClient.prefetchQuery(currentUserQueryOptions(h.client))
  await h.queryClient.prefetchQuery(blockedUsersQueryOptions(h.client))
  const kinds = h.queryClient
    .getQueryCache()
    .findAll({ queryKey: userKeys.all })
    .map((query) => query.queryKey[1])
  expect(new Set(kinds)).toEqual(new Set(['detail', 'list', 'me', 'blocked']))
}

const cachedUserKeys = (h: ReactHarness) => h.queryClient.getQueryCache().findAll({ queryKey: userKeys.all }).map((query) => query.queryKey)

describe('useLogin', () => {
  it('with an auth token: PUT /me with it, the user (without the token) and the token in the store, and the client sends it from then on', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' }, { uid: 'bob', name: 'Bob' })
    const { authToken } = await h.admin.createAuthToken('ada')
    render(<SessionView />, { wrapper: h.wrapper })
    await logInWith(authToken)

    expect(text('login')).toBe('success')
    expect(request(h, 'PUT', '/v3.0/me')).toEqual([{ method: 'PUT', path: '/v3.0/me', body: {}, authToken }])
    const { user, authToken: stored, status } = h.store.getState()
    expect(status).toBe('authenticated')
    expect(stored).toBe(authToken)
    expect(user).toMatchObject({ uid: 'ada', name: 'Ada' })
    expect(user).not.toHaveProperty('authToken')
    expect(h.queryClient.getQueryData(userKeys.me())).toEqual(user)
    expect(h.client.authToken).toBe(authToken)

    render(<Blocked uid="bob" />, { wrapper: h.wrapper })
    await waitFor(() => expect(text('bob is')).toBe('not blocked'))
    expect(h.sent.at(-1)).toMatchObject({ method: 'GET', path: '/v3.0/users/bob', authToken })
  })

  it('with a bad token: fails with AUTH_ERR_AUTH_TOKEN_NOT_FOUND, back to anonymous, and the client holds no token', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' })
    render(<SessionView />, { wrapper: h.wrapper })
    await logInWith('not-a-token')

    expect(text('login')).toBe('AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
    expect(text('status')).toBe('anonymous')
    expect(h.store.getState()).toMatchObject({ user: null, authToken: null, status: 'anonymous' })
    expect(h.client.authToken).toBeUndefined()
    expect(cachedUserKeys(h)).toEqual([])
  })

  it('with a bad token while someone is logged in: fails and keeps that session as it was', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'root', name: 'Root', role: 'admin' }, { uid: 'bob', name: 'Bob' })
    await h.loginAs('root')
    const before = h.store.getState()
    const statuses: CurrentUserStatus[] = []
    h.store.subscribe((state) => statuses.push(state.status))
    render(
      <>
        <SessionView />
        <Blocked uid="bob" />
      </>,
      { wrapper: h.wrapper },
    )
    await waitFor(() => expect(text('bob is')).toBe('not blocked'))
    await logInWith('not-a-token')

    expect(text('login')).toBe('AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
    expect(text('name')).toBe('Root')
    expect(h.store.getState()).toMatchObject({ user: before.user, authToken: before.authToken, status: 'authenticated' })
    expect(statuses.every((status) => status === 'authenticated')).toBe(true)
    expect(h.client.authToken).toBe(before.authToken)
    expect(h.queryClient.getQueryData(userKeys.detail('bob'))).toMatchObject({ name: 'Bob' })
    expect(await h.client.getMe()).toMatchObject({ uid: 'root' })
    expect(h.sent.at(-1)?.authToken).toBe(before.authToken)
  })

  it('with { uid, authKey }: issues a token with the authOnly key, logs in with it, keeps no key, and warns in development', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' })
    render(<SessionView credentials={{ uid: 'ada', authKey: AUTH_KEY }} />, { wrapper: h.wrapper })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log in' }))
    await waitFor(() => expect(text('login')).toBe('success'))

    const token = h.store.getState().authToken
    expect(token).toEqual(expect.any(String))
    expect(h.sent.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /v3/users/ada/auth_tokens', 'PUT /v3.0/me'])
    expect(h.sent[1]?.authToken).toBe(token)
    expect(text('name')).toBe('Ada')
    expect(h.client.authToken).toBe(token)
    expect(h.client.hasApiKey).toBe(false)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/userkit: useLogin\(\{ uid, authKey \}\).*authOnly.*not production/)

    await userEvent.setup().click(screen.getByRole('button', { name: 'Log in' }))
    await waitFor(() => expect(request(h, 'PUT', '/v3.0/me')).toHaveLength(2))
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('with { uid, authKey } and a key the server does not know: fails, back to anonymous', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' })
    render(<SessionView credentials={{ uid: 'ada', authKey: 'no-such-key' }} />, { wrapper: h.wrapper })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log in' }))
    await waitFor(() => expect(text('login')).toBe('AUTH_ERR_APIKEY_NOT_FOUND'))
    expect(text('status')).toBe('anonymous')
    expect(request(h, 'PUT', '/v3.0/me')).toEqual([])
  })

  it('switching to another user drops everything seen through the first user’s eyes', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'root', name: 'Root', role: 'admin' }, { uid: 'ada', name: 'Ada' }, { uid: 'bob', name: 'Bob' })
    await h.loginAs('root')
    await h.client.blockUsers(['bob'])
    await cacheEverything(h)
    expect(h.queryClient.getQueryData(userKeys.detail('bob'))).toMatchObject({ blockedByMe: true })
    render(<SessionView />, { wrapper: h.wrapper })

    const { authToken } = await h.admin.createAuthToken('ada')
    await logInWith(authToken)

    expect(text('name')).toBe('Ada')
    const ada = h.store.getState().user
    expect(cachedUserKeys(h)).toEqual(expect.arrayContaining([userKeys.me(), userKeys.detail('ada')]))
    expect(cachedUserKeys(h)).toHaveLength(2)
    expect(h.queryClient.getQueryData(userKeys.me())).toEqual(ada)
    expect(h.queryClient.getQueryData(userKeys.detail('ada'))).toEqual(ada)
    expect(h.client.authToken).toBe(authToken)
  })

  it('switching to another user refetches what is on screen as the new user sees it', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'root', name: 'Root', role: 'admin' }, { uid: 'ada', name: 'Ada' }, { uid: 'bob', name: 'Bob' })
    await h.loginAs('root')
    await h.client.blockUsers(['bob'])
    render(
      <>
        <SessionView />
        <Blocked uid="bob" />
      </>,
      { wrapper: h.wrapper },
    )
    await waitFor(() => expect(text('bob is')).toBe('blocked'))

    const { authToken } = await h.admin.createAuthToken('ada')
    await logInWith(authToken)
    expect(text('name')).toBe('Ada')
    await waitFor(() => expect(text('bob is')).toBe('not blocked'))
    expect(h.sent.at(-1)).toMatchObject({ method: 'GET', path: '/v3.0/users/bob', authToken })
  })
})

describe('useLogout', () => {
  async function loggedIn(): Promise<{ h: ReactHarness; token: string }> {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada' }, { uid: 'bob', name: 'Bob' })
    await h.loginAs('ada')
    await h.client.blockUsers(['bob'])
    await cacheEverything(h)
    return { h, token: h.store.getState().authToken as string }
  }

  it('sends DELETE /me, clears the store and every cached entry under userKeys.all, and the client stops sending the token', async () => {
    const { h, token } = await loggedIn()
    h.queryClient.setQueryData(['app', 'settings'], { theme: 'dark' })
    render(<SessionView />, { wrapper: h.wrapper })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log out' }))
    await waitFor(() => expect(text('logout')).toBe('success'))

    expect(request(h, 'DELETE', '/v3.0/me')).toEqual([{ method: 'DELETE', path: '/v3.0/me', authToken: token }])
    expect(text('status')).toBe('anonymous')
    expect(h.store.getState()).toMatchObject({ user: null, authToken: null, status: 'anonymous' })
    expect(cachedUserKeys(h)).toEqual([])
    // Only Userkit's entries: the app's own stay.
    expect(h.queryClient.getQueryData(['app', 'settings'])).toEqual({ theme: 'dark' })
    expect(h.client.authToken).toBeUndefined()

    const refused = await h.client.getMe().catch((error: unknown) => error)
    expect(h.sent.at(-1)).toEqual({ method: 'GET', path: '/v3.0/me' })
    expect(isUserkitError(refused) && refused.code).toBe('AUTH_ERR_EMPTY_AUTH_TOKEN')
    // The server revoked it too.
    const revoked = await createUserClient({ baseUrl: BASE, fetch: h.handler, authToken: token })
      .getMe()
      .catch((error: unknown) => error)
    expect(isUserkitError(revoked) && revoked.code).toBe('AUTH_ERR_AUTH_TOKEN_NOT_FOUND')
  })

  it('still logs out locally when the network is down, and surfaces the error', async () => {
    const { h } = await loggedIn()
    render(<SessionView />, { wrapper: h.wrapper })
    h.network.down = true
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log out' }))
    await waitFor(() => expect(text('logout')).toBe('ERR_NETWORK'))

    expect(request(h, 'DELETE', '/v3.0/me')).toHaveLength(1)
    expect(text('status')).toBe('anonymous')
    expect(h.store.getState()).toMatchObject({ user: null, authToken: null, status: 'anonymous' })
    expect(cachedUserKeys(h)).toEqual([])
    expect(h.client.authToken).toBeUndefined()
  })

  it('leaves no view showing what the logged-out user saw: mounted views load again, as nobody', async () => {
    const { h } = await loggedIn()
    render(
      <>
        <SessionView />
        <Blocked uid="bob" />
      </>,
      { wrapper: h.wrapper },
    )
    expect(text('bob is')).toBe('blocked')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Log out' }))
    await waitFor(() => expect(text('logout')).toBe('success'))
    // Without a token the client has no credential to send: the server's refusal is what shows.
    await waitFor(() => expect(text('bob is')).toBe('AUTH_ERR_EMPTY_APIKEY'))
    expect(h.sent.at(-1)).toEqual({ method: 'GET', path: '/v3/users/bob' })
  })
})
