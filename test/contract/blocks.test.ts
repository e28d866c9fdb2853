import { describe, expect, it } from 'vitest'
import { expectBadField, expectData, expectError, storeState } from './accessKit.js'
import { describeContract, full, type Credential } from './harness.js'

type Flags = { hasBlockedMe?: boolean; blockedByMe?: boolean }

/** A surface's block endpoints for the blocker `ada`. */
const surfaces = [
  {
    name: 'client API (/v3.0/blockedusers, ada\'s token)',
    path: '/v3.0/blockedusers',
    as: (tokens: Record<string, string>): Credential => ({ authToken: tokens.ada! }),
  },
  {
    name: 'REST API (/v3/users/ada/blockedusers, fullAccess key)',
    path: '/v3/users/ada/blockedusers',
    as: (): Credential => full,
  },
]

describeContract('blocking users', (env) => {
  /** ada, eve, bob, carl, root (admin) and zed (deactivated), with a token for each active one. */
  const seed = async (): Promise<Record<string, string>> => {
    for (const [uid, name] of [
      ['ada', 'Ada'],
      ['eve', 'Eve'],
      ['bob', 'Bob'],
      ['carl', 'Carl'],
      ['zed', 'Zed'],
    ]) {
      await env().createUser({ uid: uid!, name: name! })
    }
    await env().createUser({ uid: 'root', name: 'Root', role: 'admin' })
    await env().client(full).deactivateUser('zed')
    const tokens: Record<string, string> = {}
    for (const uid of ['ada', 'eve', 'bob', 'carl', 'root']) tokens[uid] = await env().tokenFor(uid)
    return tokens
  }
  const as = (token: string | undefined): Credential => ({ authToken: token! })
  const flagsOf = (users: ({ uid: string } & Flags)[]): Record<string, Flags> =>
    Object.fromEntries(users.map(({ uid, hasBlockedMe, blockedByMe }) => [uid, { hasBlockedMe, blockedByMe }]))
  const block = async (tokens: Record<string, string>, blocker: string, uids: string[]) =>
    expectData(await env().call('POST', '/v3.0/blockedusers', { as: as(tokens[blocker]), body: { blockedUids: uids } }))

  describe.each(surfaces)('on the $name', (surface) => {
    it('answers one outcome per uid: success for users that exist, ERR_UID_NOT_FOUND for the others alone', async () => {
      const tokens = await seed()
      const answer = await env().call('POST', surface.path, { as: surface.as(tokens), body: { blockedUids: ['eve', 'ghost', 'EVE', 'zed'] } })
      const data = expectData(answer)
      expect(Object.keys(data).sort()).toEqual(['eve', 'ghost', 'zed'])
      expect(data.eve).toEqual({ success: true, message: expect.any(String) })
      for (const missing of ['ghost', 'zed']) {
        expect(data[missing]).toEqual({
          success: false,
          message: expect.any(String),
          error: { code: 'ERR_UID_NOT_FOUND', message: expect.any(String) },
        })
      }
      expect((await storeState(env().store)).blocks).toEqual({ ada: ['eve'] })
    })

    it('answers 400 ERR_CANNOT_BLOCK_SELF for a list naming the blocker, and stores nothing', async () => {
      const tokens = await seed()
      const before = await storeState(env().store)
      for (const blockedUids of [['ada'], ['eve', 'ADA']]) {
        expectError(await env().call('POST', surface.path, { as: surface.as(tokens), body: { blockedUids } }), 400, 'ERR_CANNOT_BLOCK_SELF')
      }
      expect(await storeState(env().store)).toEqual(before)
    })

    it('blocks a user again without complaint, and keeps one block', async () => {
      const tokens = await seed()
      for (let i = 0; i < 2; i++) {
        const data = expectData(await env().call('POST', surface.path, { as: surface.as(tokens), body: { blockedUids: ['eve'] } }))
        expect(data.eve.success).toBe(true)
      }
      const list = await env().call('GET', surface.path, { as: surface.as(tokens) })
      expect(expectData(list).map((user: { uid: string }) => user.uid)).toEqual(['eve'])
      expect(list.body.meta.pagination.total).toBe(1)
    })

    it('unblocks with per-uid outcomes and restores the flags and the lists', async () => {
      const tokens = await seed()
      await block(tokens, 'ada', ['eve', 'bob'])
      const answer = await env().call('DELETE', surface.path, { as: surface.as(tokens), body: { blockedUids: ['eve', 'ghost'] } })
      const data = expectData(answer)
      expect(data).toEqual({
        eve: { success: true, message: expect.any(String) },
        ghost: { success: false, message: expect.any(String), error: { code: 'ERR_UID_NOT_FOUND', message: expect.any(String) } },
      })
      expect((await storeState(env().store)).blocks).toEqual({ ada: ['bob'] })
      const eve = expectData(await env().call('GET', '/v3.0/users/eve', { as: as(tokens.ada) }))
      expect(eve).toMatchObject({ blockedByMe: false, hasBlockedMe: false })
      const visible = expectData(await env().call('GET', '/v3.0/users?hideBlockedUsers=1', { as: as(tokens.eve) }))
      expect(visible.map((user: { uid: string }) => user.uid)).toContain('ada')
    })

    it('answers 400 naming blockedUids for a bad list, and stores nothing', async () => {
      const tokens = await seed()
      const before = await storeState(env().store)
      for (const body of [
        { blockedUids: 'eve' },
        { blockedUids: [] },
        { blockedUids: ['not a uid!'] },
        { blockedUids: [42] },
        { blockedUids: null },
        {},
      ]) {
        for (const method of ['POST', 'DELETE']) {
          expectBadField(await env().call(method, surface.path, { as: surface.as(tokens), body }), 'blockedUids')
        }
      }
      expect(await storeState(env().store)).toEqual(before)
    })
  })

  describe('hasBlockedMe and blockedByMe, relative to the viewer', () => {
    it('on GET /v3.0/users/{uid}, for both users involved and for a bystander', async () => {
      const tokens = await seed()
      await block(tokens, 'ada', ['eve'])
      const get = async (viewer: string, uid: string) =>
        expectData(await env().call('GET', `/v3.0/users/${uid}`, { as: as(tokens[viewer]) }))
      expect(await get('ada', 'eve')).toMatchObject({ blockedByMe: true, hasBlockedMe: false })
      expect(await get('eve', 'ada')).toMatchObject({ blockedByMe: false, hasBlockedMe: true })
      expect(await get('root', 'ada')).toMatchObject({ blockedByMe: false, hasBlockedMe: false })
      expect(await get('root', 'eve')).toMatchObject({ blockedByMe: false, hasBlockedMe: false })
      // The other direction too: both flags at once.
      await block(tokens, 'eve', ['ada'])
      expect(await get('ada', 'eve')).toMatchObject({ blockedByMe: true, hasBlockedMe: true })
      expect(await get('eve', 'ada')).toMatchObject({ blockedByMe: true, hasBlockedMe: true })
    })

    it('on GET /v3.0/users lists, each row for the viewer', async () => {
      const tokens = await seed()
      await block(tokens, 'ada', ['eve'])
      await block(tokens, 'bob', ['ada'])
      const list = async (viewer: string) =>
        flagsOf(expectData(await env().call('GET', '/v3.0/users', { as: as(tokens[viewer]) })))
      const none = { blockedByMe: false, hasBlockedMe: false }
      expect(await list('ada')).toEqual({
        ada: none,
        bob: { blockedByMe: false, hasBlockedMe: true },
        carl: none,
        eve: { blockedByMe: true, hasBlockedMe: false },
        root: none,
      })
      expect(await list('eve')).toMatchObject({ ada: { blockedByMe: false, hasBlockedMe: true }, bob: none })
      expect(await list('bob')).toMatchObject({ ada: { blockedByMe: true, hasBlockedMe: false }, eve: none })
      expect(await list('root')).toEqual({ ada: none, bob: none, carl: none, eve: none, root: none })
    })

    it('on the REST API, relative to onBehalfOf, and absent without it', async () => {
      const tokens = await seed()
      await block(tokens, 'ada', ['eve'])
      const onBehalfOfEve = await env().call('GET', '/v3/users?uids=ada,eve', { as: { ...full, onBehalfOf: 'eve' } })
      expect(flagsOf(expectData(onBehalfOfEve))).toEqual({
        ada: { blockedByMe: false, hasBlockedMe: true },
        eve: { blockedByMe: false, hasBlockedMe: false },
      })
      const single = await env().call('GET', '/v3/users/eve', { as: { ...full, onBehalfOf: 'ada' } })
      expect(expectData(single)).toMatchObject({ blockedByMe: true, hasBlockedMe: false })
      for (const answer of [await env().call('GET', '/v3/users/eve', { as: full }), await env().call('GET', '/v3/users', { as: full })]) {
        const users = [expectData(answer)].flat()
        for (const user of users) {
          expect(user).not.toHaveProperty('blockedByMe')
          expect(user).not.toHaveProperty('hasBlockedMe')
        }
      }
    })
  })

  describe('the blocked list', () => {
    it('GET /v3.0/blockedusers lists whom the viewer blocked, by name, flagged, with pagination meta', async () => {
      const tokens = await seed()
      await block(tokens, 'ada', ['eve', 'carl', 'bob'])
      // Someone who blocked ada is not in ada's list.
      await block(tokens, 'root', ['ada'])
      const answer = await env().call('GET', '/v3.0/blockedusers', { as: as(tokens.ada) })
      const data = expectData(answer)
      expect(data.map((user: { uid: string }) => user.uid)).toEqual(['bob', 'carl', 'eve'])
      for (const user of data) expect(user).toMatchObject({ blockedByMe: true, hasBlockedMe: false })
      expect(answer.body.meta).toEqual({ pagination: { total: 3, count: 3, per_page: 100, current_page: 1, total_pages: 1 } })
    })

    it('pages and filters by searchKey as the SDK asks (per_page, direction, searchKey, page)', async () => {
      const tokens = await seed()
      await block(tokens, 'ada', ['eve', 'carl', 'bob'])
      const second = await env().call('GET', '/v3.0/blockedusers?per_page=2&page=2', { as: as(tokens.ada) })
      expect(expectData(second).map((user: { uid: string }) => user.uid)).toEqual(['eve'])
      expect(second.body.meta.pagination).toEqual({ total: 3, count: 1, per_page: 2, current_page: 2, total_pages: 2 })
      const search = await env().call('GET', '/v3.0/blockedusers?per_page=30&direction=blockedByMe&searchKey=C&page=1', {
        as: as(tokens.ada),
      })
      expect(expectData(search).map((user: { uid: string }) => user.uid)).toEqual(['carl'])
      expect(search.body.meta.pagination).toEqual({ total: 1, count: 1, per_page: 30, current_page: 1, total_pages: 1 })
    })

    it('lists by CometChat\'s direction: whom I blocked, who blocked me, or both, flagged either way', async () => {
      const tokens = await seed()
      await block(tokens, 'ada', ['eve', 'carl'])
      await block(tokens, 'carl', ['ada'])
      await block(tokens, 'bob', ['ada'])
      const list = async (path: string, options: Parameters<ReturnType<typeof env>['call']>[2]) =>
        expectData(await env().call('GET', path, options)).map((user: { uid: string; blockedByMe: boolean; hasBlockedMe: boolean }) => [
          user.uid,
          user.blockedByMe,
          user.hasBlockedMe,
        ])
      const ada = { as: as(tokens.ada) }
      expect(await list('/v3.0/blockedusers?direction=blockedByMe', ada)).toEqual([['carl', true, true], ['eve', true, false]])
      expect(await list('/v3.0/blockedusers?direction=hasBlockedMe', ada)).toEqual([['bob', false, true], ['carl', true, true]])
      expect(await list('/v3.0/blockedusers?direction=both', ada)).toEqual([['bob', false, true], ['carl', true, true], ['eve', true, false]])
      expect(await list('/v3/users/ada/blockedusers?direction=hasBlockedMe', { as: full })).toEqual([['bob', false, true], ['carl', true, true]])
      const bad = await env().call('GET', '/v3.0/blockedusers?direction=sideways', ada)
      expectError(bad, 400, 'ERR_BAD_REQUEST')
      expect(Object.keys(bad.body.error.details)).toEqual(['direction'])
    })

    it('is empty, with total 0, for a user who blocked nobody', async () => {
      const tokens = await seed()
      const answer = await env().call('GET', '/v3.0/blockedusers', { as: as(tokens.eve) })
      expect(expectData(answer)).toEqual([])
      expect(answer.body.meta.pagination).toMatchObject({ total: 0, count: 0, per_page: 100, current_page: 1 })
    })

    it('GET /v3/users/{uid}/blockedusers lists that user\'s blocks, flagged for them', async () => {
      const tokens = await seed()
      await block(tokens, 'ada', ['eve'])
      const answer = await env().call('GET', '/v3/users/ADA/blockedusers', { as: full })
      const data = expectData(answer)
      expect(data.map((user: { uid: string }) => user.uid)).toEqual(['eve'])
      expect(data[0]).toMatchObject({ blockedByMe: true, hasBlockedMe: false })
      expect(answer.body.meta.pagination).toMatchObject({ total: 1, count: 1 })
    })

    it('answers ERR_UID_NOT_FOUND on the REST block paths of a missing or deactivated user', async () => {
      await seed()
      const before = await storeState(env().store)
      for (const uid of ['nobody', 'zed']) {
        expectError(await env().call('GET', `/v3/users/${uid}/blockedusers`, { as: full }), 404, 'ERR_UID_NOT_FOUND')
        for (const method of ['POST', 'DELETE']) {
          const answer = await env().call(method, `/v3/users/${uid}/blockedusers`, { as: full, body: { blockedUids: ['eve'] } })
          expectError(answer, 404, 'ERR_UID_NOT_FOUND')
        }
      }
      expect(await storeState(env().store)).toEqual(before)
    })
  })

  describe('hideBlockedUsers', () => {
    it('hides both directions from both users, and nothing from a bystander', async () => {
      const tokens = await seed()
      await block(tokens, 'ada', ['eve'])
      const uids = async (viewer: string, query: string) =>
        expectData(await env().call('GET', `/v3.0/users?${query}`, { as: as(tokens[viewer]) })).map((user: { uid: string }) => user.uid)
      for (const query of ['hideBlockedUsers=1', 'hideBlockedUsers=true']) {
        expect(await uids('ada', query)).toEqual(['ada', 'bob', 'carl', 'root'])
        expect(await uids('eve', query)).toEqual(['bob', 'carl', 'eve', 'root'])
        expect(await uids('root', query)).toEqual(['ada', 'bob', 'carl', 'eve', 'root'])
      }
      expect(await uids('ada', 'hideBlockedUsers=0')).toEqual(['ada', 'bob', 'carl', 'eve', 'root'])
      const hidden = await env().call('GET', '/v3.0/users?hideBlockedUsers=1', { as: as(tokens.ada) })
      expect(hidden.body.meta.pagination.total).toBe(4)
    })

    it('applies on the REST API through onBehalfOf', async () => {
      const tokens = await seed()
      await block(tokens, 'ada', ['eve'])
      const answer = await env().call('GET', '/v3/users?hideBlockedUsers=1', { as: { ...full, onBehalfOf: 'eve' } })
      expect(expectData(answer).map((user: { uid: string }) => user.uid)).toEqual(['bob', 'carl', 'eve', 'root'])
    })
  })
})
