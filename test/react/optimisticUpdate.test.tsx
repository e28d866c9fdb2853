import { act, cleanup, render, renderHook, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import type { InfiniteData } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import type { UserPage } from '../../src/client/index.js'
import { userEtag, UserkitError, type User, type UsersQueryInput } from '../../src/model/index.js'
import {
  useBlockedUsers,
  useBlock,
  useCreateUser,
  useCurrentUser,
  useDeactivateUser,
  useInfiniteUsers,
  useReactivateUser,
  useUnblock,
  useUpdateCurrentUser,
  useUpdateUser,
  useUser,
  useUsers,
  userKeys,
} from '../../src/react/index.js'
import { createReactHarness, type ReactHarness } from './harness.js'

afterEach(cleanup)

// Sorted by name: Abby, Abe, Ada, Ann Root. With two per page, Ada and Ann Root are on page 2.
async function seeded(): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed(
    { uid: 'abby', name: 'Abby', tags: ['team'] },
    { uid: 'abe', name: 'Abe' },
    { uid: 'ada', name: 'Ada', tags: ['team'] },
    { uid: 'root', name: 'Ann Root', role: 'admin', tags: ['team'] },
  )
  await h.admin.updateUser('ada', { statusMessage: 'Counting' })
  return h
}

function Detail({ uid }: { uid: string }) {
  const { data, error, refetch } = useUser(uid)
  return (
    <section aria-label={`detail of ${uid}`}>
      <p>{error ? error.code : (data?.name ?? 'loading')}</p>
      {data?.statusMessage ? <p>{data.statusMessage}</p> : null}
      <button type="button" onClick={() => void refetch()}>
        Reload {uid}
      </button>
    </section>
  )
}

function Names({ label, users }: { label: string; users: User[] | undefined }) {
  return <ul aria-label={label}>{users?.map((user) => <li key={user.uid}>{user.name}</li>)}</ul>
}

function List({ label, filters }: { label: string; filters: UsersQueryInput }) {
  const { data } = useUsers(filters)
  return <Names label={label} users={data?.users} />
}

function Infinite() {
  const { data, hasNextPage, fetchNextPage } = useInfiniteUsers({ perPage: 2 })
  return (
    <>
      <Names label="everyone" users={data?.pages.flatMap((page) => page.users)} />
      {hasNextPage ? (
        <button type="button" onClick={() => void fetchNextPage()}>
          More
        </button>
      ) : null}
    </>
  )
}

function Me() {
  const name = useCurrentUser((state) => state.user?.name)
  return <section aria-label="me">{name ?? 'nobody'}</section>
}

/** The detail of `uid`, two lists with different filters, two pages of an infinite list, and the store. */
async function showEverywhere(h: ReactHarness, uid: string): Promise<void> {
  render(
    <>
      <Detail uid={uid} />
      <List label="team" filters={{ tags: ['team'] }} />
      <List label="starting with a" filters={{ searchKey: 'a' }} />
      <Infinite />
      <Me />
    </>,
    { wrapper: h.wrapper },
  )
  await userEvent.setup().click(await screen.findByRole('button', { name: 'More' }))
  await waitFor(() => expect(within(list('everyone')).getAllByRole('listitem')).toHaveLength(4))
  await waitFor(() => expect(h.queryClient.isFetching()).toBe(0))
}

const list = (name: string): HTMLElement => screen.getByRole('list', { name })
const detail = (uid: string): HTMLElement => screen.getByRole('region', { name: `detail of ${uid}` })

/** Every copy of `uid` the cache holds: its detail, `me`, and each list and page that lists it. */
function copiesOf(h: ReactHarness, uid: string): Array<{ key: readonly unknown[]; user: User }> {
  const copies: Array<{ key: readonly unknown[]; user: User }> = []
  for (const [key, data] of h.queryClient.getQueriesData({ queryKey: userKeys.all })) {
    if (!data || typeof data !== 'object') continue
    const users =
      'pages' in data
        ? (data as InfiniteData<UserPage>).pages.flatMap((page) => page.users)
        : 'users' in data
          ? (data as UserPage).users
          : [data as User]
    for (const user of users) if (user.uid === uid) copies.push({ key, user })
  }
  return copies
}

