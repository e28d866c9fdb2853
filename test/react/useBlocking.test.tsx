import { act, cleanup, render, renderHook, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { InfiniteData } from '@tanstack/react-query'
import type { Outcomes, UserPage } from '../../src/client/index.js'
import type { UserkitError } from '../../src/model/index.js'
import { useBlockedUsers, useBlock, useInfiniteBlockedUsers, useUnblock, useUser, useUsers, userKeys } from '../../src/react/index.js'
import { createReactHarness, type ReactHarness } from './harness.js'

afterEach(cleanup)
// Real requests through the real handler: generous on a busy machine.

async function seeded(): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed({ uid: 'me', name: 'Me' }, { uid: 'ada', name: 'Ada' }, { uid: 'bob', name: 'Bob' }, { uid: 'cy', name: 'Cy' })
  await h.loginAs('me')
  return h
}

function Flag({ uid }: { uid: string }) {
  const { data } = useUser(uid)
  return <p aria-label={`flag of ${uid}`}>{data ? String(data.blockedByMe) : 'loading'}</p>
}

function Everyone() {
  const { data } = useUsers()
  return (
    <ul aria-label="everyone">
      {data?.users.map((user) => (
        <li key={user.uid}>{`${user.name}: ${String(user.blockedByMe)}`}</li>
      ))}
    </ul>
  )
}

function Blocked() {
  const { data } = useBlockedUsers()
  return <ul aria-label="blocked">{data?.users.map((user) => <li key={user.uid}>{user.name}</li>)}</ul>
}

const flag = (uid: string): string | null => screen.getByLabelText(`flag of ${uid}`).textContent
const blockedNames = (): string[] => within(screen.getByRole('list', { name: 'blocked' })).queryAllByRole('listitem').map((li) => li.textContent ?? '')

async function shown(h: ReactHarness): Promise<void> {
  render(
    <>
      <Flag uid="ada" />
      <Flag uid="bob" />
      <Everyone />
      <Blocked />
    </>,
    { wrapper: h.wrapper },
  )
  await waitFor(() => expect(flag('ada')).not.toBe('loading'))
  await waitFor(() => expect(h.queryClient.isFetching()).toBe(0))
}

/** Starts a mutation without waiting; resolves to its outcomes or its error. */
function start(run: () => Promise<Outcomes>): Promise<Outcomes | UserkitError> {
  let pending!: Promise<Outcomes | UserkitError>
  act(() => {
    pending = run().catch((error: UserkitError) => error)
  })
  return pending
}

