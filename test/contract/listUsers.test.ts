import { describe, expect, it } from 'vitest'
import type { CreateUserInput } from '../../src/client/index.js'
import { describeContract, full, authOnly, type ContractEnv, type Credential } from './harness.js'
import { expectBadRequest, expectError, managerToken } from './userDataKit.js'

type Seed = Partial<CreateUserInput> & { uid: string }

async function seed(env: ContractEnv, users: Seed[]): Promise<void> {
  for (const user of users) await env.createUser(user)
}

const uidsOf = (body: { data: { uid: string }[] }): string[] => body.data.map((user) => user.uid)

describeContract('GET /users', (env) => {
  // The reader on each surface: the fullAccess key, and a plain token (whose user is `pat`, named "~pat"
  // so that it sorts last and stays out of name searches).
  const readers: { name: string; prefix: string; as: (env: ContractEnv) => Promise<Credential>; extra: string[] }[] = [
    { name: 'REST API with the fullAccess key', prefix: '/v3', as: async () => full, extra: [] },
    {
      name: 'client API with a plain token',
      prefix: '/v3.0',
      as: async (e) => ({ authToken: await plainTokenNamed(e) }),
      extra: ['pat'],
    },
  ]

  describe.each(readers)('on the $name', (reader) => {
    const list = async (query: string, as: Credential) => env().call('GET', `${reader.prefix}/users${query}`, { as })

    it('answers every user sorted by name, case-insensitively, with exact pagination meta', async () => {
      await seed(env(), [
        { uid: 'u1', name: 'Zoe' },
        { uid: 'u2', name: 'adam' },
        { uid: 'u3', name: 'Mia' },
        { uid: 'u4', name: 'mia' },
      ])
      const as = await reader.as(env())
      const answer = await list('', as)
      expect(answer.status).toBe(200)
      expect(uidsOf(answer.body)).toEqual(['u2', 'u3', 'u4', 'u1', ...reader.extra])
      const total = 4 + reader.extra.length
      expect(answer.body.meta).toEqual({ pagination: { total, count: total, per_page: 100, current_page: 1, total_pages: 1 } })
      expect(Object.keys(answer.body).sort()).toEqual(['data', 'meta'])
    })

    it('pages with perPage and page, and answers an empty page past the end', async () => {
      await seed(env(), [
        { uid: 'a', name: 'A' },
        { uid: 'b', name: 'B' },
        { uid: 'c', name: 'C' },
      ])
      const as = await reader.as(env())
      const total = 3 + reader.extra.length
      const first = await list('?perPage=2&page=1', as)
      expect(uidsOf(first.body)).toEqual(['a', 'b'])
      expect(first.body.meta.pagination).toEqual({ total, count: 2, per_page: 2, current_page: 1, total_pages: Math.ceil(total / 2) })
      const second = await list('?perPage=2&page=2', as)
      expect(uidsOf(second.body)).toEqual(['c', ...reader.extra])
      expect(second.body.meta.pagination).toEqual({
        total,
        count: 1 + reader.extra.length,
        per_page: 2,
        current_page: 2,
        total_pages: Math.ceil(total / 2),
      })
      const beyond = await list('?perPage=2&page=7', as)
      expect(beyond.status).toBe(200)
      expect(beyond.body).toEqual({
        data: [],
        meta: { pagination: { total, count: 0, per_page: 2, current_page: 7, total_pages: Math.ceil(total / 2) } },
      })
    })

    it('takes per_page as perPage', async () => {
      await seed(env(), [
        { uid: 'a', name: 'A' },
        { uid: 'b', name: 'B' },
      ])
      const as = await reader.as(env())
      const answer = await list('?per_page=1&page=2', as)
      expect(uidsOf(answer.body)).toEqual(['b'])
      expect(answer.body.meta.pagination).toMatchObject({ per_page: 1, current_page: 2, count: 1 })
    })

    it('accepts perPage up to 1000 and refuses 1001 naming perPage', async () => {
      const as = await reader.as(env())
      const most = await list('?perPage=1000', as)
      expect(most.status).toBe(200)
      expect(most.body.meta.pagination.per_page).toBe(1000)
      expectBadRequest(await list('?perPage=1001', as), 'perPage')
      expectBadRequest(await list('?per_page=1001', as), 'perPage')
    })

    it('finds by a case-insensitive prefix of the uid or of any word of the name, never by an infix', async () => {
      await seed(env(), [
        { uid: 'ada', name: 'Ada Lovelace' },
        { uid: 'lovelace_fan', name: 'Fan' },
        { uid: 'zed', name: 'ADALBERT' },
        { uid: 'adam42', name: 'Mr Smith' },
        { uid: 'grace', name: 'Grace Hopper' },
      ])
      const as = await reader.as(env())
      expect(uidsOf((await list('?searchKey=aDa', as)).body)).toEqual(['ada', 'zed', 'adam42'])
      expect(uidsOf((await list('?searchKey=LOVE', as)).body)).toEqual(['ada', 'lovelace_fan'])
      expect(uidsOf((await list('?searchKey=lov', as)).body)).toEqual(['ada', 'lovelace_fan'])
      expect(uidsOf((await list('?searchKey=Lovelace', as)).body)).toEqual(['ada', 'lovelace_fan'])
      expect(uidsOf((await list('?searchKey=hopper', as)).body)).toEqual(['grace'])
      expect(uidsOf((await list('?searchKey=ace', as)).body)).toEqual([])
      expect(uidsOf((await list('?searchKey=opper', as)).body)).toEqual([])
      const found = await list('?searchKey=ada', as)
      expect(found.body.meta.pagination).toMatchObject({ total: 3, count: 3 })
    })

    it('restricts the search to uid or name with searchIn', async () => {
      await seed(env(), [
        { uid: 'ada', name: 'Ada Lovelace' },
        { uid: 'zed', name: 'Adalbert' },
        { uid: 'adam42', name: 'Mr Smith' },
      ])
      const as = await reader.as(env())
      expect(uidsOf((await list('?searchKey=ADA&searchIn=uid', as)).body)).toEqual(['ada', 'adam42'])
      expect(uidsOf((await list('?searchKey=ada&searchIn=name', as)).body)).toEqual(['ada', 'zed'])
      expect(uidsOf((await list('?searchKey=ada&searchIn=uid,name', as)).body)).toEqual(['ada', 'zed', 'adam42'])
    })

    it('never takes LIKE wildcards or backslashes in searchKey as patterns; in names, words are what count', async () => {
      await seed(env(), [
        { uid: 'a_b', name: 'Underscore' },
        { uid: 'axb', name: 'Letter' },
        { uid: 'p1', name: '50% off' },
        { uid: 'p2', name: '50 cents' },
        { uid: 'p3', name: '%start' },
        { uid: 'p4', name: 'back\\slash' },
        { uid: 'p5', name: 'backslash' },
      ])
      const as = await reader.as(env())
      expect(uidsOf((await list('?searchKey=a_', as)).body)).toEqual(['a_b'])
      // The word of "50%" is 50: both names that have it, and nothing else.
      expect(uidsOf((await list(`?searchKey=${encodeURIComponent('50%')}`, as)).body)).toEqual(['p2', 'p1'])
      expect(uidsOf((await list(`?searchKey=${encodeURIComponent('%')}`, as)).body)).toEqual([])
      expect(uidsOf((await list(`?searchKey=${encodeURIComponent('back\\')}`, as)).body)).toEqual(['p4', 'p5'])
      expect(uidsOf((await list('?searchKey=_', as)).body)).toEqual([])
    })

    it('finds any word in any script, case- and accent-insensitive; several words must each start a word', async () => {
      await seed(env(), [
        { uid: 'jose', name: 'José María Núñez' },
        { uid: 'oleg', name: 'Олег Петров' },
        { uid: 'abd', name: 'عبد الله' },
        { uid: 'yamada', name: '山田太郎' },
        { uid: 'strasse', name: 'Jürgen Straße' },
        { uid: 'obrien', name: "Seán O'Brien-Smith" },
        { uid: 'ada', name: 'Ada Lovelace' },
      ])
      const as = await reader.as(env())
      const found = async (key: string): Promise<string[]> => uidsOf((await list(`?searchKey=${encodeURIComponent(key)}&searchIn=name`, as)).body)
      expect(await found('jose')).toEqual(['jose'])
      expect(await found('NUNEZ')).toEqual(['jose'])
      expect(await found('maría')).toEqual(['jose'])
      expect(await found('пет')).toEqual(['oleg'])
      expect(await found('ПЕТРОВ')).toEqual(['oleg'])
      expect(await found('الله')).toEqual(['abd'])
      expect(await found('太郎')).toEqual(['yamada'])
      expect(await found('山田')).toEqual(['yamada'])
      expect(await found('strasse')).toEqual(['strasse'])
      expect(await found('jurgen')).toEqual(['strasse'])
      expect(await found('smith')).toEqual(['obrien'])
      expect(await found('sean')).toEqual(['obrien'])
      expect(await found('lov ada')).toEqual(['ada'])
      expect(await found('ada  lov')).toEqual(['ada'])
      expect(await found('ada hop')).toEqual([])
    })

    it('counts a broad search only up to 1,000 and says so (total_capped), with a page past the cap to go to', async () => {
      // Straight into the store: a thousand requests would only slow the test down.
      for (let i = 0; i < 1003; i++) {
        await env().store.createUser({ uid: `c${i}`, name: `Common ${i}`, role: 'default', status: 'offline', createdAt: env().now(), updatedAt: env().now() })
      }
      const as = await reader.as(env())
      const broad = await list('?searchKey=comm&perPage=25', as)
      expect(broad.body.meta.pagination).toEqual({ total: 1000, count: 25, per_page: 25, current_page: 1, total_pages: 41, total_capped: true })
      // A page past the cap is counted to its own end.
      const far = await list('?searchKey=comm&perPage=100&page=11', as)
      expect(far.body.meta.pagination).toMatchObject({ total: 1003, count: 3, total_pages: 11 })
      expect(far.body.meta.pagination).not.toHaveProperty('total_capped')
      const exact = await list('?searchKey=common%2010', as)
      // 10, 100–109 and 1000–1002.
      expect(exact.body.meta.pagination).toEqual({ total: 14, count: 14, per_page: 100, current_page: 1, total_pages: 1 })
      // Without a search the total stays exact.
      expect((await list('?perPage=1', as)).body.meta.pagination).toMatchObject({ total: 1003 + reader.extra.length })
    })

    it('filters by status: available and online mean online', async () => {
      await seed(env(), [
        { uid: 'on', name: 'On' },
        { uid: 'off', name: 'Off' },
      ])
      await env().call('POST', '/v3.0/user_sessions', { as: { authToken: await env().tokenFor('on') }, body: {} })
      const as = await reader.as(env())
      expect(uidsOf((await list('?status=online', as)).body)).toEqual(['on'])
      expect(uidsOf((await list('?status=available', as)).body)).toEqual(['on'])
      expect(uidsOf((await list('?status=offline', as)).body)).toEqual(['off', ...reader.extra])
      const online = await list('?status=online', as)
      expect(online.body.data[0]).toMatchObject({ status: 'online', lastActiveAt: env().now() })
      expect(online.body.meta.pagination).toMatchObject({ total: 1, count: 1 })
    })

    it('filters by role and by roles, together meaning any of them', async () => {
      await seed(env(), [
        { uid: 'a', name: 'A', role: 'admin' },
        { uid: 'm', name: 'M', role: 'moderator' },
        { uid: 'd', name: 'D' },
      ])
      const as = await reader.as(env())
      expect(uidsOf((await list('?role=moderator', as)).body)).toEqual(['m'])
      expect(uidsOf((await list('?roles=admin,moderator', as)).body)).toEqual(['a', 'm'])
      expect(uidsOf((await list('?role=admin&roles=moderator', as)).body)).toEqual(['a', 'm'])
      expect(uidsOf((await list('?role=nobody', as)).body)).toEqual([])
    })

    it('filters by tags, a user matching if it has any of them', async () => {
      await seed(env(), [
        { uid: 'a', name: 'A', tags: ['red', 'blue'] },
        { uid: 'b', name: 'B', tags: ['blue'] },
        { uid: 'c', name: 'C', tags: ['green'] },
        { uid: 'd', name: 'D' },
      ])
      const as = await reader.as(env())
      expect(uidsOf((await list('?tags=blue', as)).body)).toEqual(['a', 'b'])
      expect(uidsOf((await list('?tags=red,green', as)).body)).toEqual(['a', 'c'])
      expect(uidsOf((await list('?tags=Blue', as)).body)).toEqual([])
      expect((await list('?tags=blue&withTags=1', as)).body.data[0].tags).toEqual(['red', 'blue'])
    })

    it('filters by all the tags with tagsMatch=all, any with tagsMatch=any (the default)', async () => {
      await seed(env(), [
        { uid: 'a', name: 'A', tags: ['red', 'blue'] },
        { uid: 'b', name: 'B', tags: ['blue'] },
        { uid: 'c', name: 'C', tags: ['red', 'blue', 'green'] },
      ])
      const as = await reader.as(env())
      expect(uidsOf((await list('?tags=red,blue&tagsMatch=all', as)).body)).toEqual(['a', 'c'])
      expect(uidsOf((await list('?tags=red,blue&tagsMatch=any', as)).body)).toEqual(['a', 'b', 'c'])
      expect(uidsOf((await list('?tags=blue&tagsMatch=all', as)).body)).toEqual(['a', 'b', 'c'])
      expectBadRequest(await list('?tags=red&tagsMatch=most', as), 'tagsMatch')
    })

    it('filters by uids, whatever their case', async () => {
      await seed(env(), [
        { uid: 'ada', name: 'Ada' },
        { uid: 'bob', name: 'Bob' },
        { uid: 'cy', name: 'Cy' },
      ])
      const as = await reader.as(env())
      const answer = await list('?uids=BOB,ada,nobody', as)
      expect(uidsOf(answer.body)).toEqual(['ada', 'bob'])
      expect(answer.body.meta.pagination).toMatchObject({ total: 2, count: 2 })
    })

    it('combines filters with AND', async () => {
      await seed(env(), [
        { uid: 'ada', name: 'Ada', role: 'admin', tags: ['x'] },
        { uid: 'adb', name: 'Adb', role: 'admin' },
        { uid: 'adc', name: 'Adc', tags: ['x'] },
      ])
      const as = await reader.as(env())
      expect(uidsOf((await list('?searchKey=ad&role=admin&tags=x', as)).body)).toEqual(['ada'])
    })

    it('sorts by name or status, ascending or descending', async () => {
      await seed(env(), [
        { uid: 'c', name: 'Carl' },
        { uid: 'a', name: 'anna' },
        { uid: 'b', name: 'Bea' },
        { uid: 'd', name: 'Dan' },
      ])
      for (const uid of ['b', 'd']) {
        await env().call('POST', '/v3.0/user_sessions', { as: { authToken: await env().tokenFor(uid) }, body: {} })
      }
      const as = await reader.as(env())
      const order = async (query: string) => uidsOf((await list(query, as)).body).filter((uid) => !reader.extra.includes(uid))
      expect(await order('?sortBy=name')).toEqual(['a', 'b', 'c', 'd'])
      expect(await order('?sortBy=name&sortOrder=desc')).toEqual(['d', 'c', 'b', 'a'])
      expect(await order('?sortOrder=desc')).toEqual(['d', 'c', 'b', 'a'])
      expect(await order('?sortBy=status')).toEqual(['b', 'd', 'a', 'c'])
      expect(await order('?sortBy=status&sortOrder=asc')).toEqual(['b', 'd', 'a', 'c'])
      const desc = await order('?sortBy=status&sortOrder=desc')
      // Offline users first; the whole order flips.
      expect(desc).toEqual(['c', 'a', 'd', 'b'])
    })

    it('answers 400 naming the parameter for a bad query value', async () => {
      const as = await reader.as(env())
      const cases: [string, string][] = [
        ['status=busy', 'status'],
        ['sortBy=age', 'sortBy'],
        ['sortOrder=up', 'sortOrder'],
        ['page=0', 'page'],
        ['page=-1', 'page'],
        ['page=abc', 'page'],
        ['perPage=abc', 'perPage'],
        ['perPage=0', 'perPage'],
        ['perPage=1.5', 'perPage'],
        ['withTags=maybe', 'withTags'],
        ['withDeactivated=yes', 'withDeactivated'],
        ['onlyDeactivated=2', 'onlyDeactivated'],
        ['hideBlockedUsers=on', 'hideBlockedUsers'],
        ['searchIn=email', 'searchIn'],
      ]
      for (const [query, field] of cases) expectBadRequest(await list(`?${query}`, as), field)
    })

    it('answers 400 naming the parameter for a NUL character in a text filter, on every store', async () => {
      const as = await reader.as(env())
      for (const field of ['searchKey', 'role', 'roles', 'tags', 'uids']) {
        expectBadRequest(await list(`?${field}=a%00b`, as), field)
      }
    })
  })

  it('answers at most 100 users by default', async () => {
    // Seeded through the store: 101 requests would only slow the suite down.
    for (let i = 0; i < 101; i++) {
      const n = String(i).padStart(3, '0')
      await env().store.createUser({ uid: `u${n}`, name: `User ${n}`, role: 'default', status: 'offline', createdAt: 1, updatedAt: 1 })
    }
    const first = await env().call('GET', '/v3/users', { as: full })
    expect(first.body.data).toHaveLength(100)
    expect(first.body.meta.pagination).toEqual({ total: 101, count: 100, per_page: 100, current_page: 1, total_pages: 2 })
    const second = await env().call('GET', '/v3/users?page=2', { as: full })
    expect(uidsOf(second.body)).toEqual(['u100'])
  })

  it('answers an empty list with zero pages', async () => {
    const answer = await env().call('GET', '/v3/users', { as: full })
    expect(answer.body).toEqual({ data: [], meta: { pagination: { total: 0, count: 0, per_page: 100, current_page: 1, total_pages: 0 } } })
  })

  it('refuses an authOnly key', async () => {
    expectError(await env().call('GET', '/v3/users', { as: authOnly }), 403, 'AUTH_ERR_NO_ACCESS')
  })

  describe('deactivated users', () => {
    async function seedWithDeactivated(): Promise<void> {
      await seed(env(), [
        { uid: 'live', name: 'Live' },
        { uid: 'gone', name: 'Gone' },
      ])
      env().advance(10)
      expect((await env().call('DELETE', '/v3/users/gone', { as: full })).status).toBe(200)
    }

    it('are left out by default, included with withDeactivated and alone with onlyDeactivated, for a key', async () => {
      await seedWithDeactivated()
      expect(uidsOf((await env().call('GET', '/v3/users', { as: full })).body)).toEqual(['live'])
      const withThem = await env().call('GET', '/v3/users?withDeactivated=1', { as: full })
      expect(uidsOf(withThem.body)).toEqual(['gone', 'live'])
      expect(withThem.body.data[0].deactivatedAt).toBe(env().now())
      expect(withThem.body.data[1]).not.toHaveProperty('deactivatedAt')
      const only = await env().call('GET', '/v3/users?onlyDeactivated=true', { as: full })
      expect(uidsOf(only.body)).toEqual(['gone'])
      expect(only.body.meta.pagination.total).toBe(1)
    })

    it('are shown to a manager token that asks', async () => {
      await seedWithDeactivated()
      const as = { authToken: await managerToken(env()) }
      expect(uidsOf((await env().call('GET', '/v3.0/users', { as })).body)).toEqual(['boss', 'live'])
      expect(uidsOf((await env().call('GET', '/v3.0/users?withDeactivated=1', { as })).body)).toEqual(['boss', 'gone', 'live'])
      const only = await env().call('GET', '/v3.0/users?onlyDeactivated=1', { as })
      expect(uidsOf(only.body)).toEqual(['gone'])
      expect(only.body.data[0].deactivatedAt).toBe(env().now())
    })

    it('stay hidden from a plain token, which withDeactivated and onlyDeactivated do not change', async () => {
      await seedWithDeactivated()
      const as = { authToken: await plainTokenNamed(env()) }
      for (const query of ['', '?withDeactivated=1', '?onlyDeactivated=1', '?withDeactivated=1&onlyDeactivated=1']) {
        const answer = await env().call('GET', `/v3.0/users${query}`, { as })
        expect(uidsOf(answer.body)).toEqual(['live', 'pat'])
        expect(answer.body.meta.pagination.total).toBe(2)
      }
    })
  })

  describe('block flags and hideBlockedUsers', () => {
    async function seedBlocks(): Promise<string> {
      await seed(env(), [
        { uid: 'blocked', name: 'A blocked' },
        { uid: 'blocker', name: 'B blocker' },
        { uid: 'friend', name: 'C friend' },
      ])
      const token = await plainTokenNamed(env())
      expect((await env().call('POST', '/v3.0/blockedusers', { as: { authToken: token }, body: { blockedUids: ['blocked'] } })).status).toBe(200)
      expect((await env().call('POST', '/v3/users/blocker/blockedusers', { as: full, body: { blockedUids: ['pat'] } })).status).toBe(200)
      return token
    }

    it('the client API answers hasBlockedMe and blockedByMe relative to the token user', async () => {
      const token = await seedBlocks()
      const answer = await env().call('GET', '/v3.0/users', { as: { authToken: token } })
      const flags = Object.fromEntries(answer.body.data.map((u: any) => [u.uid, [u.hasBlockedMe, u.blockedByMe]]))
      expect(flags).toEqual({
        blocked: [false, true],
        blocker: [true, false],
        friend: [false, false],
        pat: [false, false],
      })
    })

    it('hideBlockedUsers leaves out users the token user blocked and users who blocked them', async () => {
      const token = await seedBlocks()
      const answer = await env().call('GET', '/v3.0/users?hideBlockedUsers=1', { as: { authToken: token } })
      expect(uidsOf(answer.body)).toEqual(['friend', 'pat'])
      expect(answer.body.meta.pagination.total).toBe(2)
      expect(uidsOf((await env().call('GET', '/v3.0/users?hideBlockedUsers=0', { as: { authToken: token } })).body)).toHaveLength(4)
    })

    it('the REST API answers no block flags without onBehalfOf, and relative flags with it', async () => {
      await seedBlocks()
      const plain = await env().call('GET', '/v3/users', { as: full })
      for (const user of plain.body.data) {
        expect(user).not.toHaveProperty('hasBlockedMe')
        expect(user).not.toHaveProperty('blockedByMe')
      }
      const onBehalf = await env().call('GET', '/v3/users', { as: { ...full, onBehalfOf: 'PAT' } })
      const flags = Object.fromEntries(onBehalf.body.data.map((u: any) => [u.uid, [u.hasBlockedMe, u.blockedByMe]]))
      expect(flags).toEqual({ blocked: [false, true], blocker: [true, false], friend: [false, false], pat: [false, false] })
      const hidden = await env().call('GET', '/v3/users?hideBlockedUsers=1', { as: { ...full, onBehalfOf: 'pat' } })
      expect(uidsOf(hidden.body)).toEqual(['friend', 'pat'])
    })
  })

  it('through the client: filters travel in the query and pagination comes back converted', async () => {
    await seed(env(), [
      { uid: 'ada', name: 'Ada', tags: ['x'] },
      { uid: 'adb', name: 'Adb', tags: ['y'] },
      { uid: 'adc', name: 'Adc', tags: ['x'] },
      { uid: 'bob', name: 'Bob', tags: ['x'] },
    ])
    const page = await env().client(full).listUsers({ searchKey: 'AD', tags: ['x', 'z'], perPage: 1, page: 2 })
    expect(page.users.map((user) => user.uid)).toEqual(['adc'])
    expect(page.pagination).toEqual({ total: 2, count: 1, perPage: 1, currentPage: 2, totalPages: 2 })
    const token = await plainTokenNamed(env())
    const mine = await env().client({ authToken: token }).listUsers({ uids: ['BOB'] })
    expect(mine.users).toEqual([expect.objectContaining({ uid: 'bob', hasBlockedMe: false, blockedByMe: false })])
  })
})

/** A plain token for `pat`, named "~pat" so it sorts after letters and matches no name search. */
async function plainTokenNamed(env: ContractEnv): Promise<string> {
  await env.createUser({ uid: 'pat', name: '~pat' })
  return env.tokenFor('pat')
}