/** The detail, both lists and both pages hold `uid`. */
function expectLoadedEverywhere(h: ReactHarness, uid: string): void {
  const kinds = copiesOf(h, uid).map(({ key }) => JSON.stringify(key))
  expect(kinds).toEqual(
    expect.arrayContaining([
      JSON.stringify(userKeys.detail(uid)),
      JSON.stringify(userKeys.list({ tags: ['team'] })),
      JSON.stringify(userKeys.list({ searchKey: 'a' })),
      JSON.stringify(userKeys.infinite({ perPage: 2 })),
    ]),
  )
}

/** Everything Userkit keeps for the app: to compare before and after a rollback. */
function everything(h: ReactHarness): { cache: unknown; user: User | null } {
  return { cache: h.queryClient.getQueriesData({ queryKey: userKeys.all }), user: h.store.getState().user }
}

function updateHook(h: ReactHarness) {
  return renderHook(() => useUpdateUser(), { wrapper: h.wrapper }).result
}

function updateMeHook(h: ReactHarness) {
  return renderHook(() => useUpdateCurrentUser(), { wrapper: h.wrapper }).result
}

/** Starts a mutation without waiting for it; resolves to its user or its error. */
function start<T>(run: () => Promise<T>): Promise<T | UserkitError> {
  let pending!: Promise<T | UserkitError>
  act(() => {
    pending = run().catch((error: UserkitError) => error)
  })
  return pending
}

const puts = (h: ReactHarness) => h.sent.filter((sent) => sent.method === 'PUT')

