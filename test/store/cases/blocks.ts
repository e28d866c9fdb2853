import { expect, it } from 'vitest'
import { aUser, listUids, seed } from './fixtures.js'
import type { GetStore } from './fixtures.js'

const none = { blockedByMe: new Set(), hasBlockedMe: new Set() }

export function blockCases(store: GetStore): void {
  it('reports who the viewer blocked and who blocked the viewer, among the uids asked', async () => {
    await store().block('me', ['a', 'b'])
    await store().block('b', ['me'])
    await store().block('c', ['me'])
    await store().block('a', ['c'])
    expect(await store().blockRelations('me', ['a', 'b', 'c', 'd'])).toStrictEqual({
      blockedByMe: new Set(['a', 'b']),
      hasBlockedMe: new Set(['b', 'c']),
    })
    expect(await store().blockRelations('me', ['d'])).toStrictEqual(none)
    expect(await store().blockRelations('me', [])).toStrictEqual(none)
  })

  it('finds a user with its blocks with the viewer in one lookup', async () => {
    await seed(store(), [aUser('me'), aUser('a'), aUser('b'), aUser('c', { deactivatedAt: 5 })])
    await store().block('me', ['a', 'c'])
    await store().block('b', ['me'])
    await store().block('a', ['b'])
    expect(await store().getUserSeenBy('a', 'me')).toStrictEqual({ user: aUser('a'), blockedByMe: true, hasBlockedMe: false })
    expect(await store().getUserSeenBy('b', 'me')).toStrictEqual({ user: aUser('b'), blockedByMe: false, hasBlockedMe: true })
    expect(await store().getUserSeenBy('me', 'a')).toStrictEqual({ user: aUser('me'), blockedByMe: false, hasBlockedMe: true })
    expect(await store().getUserSeenBy('b', 'nobody')).toStrictEqual({ user: aUser('b'), blockedByMe: false, hasBlockedMe: false })
    // Whatever its state, as getUser: the caller decides what a deactivated user is.
    expect(await store().getUserSeenBy('c', 'me')).toStrictEqual({ user: aUser('c', { deactivatedAt: 5 }), blockedByMe: true, hasBlockedMe: false })
    expect(await store().getUserSeenBy('absent', 'me')).toBeNull()
  })

  it('accepts blocking someone already blocked, and duplicates in one call', async () => {
    await store().block('me', ['a'])
    await store().block('me', ['a', 'a', 'b'])
    expect((await store().blockRelations('me', ['a', 'b'])).blockedByMe).toStrictEqual(new Set(['a', 'b']))
  })

  it('unblocks only the uids named, leaving the other direction alone', async () => {
    await store().block('me', ['a', 'b'])
    await store().block('a', ['me'])
    await store().unblock('me', ['a', 'never-blocked'])
    expect(await store().blockRelations('me', ['a', 'b'])).toStrictEqual({
      blockedByMe: new Set(['b']),
      hasBlockedMe: new Set(['a']),
    })
    await store().unblock('me', [])
    expect((await store().blockRelations('me', ['b'])).blockedByMe).toStrictEqual(new Set(['b']))
  })

  it('hides users blocked by the viewer and users who blocked the viewer', async () => {
    await seed(store(), [aUser('me'), aUser('blocked-by-me'), aUser('blocks-me'), aUser('friend')])
    await store().block('me', ['blocked-by-me'])
    await store().block('blocks-me', ['me'])
    await store().block('friend', ['blocked-by-me'])
    expect(await listUids(store(), { hideBlockedFor: 'me' })).toStrictEqual(['friend', 'me'])
    expect(await listUids(store(), { hideBlockedFor: 'friend' })).toStrictEqual(['blocks-me', 'friend', 'me'])
  })

  it('lists only the users a uid has blocked, with filters and totals', async () => {
    await seed(store(), [aUser('me'), aUser('x', { status: 'online' }), aUser('y'), aUser('z')])
    await store().block('me', ['x', 'y'])
    await store().block('z', ['me'])
    const result = await store().listUsers({ limit: 1, offset: 0, deactivated: 'include', sortBy: 'name', sortOrder: 'desc', blockedBy: 'me' })
    expect(result.users.map((u) => u.uid)).toStrictEqual(['y'])
    expect(result.total).toBe(2)
    expect(await listUids(store(), { blockedBy: 'me', status: 'online' })).toStrictEqual(['x'])
    expect(await listUids(store(), { blockedBy: 'nobody' })).toStrictEqual([])
  })

  it('lists, by direction, the users a uid blocked, the users who blocked it, or both', async () => {
    await seed(store(), [aUser('me'), aUser('a'), aUser('b'), aUser('c'), aUser('d')])
    await store().block('me', ['a', 'b'])
    await store().block('b', ['me'])
    await store().block('c', ['me'])
    await store().block('d', ['a'])
    expect(await listUids(store(), { blockedBy: 'me', blockDirection: 'blockedByMe' })).toStrictEqual(['a', 'b'])
    expect(await listUids(store(), { blockedBy: 'me', blockDirection: 'hasBlockedMe' })).toStrictEqual(['b', 'c'])
    expect(await listUids(store(), { blockedBy: 'me', blockDirection: 'both' })).toStrictEqual(['a', 'b', 'c'])
    const page = await store().listUsers({ limit: 2, offset: 2, deactivated: 'include', sortBy: 'name', sortOrder: 'asc', blockedBy: 'me', blockDirection: 'both' })
    expect({ uids: page.users.map((u) => u.uid), total: page.total }).toStrictEqual({ uids: ['c'], total: 3 })
  })
}
