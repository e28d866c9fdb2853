import { act, render, renderHook, waitFor, type RenderResult } from '@testing-library/react'
import { memo, type ReactNode } from 'react'
import { useUpdateUser, useUser, useUsers } from '../../src/react/index.js'
import { createReactHarness, type ReactHarness } from './harness.js'

// The figures the benchmark prints, measured the way the tests check them. They render with
// Testing Library, so they need a DOM (vitest's jsdom environment).

/** Puts users straight into the server's store: fast enough for a thousand. */
export async function seedStored(h: ReactHarness, users: Array<{ uid: string; name: string; role?: string }>): Promise<void> {
  const now = Math.floor(Date.now() / 1000)
  for (const { uid, name, role = 'default' } of users) {
    await h.server.createUser({ uid, name, role, status: 'offline', createdAt: now, updatedAt: now })
  }
}

function until(ready: () => boolean, what: string): Promise<void> {
  return waitFor(
    () => {
      if (!ready()) throw new Error(`still waiting for ${what}`)
    },
    { timeout: 15_000 },
  )
}

export interface ManyUsersOptions {
  /** @default 100 */
  components?: number
  /** Distinct uids among the components; component `i` shows uid `i % distinct`. @default 60 */
  distinct?: number
  /** @default true */
  batchGetUser?: boolean
}

export interface ManyUsers {
  h: ReactHarness
  view: RenderResult
  /** The uid each component asked for, in order. */
  uids: string[]
  /** A uid among them that no user has. */
  missing: string
}

const uidOf = (i: number): string => `user-${String(i).padStart(2, '0')}`
export const nameOf = (uid: string): string => `Name of ${uid}`

function UserItem({ uid }: { uid: string }): ReactNode {
  const { data, error } = useUser(uid)
  return <li>{`${uid}: ${error ? error.code : (data?.name ?? 'loading')}`}</li>
}

/**
 * `components` components calling `useUser`, mounted together, over `distinct` uids of which the
 * first has no user; resolves once every one of them shows its user or its error.
 */
export async function mountManyUsers({ components = 100, distinct = 60, batchGetUser = true }: ManyUsersOptions = {}): Promise<ManyUsers> {
  const h = createReactHarness({ batchGetUser })
  const missing = uidOf(0)
  const existing = Array.from({ length: distinct - 1 }, (_, i) => uidOf(i + 1))
  await seedStored(h, [{ uid: 'viewer', name: 'Viewer' }, ...existing.map((uid) => ({ uid, name: nameOf(uid) }))])
  await h.loginAs('viewer')
  const uids = Array.from({ length: components }, (_, i) => uidOf(i % distinct))
  const view = render(
    <ul aria-label="users">
      {uids.map((uid, i) => (
        <UserItem key={i} uid={uid} />
      ))}
    </ul>,
    { wrapper: h.wrapper },
  )
  await until(() => !view.container.textContent?.includes('loading') && h.queryClient.isFetching() === 0, 'every user')
  return { h, view, uids, missing }
}

/** Requests sent for 100 components asking for 60 distinct users, with `getUser` batching on and off. */
export async function measureBatching(options: Omit<ManyUsersOptions, 'batchGetUser'> = {}): Promise<{ batched: number; unbatched: number }> {
  const on = await mountManyUsers({ ...options, batchGetUser: true })
  on.view.unmount()
  const off = await mountManyUsers({ ...options, batchGetUser: false })
  off.view.unmount()
  return { batched: on.h.sent.length, unbatched: off.h.sent.length }
}

export interface RowRenders {
  rows: number
  /** Rows whose component rendered again after the update. */
  rerendered: number
  /** Which ones. */
  rerenderedUids: string[]
  /** Requests sent to show the list and its rows, before the update. */
  requestsToShow: number
  /** The updated row's uid and its new name. */
  updated: { uid: string; name: string }
}

/**
 * A list of `rows` users (`useUsers({ perPage })`) rendering memo'd rows that each read their user
 * with `useUser(uid)`; then one user is updated. Counts each row's renders before and after.
 */
export async function measureRowRenders({ rows = 1000 }: { rows?: number } = {}): Promise<RowRenders> {
  const h = createReactHarness()
  const uids = Array.from({ length: rows - 1 }, (_, i) => `row-${String(i).padStart(4, '0')}`)
  await seedStored(h, [{ uid: 'root', name: 'Root', role: 'admin' }, ...uids.map((uid) => ({ uid, name: nameOf(uid) }))])
  await h.loginAs('root')

  const renders = new Map<string, number>()
  const Row = memo(function Row({ uid }: { uid: string }): ReactNode {
    renders.set(uid, (renders.get(uid) ?? 0) + 1)
    const { data } = useUser(uid)
    return <li>{data?.name ?? 'loading'}</li>
  })
  function Rows(): ReactNode {
    const { data } = useUsers({ perPage: rows })
    return <ul aria-label="rows">{data?.users.map((user) => <Row key={user.uid} uid={user.uid} />)}</ul>
  }
  const view = render(<Rows />, { wrapper: h.wrapper })
  await until(() => renders.size === rows && h.queryClient.isFetching() === 0, 'every row')
  const requestsToShow = h.sent.length

  const before = new Map(renders)
  const updated = { uid: uids[Math.floor(uids.length / 2)]!, name: 'Renamed' }
  const update = renderHook(() => useUpdateUser(), { wrapper: h.wrapper })
  await act(() => update.result.current.mutateAsync({ uid: updated.uid, name: updated.name }))
  await until(() => view.container.textContent?.includes(updated.name) ?? false, 'the renamed row')

  const rerenderedUids = [...renders].filter(([uid, count]) => count !== before.get(uid)).map(([uid]) => uid)
  update.unmount()
  view.unmount()
  return { rows, rerendered: rerenderedUids.length, rerenderedUids, requestsToShow, updated }
}