describe('useUpdateUser', () => {
  it('shows the new value in the detail, every loaded list and page before the server answers, then keeps the server copy', async () => {
    const h = await seeded()
    await h.loginAs('root')
    await showEverywhere(h, 'ada')
    expectLoadedEverywhere(h, 'ada')
    const update = updateHook(h)

    h.gate.hold()
    const done = start(() => update.current.mutateAsync({ uid: 'ada', name: 'Ada Lovelace' }))
    await within(detail('ada')).findByText('Ada Lovelace')
    for (const name of ['team', 'starting with a', 'everyone']) expect(within(list(name)).getByText('Ada Lovelace')).toBeTruthy()
    for (const { user } of copiesOf(h, 'ada')) expect(user.name).toBe('Ada Lovelace')
    // The request is on its way (its answer held): the server has the change once it arrives.
    await waitFor(async () => expect(await h.server.getUser('ada')).toMatchObject({ name: 'Ada Lovelace' }))
    expect(screen.queryByText('Ada')).toBeNull()

    h.gate.release()
    const saved = (await done) as User
    expect(saved).toMatchObject({ uid: 'ada', name: 'Ada Lovelace' })
    await waitFor(() => expect(update.current.isSuccess).toBe(true))
    for (const { user } of copiesOf(h, 'ada')) expect(user).toEqual(saved)
  })

  it('settles every entry on the server answer: a name sent as "  Ada Byron  " ends as "Ada Byron"', async () => {
    const h = await seeded()
    await h.loginAs('root')
    await showEverywhere(h, 'ada')
    const update = updateHook(h)

    h.gate.hold()
    const done = start(() => update.current.mutateAsync({ uid: 'ada', name: '  Ada Byron  ' }))
    await waitFor(() => expect(copiesOf(h, 'ada').map(({ user }) => user.name)).toContain('  Ada Byron  '))
    h.gate.release()
    const saved = (await done) as User

    expect(saved.name).toBe('Ada Byron')
    const copies = copiesOf(h, 'ada')
    expect(copies.length).toBeGreaterThanOrEqual(4)
    for (const { user } of copies) expect(user.name).toBe('Ada Byron')
  })

  it('removes an `unset` field everywhere before the server answers', async () => {
    const h = await seeded()
    await h.loginAs('root')
    await showEverywhere(h, 'ada')
    expect(within(detail('ada')).getByText('Counting')).toBeTruthy()
    const update = updateHook(h)

    h.gate.hold()
    const done = start(() => update.current.mutateAsync({ uid: 'ada', unset: ['statusMessage'] }))
    await waitFor(() => expect(within(detail('ada')).queryByText('Counting')).toBeNull())
    for (const { user } of copiesOf(h, 'ada')) expect(user).not.toHaveProperty('statusMessage')
    h.gate.release()
    await done

    expect(update.current.error).toBeNull()
    for (const { user } of copiesOf(h, 'ada')) expect(user).not.toHaveProperty('statusMessage')
    expect(await h.server.getUser('ada')).not.toHaveProperty('statusMessage')
  })

  it('puts back exactly what was there when the server refuses a bad value, with the field named', async () => {
    const h = await seeded()
    await h.loginAs('root')
    await showEverywhere(h, 'ada')
    const before = everything(h)
    const update = updateHook(h)

    h.gate.hold()
    const done = start(() => update.current.mutateAsync({ uid: 'ada', name: 'x'.repeat(101) }))
    await within(detail('ada')).findByText('x'.repeat(101))
    h.gate.release()
    const error = await done

    expect(error).toBeInstanceOf(UserkitError)
    expect(error).toMatchObject({ code: 'ERR_BAD_REQUEST', status: 400 })
    expect((error as UserkitError).details?.name?.length).toBeGreaterThan(0)
    await waitFor(() => expect(update.current.isError).toBe(true))
    expect(everything(h)).toStrictEqual(before)
    expect(within(detail('ada')).getByText('Ada')).toBeTruthy()
  })

  it('puts back exactly what was there when the network fails', async () => {
    const h = await seeded()
    await h.loginAs('root')
    await showEverywhere(h, 'ada')
    const before = everything(h)
    const update = updateHook(h)

    h.network.down = true
    const error = await start(() => update.current.mutateAsync({ uid: 'ada', name: 'Ada Lovelace', unset: ['statusMessage'] }))

    expect(error).toMatchObject({ code: 'ERR_NETWORK', status: 0 })
    expect(everything(h)).toStrictEqual(before)
    expect(within(detail('ada')).getByText('Ada')).toBeTruthy()
    expect(within(detail('ada')).getByText('Counting')).toBeTruthy()
  })

  it('sends the version on screen as If-Match and, when someone else saved meanwhile, ends on the server copy everywhere', async () => {
    const h = await seeded()
    await h.loginAs('root')
    await showEverywhere(h, 'ada')
    const onScreen = copiesOf(h, 'ada')[0]!.user
    const theirs = await h.admin.updateUser('ada', { name: 'Ada King' })
    const update = updateHook(h)

    h.gate.hold()
    const done = start(() => update.current.mutateAsync({ uid: 'ada', name: 'Ada Lovelace' }))
    await within(detail('ada')).findByText('Ada Lovelace')
    h.gate.release()
    const error = await done

    expect(puts(h).at(-1)).toMatchObject({ path: '/v3.0/users/ada', ifMatch: userEtag(onScreen) })
    expect(error).toMatchObject({ code: 'ERR_CONFLICT', status: 412 })
    const current = (error as UserkitError).current!
    expect(current).toMatchObject({ uid: 'ada', name: 'Ada King', updatedAt: theirs.updatedAt })
    const copies = copiesOf(h, 'ada')
    expect(copies.length).toBeGreaterThanOrEqual(4)
    for (const { user } of copies) expect(user).toEqual(current)
    await waitFor(() => expect(screen.getAllByText('Ada King')).toHaveLength(4))
    expect(screen.queryByText('Ada Lovelace')).toBeNull()
  })

  it('changes the logged-in user in the store too when that is who is updated', async () => {
    const h = await seeded()
    await h.loginAs('root')
    await showEverywhere(h, 'root')
    const update = updateHook(h)

    h.gate.hold()
    const done = start(() => update.current.mutateAsync({ uid: 'root', name: 'Ann Rooted' }))
    await within(screen.getByRole('region', { name: 'me' })).findByText('Ann Rooted')
    expect(within(detail('root')).getByText('Ann Rooted')).toBeTruthy()
    for (const name of ['team', 'starting with a', 'everyone']) expect(within(list(name)).getByText('Ann Rooted')).toBeTruthy()
    h.gate.release()
    const saved = (await done) as User

    expect(h.store.getState().user).toEqual(saved)
    for (const { user } of copiesOf(h, 'root')) expect(user).toEqual(saved)
  })
})

