import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import type { User } from '../../src/model/index.js'
import { useBulkUsers, useCurrentUser, useUsers } from '../../src/react/index.js'
import { createReactHarness, type ReactHarness } from './harness.js'

afterEach(cleanup)

// Root manages users; Ann, Ben and Cat are on the loaded page with them.
async function loaded() {
  const h: ReactHarness = createReactHarness({ server: { roles: { admin: { manageUsers: true }, moderator: {}, default: {} } } })
  await h.seed({ uid: 'root', name: 'Root', role: 'admin' }, { uid: 'ann', name: 'Ann', tags: ['a'] }, { uid: 'ben', name: 'Ben' }, { uid: 'cat', name: 'Cat' })
  await h.loginAs('root')
  const view = renderHook(() => ({ list: useUsers({ perPage: 10 }), bulk: useBulkUsers(), me: useCurrentUser((state) => state.user) }), { wrapper: h.wrapper })
  await waitFor(() => expect(view.result.current.list.data?.users).toHaveLength(4))
  return { h, view }
}

const shown = (users: User[] | undefined, field: 'role' | 'tags') => Object.fromEntries((users ?? []).map((user) => [user.uid, user[field] ?? null]))

it('shows a role change by uid at once, and puts back exactly the users the server could not change', async () => {
  const { h, view } = await loaded()
  h.gate.hold()
  let done: Promise<unknown> = Promise.resolve()
  act(() => void (done = view.result.current.bulk.mutateAsync({ action: 'setRole', role: 'moderator', target: { uids: ['ann', 'root'] } })))
  // The server has not answered: every loaded copy, and the signed-in user, show the change.
  await waitFor(() => expect(shown(view.result.current.list.data?.users, 'role')).toEqual({ root: 'moderator', ann: 'moderator', ben: 'default', cat: 'default' }))
  expect(view.result.current.me?.role).toBe('moderator')
  // Its answer: Ann changed; Root may not change their own role. The reload after it fails, so what
  // shows is the rollback itself, not a fresh copy.
  h.network.down = true
  h.gate.release()
  await act(() => done)
  expect(shown(view.result.current.list.data?.users, 'role')).toEqual({ root: 'admin', ann: 'moderator', ben: 'default', cat: 'default' })
  expect(view.result.current.me?.role).toBe('admin')
  h.network.down = false
  expect((await h.admin.getUser('ann')).role).toBe('moderator')
})

it('puts every user back when the action is refused whole, and leaves a filter target to the server', async () => {
  const { h, view } = await loaded()
  h.network.down = true
  await act(async () => {
    await expect(view.result.current.bulk.mutateAsync({ action: 'addTags', tags: ['vip'], target: { uids: ['ann', 'ben'] } })).rejects.toMatchObject({ code: 'ERR_NETWORK' })
  })
  expect(shown(view.result.current.list.data?.users, 'tags')).toEqual({ root: null, ann: ['a'], ben: null, cat: null })
  h.network.down = false
  // By filter: nothing changes on screen before the server has chosen the users.
  h.gate.hold()
  let done: Promise<unknown> = Promise.resolve()
  act(() => void (done = view.result.current.bulk.mutateAsync({ action: 'addTags', tags: ['vip'], target: { filter: { tags: ['a'] } } })))
  await waitFor(() => expect(h.sent.some((sent) => sent.path === '/v3.0/bulk_actions')).toBe(true))
  expect(shown(view.result.current.list.data?.users, 'tags')).toEqual({ root: null, ann: ['a'], ben: null, cat: null })
  h.gate.release()
  await act(() => done)
  await waitFor(() => expect(shown(view.result.current.list.data?.users, 'tags')).toEqual({ root: null, ann: ['a', 'vip'], ben: null, cat: null }))
})
