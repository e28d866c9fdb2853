import fc from 'fast-check'
import { expect, it } from 'vitest'
import type { ListUsersParams, StoredUser, UserStore } from '../../../src/server/store/index.js'
import { aUser, seed, T0 } from './fixtures.js'
import type { GetStore } from './fixtures.js'

const people: StoredUser[] = [
  aUser('u1', { name: 'Ann', role: 'admin', tags: ['x'], status: 'online' }),
  aUser('u2', { name: 'ann', role: 'mod', tags: ['y', 'z'] }),
  aUser('u3', { name: 'Ábel', tags: ['z'], status: 'online' }),
  aUser('u4', { name: 'bea', role: 'admin', deactivatedAt: T0 }),
  aUser('u5', { name: 'Ben', status: 'online', deactivatedAt: T0 }),
  aUser('a1', { name: 'Zack', role: 'mod', tags: ['x', 'y'] }),
  aUser('a2', { name: '李', status: 'online' }),
  aUser('b_1', { name: 'b_1', tags: ['w'] }),
  aUser('bx1', { name: 'Bx1', role: 'admin', status: 'online' }),
  aUser('ab', { name: '🎉 party', tags: ['x'] }),
  aUser('ba', { name: 'ａnn', role: 'mod', status: 'online', deactivatedAt: T0 }),
]
// [blocker, blocked]
const blockPairs: [string, string][] = [
  ['u1', 'u2'],
  ['u3', 'u1'],
  ['u1', 'a1'],
  ['a2', 'u5'],
  ['ba', 'u1'],
]

const base: ListUsersParams = { limit: 1000, offset: 0, deactivated: 'include', sortBy: 'name', sortOrder: 'asc' }

const dimensions: Partial<ListUsersParams>[][] = [
  [{ search: { key: 'a', in: [] } }, { search: { key: 'B', in: ['uid'] } }, { search: { key: 'b_', in: ['uid', 'name'] } }, { search: { key: 'ÁB', in: ['name'] } }],
  [{ status: 'online' }, { status: 'offline' }],
  [{ roles: ['admin', 'mod'] }, { roles: ['default'] }],
  [{ tags: ['x', 'z'] }, { tags: ['w'] }],
  [{ uids: ['u1', 'u3', 'u5', 'a2', 'ba', 'ghost'] }],
  [{ deactivated: 'exclude' }, { deactivated: 'only' }],
  [{ hideBlockedFor: 'u1' }, { hideBlockedFor: 'u5' }],
  [{ blockedBy: 'u1' }, { blockedBy: 'a2' }],
]
const sorts: Partial<ListUsersParams>[] = [
  { sortBy: 'name', sortOrder: 'asc' },
  { sortBy: 'name', sortOrder: 'desc' },
  { sortBy: 'status', sortOrder: 'asc' },
  { sortBy: 'status', sortOrder: 'desc' },
]

const blocked = (blocker: string, uid: string): boolean => blockPairs.some(([a, b]) => a === blocker && b === uid)
const utf8 = (text: string): Buffer => Buffer.from(text.toLowerCase(), 'utf8')

// Words as Unicode splits them, lowercased and without accents (short keys: no length cap to mind).
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })
const wordsOf = (text: string): string[] =>
  [...segmenter.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase())

/** The contract written out plainly, to hold every store to; ordering by UTF-8 bytes. */
function expectedUids(p: ListUsersParams): string[] {
  const key = p.search?.key
  const fields = p.search && p.search.in.length > 0 ? p.search.in : ['uid', 'name']
  // Every word of the key starts some word of the name.
  const nameHas = (name: string, words: string[]): boolean => words.length > 0 && words.every((word) => wordsOf(name).some((w) => w.startsWith(word)))
  const rows = people.filter(
    (u) =>
      (key === undefined || (fields.includes('uid') && u.uid.startsWith(key.toLowerCase())) || (fields.includes('name') && nameHas(u.name, wordsOf(key)))) &&
      (!p.status || u.status === p.status) &&
      (!p.roles || p.roles.includes(u.role)) &&
      (!p.tags || (u.tags ?? []).some((t) => p.tags!.includes(t))) &&
      (!p.uids || p.uids.includes(u.uid)) &&
      (p.deactivated !== 'exclude' || u.deactivatedAt === undefined) &&
      (p.deactivated !== 'only' || u.deactivatedAt !== undefined) &&
      (!p.hideBlockedFor || (!blocked(p.hideBlockedFor, u.uid) && !blocked(u.uid, p.hideBlockedFor))) &&
      (!p.blockedBy || blocked(p.blockedBy, u.uid)),
  )
  rows.sort((a, b) => {
    const online = p.sortBy === 'status' ? Number(b.status === 'online') - Number(a.status === 'online') : 0
    return online || Buffer.compare(utf8(a.name), utf8(b.name)) || Buffer.compare(utf8(a.uid), utf8(b.uid))
  })
  if (p.sortOrder === 'desc') rows.reverse()
  return rows.map((u) => u.uid)
}

async function seedPeople(store: UserStore): Promise<void> {
  await seed(store, people)
  for (const [blocker, uid] of blockPairs) await store.block(blocker, [uid])
}

async function expectPagesMatch(store: UserStore, params: ListUsersParams, pageSize: number): Promise<void> {
  const expected = expectedUids(params)
  const label = JSON.stringify(params)
  const seen: string[] = []
  for (let offset = 0; offset <= expected.length; offset += pageSize) {
    const page = await store.listUsers({ ...params, limit: pageSize, offset })
    expect(page.total, label).toBe(expected.length)
    seen.push(...page.users.map((u) => u.uid))
  }
  expect(seen, label).toStrictEqual(expected)
}

export function listCombinationCases(store: GetStore): void {
  it('agrees with the contract for every single filter under every sort', async () => {
    await seedPeople(store())
    const singles = [{}, ...dimensions.flat()]
    for (const filter of singles) {
      for (const sort of sorts) {
        const params = { ...base, ...filter, ...sort }
        const expected = expectedUids(params)
        const { users, total } = await store().listUsers(params)
        expect({ uids: users.map((u) => u.uid), total }, JSON.stringify(params)).toStrictEqual({ uids: expected, total: expected.length })
      }
    }
  })

  it('agrees with the contract for combined filters, page by page', async () => {
    await seedPeople(store())
    const arbitrary = fc.record({
      // About two filters at a time: with more, nearly every combination matches nobody.
      filters: fc.tuple(
        ...dimensions.map((values) =>
          fc.oneof({ arbitrary: fc.constant({}), weight: 3 }, { arbitrary: fc.constantFrom(...values), weight: 1 }),
        ),
      ),
      sort: fc.constantFrom(...sorts),
      pageSize: fc.integer({ min: 1, max: 5 }),
    })
    const samples = fc.sample(arbitrary, { seed: 20261123, numRuns: 80 })
    let nonEmpty = 0
    for (const { filters, sort, pageSize } of samples) {
      const params = Object.assign({ ...base }, ...filters, sort) as ListUsersParams
      if (expectedUids(params).length > 0) nonEmpty++
      await expectPagesMatch(store(), params, pageSize)
    }
    // Guards against a sample where everything filters down to nothing.
    expect(nonEmpty).toBeGreaterThan(30)
  })
}