describe('useBlock / useUnblock are optimistic', () => {
  it('flags a blocked user everywhere before the server answers, and keeps it once it has', async () => {
    const h = await seeded()
    await shown(h)
    const block = renderHook(() => useBlock(), { wrapper: h.wrapper }).result
    h.gate.hold()

    const done = start(() => block.current.mutateAsync(['ada']))

    await waitFor(() => expect(flag('ada')).toBe('true'))
    expect(within(screen.getByRole('list', { name: 'everyone' })).getByText('Ada: true')).toBeTruthy()
    expect(flag('bob')).toBe('false')
    h.gate.release()
    expect(await done).toMatchObject({ ada: { success: true } })
    expect(flag('ada')).toBe('true')
    await waitFor(() => expect(blockedNames()).toEqual(['Ada']))
    expect((await h.admin.getBlockedUsers({}, { blocker: 'me' })).users.map((user) => user.uid)).toEqual(['ada'])
  })

  it('rolls every copy back when the request fails', async () => {
    const h = await seeded()
    await shown(h)
    const before = h.queryClient.getQueriesData({ queryKey: userKeys.all })
    const block = renderHook(() => useBlock(), { wrapper: h.wrapper }).result
    h.network.down = true

    const error = await start(() => block.current.mutateAsync(['ada', 'bob']))

    expect((error as UserkitError).code).toBe('ERR_NETWORK')
    expect(flag('ada')).toBe('false')
    expect(flag('bob')).toBe('false')
    expect(h.queryClient.getQueriesData({ queryKey: userKeys.all })).toEqual(before)
  })

  it('rolls back only the uids the server refused', async () => {
    const h = await seeded()
    await shown(h)
    const block = renderHook(() => useBlock(), { wrapper: h.wrapper }).result
    // Bob is deactivated on the server, but still on screen.
    await h.admin.deleteUser('bob')

    const outcomes = await start(() => block.current.mutateAsync(['ada', 'bob']))

    expect(outcomes).toMatchObject({ ada: { success: true }, bob: { success: false } })
    // The rollback is in the cache; the screen follows on React's next render.
    await waitFor(() => expect(flag('bob')).toBe('false'))
    expect(flag('ada')).toBe('true')
  })

  it('takes an unblocked user out of the blocked list at once; puts them back where they were on failure', async () => {
    const h = await seeded()
    await h.client.blockUsers(['ada', 'bob', 'cy'])
    await shown(h)
    await waitFor(() => expect(blockedNames()).toEqual(['Ada', 'Bob', 'Cy']))
    const unblock = renderHook(() => useUnblock(), { wrapper: h.wrapper }).result

    h.network.down = true
    await start(() => unblock.current.mutateAsync(['bob']))
    expect(blockedNames()).toEqual(['Ada', 'Bob', 'Cy'])
    expect(flag('bob')).toBe('true')

    h.network.down = false
    h.gate.hold()
    const done = start(() => unblock.current.mutateAsync(['bob']))
    await waitFor(() => expect(blockedNames()).toEqual(['Ada', 'Cy']))
    expect(flag('bob')).toBe('false')
    const page = h.queryClient.getQueryData<{ pagination: { total: number } }>(userKeys.blocked())
    expect(page?.pagination.total).toBe(2)
    h.gate.release()
    await done
    await waitFor(() => expect(h.queryClient.isFetching()).toBe(0))
    expect(blockedNames()).toEqual(['Ada', 'Cy'])
    expect((await h.admin.getBlockedUsers({}, { blocker: 'me' })).users.map((user) => user.uid)).toEqual(['ada', 'cy'])
  })

  it('takes an unblocked user out of whichever loaded page holds them; puts them back on that page, in place, on failure', async () => {
    const h = await seeded()
    await h.seed({ uid: 'dee', name: 'Dee' }, { uid: 'eve', name: 'Eve' })
    await h.client.blockUsers(['ada', 'bob', 'cy', 'dee', 'eve'])
    // Read in the hook: a result re-renders only for the properties read while rendering.
    const pages = renderHook(
      () => {
        const { data, hasNextPage, fetchNextPage } = useInfiniteBlockedUsers({ perPage: 2 })
        return { data, hasNextPage, fetchNextPage }
      },
      { wrapper: h.wrapper },
    ).result
    await waitFor(() => expect(pages.current.hasNextPage).toBe(true))
    await act(() => pages.current.fetchNextPage())
    await waitFor(() => expect(pages.current.data?.pages).toHaveLength(2))
    await act(() => pages.current.fetchNextPage())
    await waitFor(() => expect(pages.current.data?.pages).toHaveLength(3))
    const pageNames = (): string[][] => pages.current.data?.pages.map((page) => page.users.map((user) => user.name)) ?? []
    expect(pageNames()).toEqual([['Ada', 'Bob'], ['Cy', 'Dee'], ['Eve']])
    expect(pages.current.hasNextPage).toBe(false)
    const before = h.queryClient.getQueryData(userKeys.infiniteBlocked({ perPage: 2 }))
    const unblock = renderHook(() => useUnblock(), { wrapper: h.wrapper }).result

    h.network.down = true
    await start(() => unblock.current.mutateAsync(['dee']))
    expect(h.queryClient.getQueryData(userKeys.infiniteBlocked({ perPage: 2 }))).toEqual(before)

    h.network.down = false
    h.gate.hold()
    const done = start(() => unblock.current.mutateAsync(['cy']))
    await waitFor(() => expect(pageNames()).toEqual([['Ada', 'Bob'], ['Dee'], ['Eve']]))
    const data = h.queryClient.getQueryData<InfiniteData<UserPage>>(userKeys.infiniteBlocked({ perPage: 2 }))
    expect(data?.pages.map((page) => [page.pagination.total, page.pagination.count])).toEqual([
      [4, 2],
      [4, 1],
      [4, 1],
    ])
    h.gate.release()
    await done
    // The pages refetched: Dee moves up to where the server now puts her.
    await waitFor(() => expect(pageNames()).toEqual([['Ada', 'Bob'], ['Dee', 'Eve']]))
    expect((await h.admin.getBlockedUsers({}, { blocker: 'me' })).users.map((user) => user.uid)).toEqual(['ada', 'bob', 'dee', 'eve'])
  })

  it('keeps the pages of blocked users under userKeys.blocked(), which invalidation and logout reach', () => {
    expect(userKeys.infiniteBlocked({ perPage: 2 })).toEqual(['userkit', 'blocked', { perPage: 2 }, 'infinite'])
    const h = createReactHarness()
    h.queryClient.setQueryData(userKeys.infiniteBlocked({ perPage: 2 }), { pages: [], pageParams: [] })
    expect(h.queryClient.getQueryCache().findAll({ queryKey: userKeys.blocked() }).map((query) => query.queryKey)).toEqual([
      userKeys.infiniteBlocked({ perPage: 2 }),
    ])
  })
})