describe('useUpdateCurrentUser', () => {
  it('shows the new value in the store, the detail and every loaded list and page before the server answers', async () => {
    const h = await seeded()
    await h.loginAs('ada')
    await showEverywhere(h, 'ada')
    expectLoadedEverywhere(h, 'ada')
    const update = updateMeHook(h)

    h.gate.hold()
    const done = start(() => update.current.mutateAsync({ name: '  Ada Lovelace  ' }))
    await within(screen.getByRole('region', { name: 'me' })).findByText('Ada Lovelace')
    expect(h.store.getState().user?.name).toBe('  Ada Lovelace  ')
    expect(within(detail('ada')).getByText('Ada Lovelace')).toBeTruthy()
    for (const name of ['team', 'starting with a', 'everyone']) expect(within(list(name)).getByText('Ada Lovelace')).toBeTruthy()
    h.gate.release()
    const saved = (await done) as User

    expect(saved.name).toBe('Ada Lovelace')
    expect(saved).not.toHaveProperty('authToken')
    expect(h.store.getState().user).toEqual(saved)
    for (const { user } of copiesOf(h, 'ada')) expect(user).toEqual(saved)
  })

  it('never sends uid or role, and the role stays', async () => {
    const h = await seeded()
    await h.loginAs('ada')
    await showEverywhere(h, 'ada')
    const update = updateMeHook(h)

    const sneaky = { name: 'Ada Admin', uid: 'root', role: 'admin' } as unknown as Parameters<typeof update.current.mutateAsync>[0]
    const saved = (await start(() => update.current.mutateAsync(sneaky))) as User

    expect(update.current.error).toBeNull()
    const put = puts(h).at(-1)!
    expect(put.path).toBe('/v3.0/me')
    expect(put.body).toEqual({ name: 'Ada Admin' })
    expect(saved).toMatchObject({ uid: 'ada', name: 'Ada Admin', role: 'default' })
    expect(h.store.getState().user).toMatchObject({ uid: 'ada', role: 'default' })
    expect(await h.server.getUser('ada')).toMatchObject({ role: 'default' })
    expect(await h.server.getUser('root')).toMatchObject({ name: 'Ann Root', role: 'admin' })
  })

  it('puts back exactly what was there, store included, when the server refuses a bad value', async () => {
    const h = await seeded()
    await h.loginAs('ada')
    await showEverywhere(h, 'ada')
    const before = everything(h)
    const update = updateMeHook(h)

    h.gate.hold()
    const done = start(() => update.current.mutateAsync({ name: 'x'.repeat(101) }))
    await within(screen.getByRole('region', { name: 'me' })).findByText('x'.repeat(101))
    h.gate.release()
    const error = await done

    expect(error).toMatchObject({ code: 'ERR_BAD_REQUEST', status: 400, details: { name: expect.any(Array) } })
    expect(everything(h)).toStrictEqual(before)
    expect(within(screen.getByRole('region', { name: 'me' })).getByText('Ada')).toBeTruthy()
  })

  it('puts back exactly what was there, store included, when the network fails', async () => {
    const h = await seeded()
    await h.loginAs('ada')
    await showEverywhere(h, 'ada')
    const before = everything(h)
    const update = updateMeHook(h)

    h.network.down = true
    const error = await start(() => update.current.mutateAsync({ name: 'Ada Lovelace' }))

    expect(error).toMatchObject({ code: 'ERR_NETWORK' })
    expect(everything(h)).toStrictEqual(before)
  })

  it('after a conflict ends on the server copy in the cache and the store, having sent the version on screen', async () => {
    const h = await seeded()
    await h.loginAs('ada')
    await showEverywhere(h, 'ada')
    const onScreen = h.store.getState().user!
    await h.admin.updateUser('ada', { name: 'Ada King' })
    const update = updateMeHook(h)

    const error = await start(() => update.current.mutateAsync({ name: 'Ada Lovelace' }))

    expect(puts(h).at(-1)).toMatchObject({ path: '/v3.0/me', ifMatch: userEtag(onScreen) })
    expect(error).toMatchObject({ code: 'ERR_CONFLICT', status: 412 })
    const current = (error as UserkitError).current!
    expect(current.name).toBe('Ada King')
    expect(h.store.getState().user).toEqual(current)
    for (const { user } of copiesOf(h, 'ada')) expect(user).toEqual(current)
    expect(await within(screen.getByRole('region', { name: 'me' })).findByText('Ada King')).toBeTruthy()
  })
})

