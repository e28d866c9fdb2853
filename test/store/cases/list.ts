import { expect, it } from 'vitest'
import { aUser, everyone, listUids, seed, T0 } from './fixtures.js'
import type { GetStore } from './fixtures.js'

// Expected: lowercased names in code-point order (PostgreSQL's COLLATE "C"), uid breaking ties.
const mixed = [
  aUser('m13', { name: '😀 Smile' }),
  aUser('m12', { name: 'Ｚenkaku' }),
  aUser('m11', { name: '山田' }),
  aUser('m10', { name: 'ΟΔΟΣ' }),
  aUser('m09', { name: 'Émile' }),
  aUser('m08', { name: 'Zoë' }),
  aUser('m07', { name: 'zed' }),
  aUser('m06', { name: 'bob' }),
  aUser('m05', { name: 'Bob' }),
  aUser('m04', { name: 'apple' }),
  aUser('m03', { name: 'Alice' }),
  aUser('m02', { name: '_under' }),
  aUser('m01', { name: '42' }),
]
const mixedOrder = ['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10', 'm11', 'm12', 'm13']

export function listCases(store: GetStore): void {
  it('sorts names case-insensitively in code-point order, uid breaking ties', async () => {
    await seed(store(), mixed)
    expect(await listUids(store(), {})).toStrictEqual(mixedOrder)
    expect(await listUids(store(), { sortOrder: 'desc' })).toStrictEqual([...mixedOrder].reverse())
  })

  it('sorts by status with online users first, then by name; desc reverses it all', async () => {
    await seed(store(), [
      aUser('c', { name: 'Carol', status: 'online' }),
      aUser('a', { name: 'alice' }),
      aUser('b', { name: 'Bob', status: 'online' }),
      aUser('d', { name: 'dave' }),
    ])
    expect(await listUids(store(), { sortBy: 'status' })).toStrictEqual(['b', 'c', 'a', 'd'])
    expect(await listUids(store(), { sortBy: 'status', sortOrder: 'desc' })).toStrictEqual(['d', 'a', 'c', 'b'])
  })

  it('pages with limit and offset and counts every match in total', async () => {
    await seed(store(), mixed)
    const page = await store().listUsers({ ...everyone, limit: 5, offset: 5 })
    expect(page.users.map((u) => u.uid)).toStrictEqual(mixedOrder.slice(5, 10))
    expect(page.total).toBe(13)
    const last = await store().listUsers({ ...everyone, limit: 5, offset: 10 })
    expect(last.users.map((u) => u.uid)).toStrictEqual(mixedOrder.slice(10))
    expect(last.total).toBe(13)
  })

  it('reports the total past the last page', async () => {
    await seed(store(), mixed)
    expect(await store().listUsers({ ...everyone, limit: 5, offset: 50 })).toStrictEqual({ users: [], total: 13 })
  })

  it('answers an empty store with no users and a zero total', async () => {
    expect(await store().listUsers(everyone)).toStrictEqual({ users: [], total: 0 })
  })

  it('lists full users with absent fields absent', async () => {
    const user = aUser('x', { metadata: { a: [1] }, tags: ['t'], lastActiveAt: T0 })
    await seed(store(), [user, aUser('y')])
    expect((await store().listUsers(everyone)).users).toStrictEqual([user, aUser('y')])
  })

  it('searches a case-insensitive prefix of uid or name', async () => {
    await seed(store(), [
      aUser('alice', { name: 'Wonder' }),
      aUser('zed', { name: 'ALIbaba' }),
      aUser('malia', { name: 'Malia' }),
    ])
    const search = (key: string, fields: ('uid' | 'name')[] = []) => listUids(store(), { search: { key, in: fields } })
    expect(await search('ALI')).toStrictEqual(['zed', 'alice'])
    expect(await search('ali', ['uid'])).toStrictEqual(['alice'])
    expect(await search('Ali', ['name'])).toStrictEqual(['zed'])
    expect(await search('ali', ['uid', 'name'])).toStrictEqual(['zed', 'alice'])
    expect(await search('lia')).toStrictEqual([])
    expect(await search('')).toStrictEqual(['zed', 'malia', 'alice'])
  })

  it('never takes %, _ or \\ in the search key as a pattern; in names, words are what count', async () => {
    await seed(store(), [
      aUser('a_b', { name: '100% real' }),
      aUser('axb', { name: '100 percent' }),
      aUser('u3', { name: 'back\\slash' }),
      aUser('u4', { name: 'backXslash' }),
      aUser('u5', { name: '%start' }),
    ])
    const search = (key: string, fields: ('uid' | 'name')[] = []) => listUids(store(), { search: { key, in: fields } })
    // The words of "100%" and "back\\" are 100 and back.
    expect(await search('100%')).toStrictEqual(['axb', 'a_b'])
    expect(await search('%')).toStrictEqual([])
    expect(await search('a_', ['uid'])).toStrictEqual(['a_b'])
    expect(await search('_')).toStrictEqual([])
    expect(await search('back\\')).toStrictEqual(['u3', 'u4'])
    expect(await search('back\\s')).toStrictEqual(['u3'])
    expect(await search("100' OR '1'='1")).toStrictEqual([])
  })

  it('searches unicode names with JavaScript lowercasing, final sigma included', async () => {
    await seed(store(), mixed)
    const search = (key: string) => listUids(store(), { search: { key, in: ['name'] } })
    expect(await search('ÉM')).toStrictEqual(['m09'])
    expect(await search('οδος')).toStrictEqual(['m10'])
    expect(await search('山')).toStrictEqual(['m11'])
    expect(await search('😀 s')).toStrictEqual(['m13'])
    expect(await search('ｚ')).toStrictEqual(['m12'])
  })

  it('filters by status, roles, tags (any of) and uids', async () => {
    await seed(store(), [
      aUser('a', { role: 'admin', tags: ['x', 'y'], status: 'online' }),
      aUser('b', { role: 'mod', tags: ['z'] }),
      aUser('c', { role: 'default' }),
    ])
    expect(await listUids(store(), { status: 'online' })).toStrictEqual(['a'])
    expect(await listUids(store(), { status: 'offline' })).toStrictEqual(['b', 'c'])
    expect(await listUids(store(), { roles: ['admin', 'mod'] })).toStrictEqual(['a', 'b'])
    expect(await listUids(store(), { tags: ['y', 'z'] })).toStrictEqual(['a', 'b'])
    expect(await listUids(store(), { tags: ['nope'] })).toStrictEqual([])
    expect(await listUids(store(), { uids: ['c', 'a', 'ghost'] })).toStrictEqual(['a', 'c'])
    expect(await listUids(store(), { roles: ['admin'], tags: ['z'] })).toStrictEqual([])
  })

  it('matches nothing for an empty roles, tags or uids list', async () => {
    await seed(store(), [aUser('a', { tags: ['x'] })])
    expect(await listUids(store(), { roles: [] })).toStrictEqual([])
    expect(await listUids(store(), { tags: [] })).toStrictEqual([])
    expect(await listUids(store(), { uids: [] })).toStrictEqual([])
  })

  it('excludes, keeps only, or includes deactivated users', async () => {
    await seed(store(), [aUser('on'), aUser('off', { deactivatedAt: T0 })])
    expect(await listUids(store(), { deactivated: 'exclude' })).toStrictEqual(['on'])
    expect(await listUids(store(), { deactivated: 'only' })).toStrictEqual(['off'])
    expect(await listUids(store(), { deactivated: 'include' })).toStrictEqual(['off', 'on'])
  })
}