describe('creating, deactivating and reactivating', () => {
  it('shows a created user in a list it belongs to without a manual refetch', async () => {
    const h = await seeded()
    await h.loginAs('root')
    render(<List label="team" filters={{ tags: ['team'] }} />, { wrapper: h.wrapper })
    await within(list('team')).findByText('Ada')
    const create = renderHook(() => useCreateUser(), { wrapper: h.wrapper }).result

    await act(() => create.current.mutateAsync({ uid: 'cleo', name: 'Cleo', tags: ['team'] }))

    expect(await within(list('team')).findByText('Cleo')).toBeTruthy()
    expect(copiesOf(h, 'cleo').map(({ key }) => key)).toContainEqual(userKeys.detail('cleo'))
  })

  it('drops a deactivated user from every loaded list and view at once; reactivating brings them back', async () => {
    const h = await seeded()
    await h.loginAs('root')
    await showEverywhere(h, 'ada')
    const deactivate = renderHook(() => useDeactivateUser(), { wrapper: h.wrapper }).result
    const reactivate = renderHook(() => useReactivateUser(), { wrapper: h.wrapper }).result

    await act(() => deactivate.current.mutateAsync({ uid: 'ada' }))

    for (const name of ['team', 'starting with a', 'everyone']) {
      await waitFor(() => expect(within(list(name)).queryByText('Ada')).toBeNull())
    }
    // No reload: the view showing ada learns of it by itself.
    expect(await within(detail('ada')).findByText('ERR_UID_NOT_FOUND')).toBeTruthy()

    await act(() => reactivate.current.mutateAsync({ uid: 'ada' }))

    for (const name of ['team', 'starting with a', 'everyone']) expect(await within(list(name)).findByText('Ada')).toBeTruthy()
    expect(await within(detail('ada')).findByText('Ada')).toBeTruthy()
  })
})

function HidingBlocked() {
  const { data } = useUsers({ hideBlockedUsers: true })
  return <Names label="not blocked" users={data?.users} />
}

function Blocked() {
  const { data } = useBlockedUsers()
  return <Names label="blocked" users={data?.users} />
}

describe('blocking', () => {
  it('marks a blocked user in every loaded entry, hides them where asked and lists them as blocked; unblocking reverses it', async () => {
    const h = await seeded()
    await h.loginAs('root')
    await showEverywhere(h, 'ada')
    render(
      <>
        <HidingBlocked />
        <Blocked />
      </>,
      { wrapper: h.wrapper },
    )
    await within(list('not blocked')).findByText('Ada')
    await waitFor(() => expect(h.queryClient.isFetching()).toBe(0))
    expect(within(list('blocked')).queryAllByRole('listitem')).toHaveLength(0)
    const block = renderHook(() => useBlock(), { wrapper: h.wrapper }).result
    const unblock = renderHook(() => useUnblock(), { wrapper: h.wrapper }).result

    await act(() => block.current.mutateAsync(['ada']))

    await waitFor(() => expect(within(list('not blocked')).queryByText('Ada')).toBeNull())
    expect(await within(list('blocked')).findByText('Ada')).toBeTruthy()
    expectLoadedEverywhere(h, 'ada')
    for (const { user } of copiesOf(h, 'ada')) expect(user.blockedByMe).toBe(true)
    for (const name of ['team', 'starting with a', 'everyone']) expect(within(list(name)).getByText('Ada')).toBeTruthy()

    await act(() => unblock.current.mutateAsync(['ada']))

    expect(await within(list('not blocked')).findByText('Ada')).toBeTruthy()
    await waitFor(() => expect(within(list('blocked')).queryByText('Ada')).toBeNull())
    for (const { user } of copiesOf(h, 'ada')) expect(user.blockedByMe).toBe(false)
  })
})
