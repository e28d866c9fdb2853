import { beforeEach, describe, expect, it } from 'vitest'
import { createUserHandler } from '../../src/server/index.js'
import { envKeys, expectData, expectError, storeState } from './accessKit.js'
import { callHandler, describeContract, full, roles, type ContractEnv } from './harness.js'
import { managingSurfaces, MANAGER_UID, stored } from './userDataKit.js'

async function seed(env: ContractEnv): Promise<void> {
  await env.createUser({ uid: 'ann', name: 'Ann', tags: ['staff'] })
  await env.createUser({ uid: 'ben', name: 'Ben', tags: ['staff', 'night'] })
  await env.createUser({ uid: 'cat', name: 'Cat' })
  await env.createUser({ uid: 'dan', name: 'Dan', role: 'moderator', tags: ['staff'] })
  env.advance(60)
}

const sorted = (uids: string[]): string[] => [...uids].sort()

describeContract('POST /bulk_actions', (env) => {
  describe.each(managingSurfaces)('on the $name', (surface) => {
    let as: Awaited<ReturnType<typeof surface.credential>>
    const bulk = async (body: unknown) => env().call('POST', `${surface.prefix}/bulk_actions`, { as, body })
    // The manager's first request marks them active: done here, so that it is not a change the tests see.
    beforeEach(async () => {
      as = await surface.credential(env())
      await env().call('GET', `${surface.prefix}/roles`, { as })
    })

    it('changes the role of every user a filter matches, the server choosing them, one outcome per uid', async () => {
      await seed(env())
      const data = expectData(await bulk({ action: 'setRole', role: 'moderator', target: { filter: { tags: ['staff'], role: 'default' } } }))
      expect(sorted(data.succeeded)).toEqual(['ann', 'ben'])
      expect(data).toMatchObject({ failed: [], total: 2 })
      expect((await stored(env(), 'ann'))?.role).toBe('moderator')
      expect((await stored(env(), 'ann'))?.updatedAt).toBe(env().now())
      expect((await stored(env(), 'cat'))?.role).toBe('default')
    })

    it('deactivates by filter and reactivates the deactivated ones, uids not found failing alone', async () => {
      await seed(env())
      const off = expectData(await bulk({ action: 'deactivate', target: { filter: { searchKey: 'be' } } }))
      expect(off).toEqual({ succeeded: ['ben'], failed: [], total: 1 })
      expect((await stored(env(), 'ben'))?.deactivatedAt).toBe(env().now())
      const on = expectData(await bulk({ action: 'reactivate', target: { uids: ['ben', 'nobody'] } }))
      expect(on.succeeded).toEqual(['ben'])
      expect(on.failed).toEqual([{ uid: 'nobody', code: 'ERR_UID_NOT_FOUND', message: expect.any(String) }])
      expect((await stored(env(), 'ben'))?.deactivatedAt).toBeUndefined()
    })

    it('adds and removes tags, keeping the others, and fails a user who would pass 25 tags', async () => {
      await seed(env())
      const many = Array.from({ length: 25 }, (_, i) => `t${i}`)
      await env().client(full).updateUser('cat', { tags: many })
      const added = expectData(await bulk({ action: 'addTags', tags: ['vip', 'staff'], target: { uids: ['ann', 'ben', 'cat'] } }))
      expect(added.succeeded).toEqual(['ann', 'ben'])
      expect(added.failed).toEqual([{ uid: 'cat', code: 'ERR_BAD_REQUEST', message: expect.stringContaining('25') }])
      expect((await stored(env(), 'ben'))?.tags).toEqual(['staff', 'night', 'vip'])
      expect((await stored(env(), 'cat'))?.tags).toEqual(many)
      const removed = expectData(await bulk({ action: 'removeTags', tags: ['staff'], target: { filter: { tags: ['vip'] } } }))
      expect(sorted(removed.succeeded)).toEqual(['ann', 'ben'])
      expect((await stored(env(), 'ann'))?.tags).toEqual(['vip'])
    })

    it('refuses a filter that has changed since it was counted (expectedCount), changing nothing', async () => {
      await seed(env())
      const before = await storeState(env().store)
      expectError(await bulk({ action: 'deactivate', target: { filter: { tags: ['staff'] }, expectedCount: 2 } }), 412, 'ERR_CONFLICT')
      expect(await storeState(env().store)).toEqual(before)
    })

    it('refuses a misspelt filter field instead of widening the action, and a bad body naming the field', async () => {
      await seed(env())
      const before = await storeState(env().store)
      const misspelt = await bulk({ action: 'deactivate', target: { filter: { tag: ['staff'] } } })
      expectError(misspelt, 400, 'ERR_BAD_REQUEST')
      expect(Object.keys(misspelt.body.error.details)).toEqual(['filter.tag'])
      const noRole = await bulk({ action: 'setRole', target: { uids: ['ann'] } })
      expect(Object.keys(noRole.body.error.details)).toEqual(['role'])
      expectError(await bulk({ action: 'setRole', role: 'pilot', target: { uids: ['ann'] } }), 404, 'ERR_ROLE_NOT_FOUND')
      const badAction = await bulk({ action: 'promote', target: { uids: ['ann'] } })
      expect(Object.keys(badAction.body.error.details)).toEqual(['action'])
      expect(await storeState(env().store)).toEqual(before)
    })
  })

  it("lets a manager act on a filter that matches them, except on their own role and activity", async () => {
    await seed(env())
    const authToken = await env().tokenFor((await env().createUser({ uid: MANAGER_UID, name: 'Boss', role: 'admin' })).uid)
    const as = { authToken }
    const roleChange = expectData(await env().call('POST', '/v3.0/bulk_actions', { as, body: { action: 'setRole', role: 'moderator', target: { uids: ['ann', MANAGER_UID] } } }))
    expect(roleChange.succeeded).toEqual(['ann'])
    expect(roleChange.failed).toEqual([{ uid: MANAGER_UID, code: 'AUTH_ERR_NO_ACCESS', message: expect.any(String) }])
    const off = expectData(await env().call('POST', '/v3.0/bulk_actions', { as, body: { action: 'deactivate', target: { filter: { searchKey: 'bo' } } } }))
    expect(off.failed.map((failure: { uid: string }) => failure.uid)).toEqual([MANAGER_UID])
    expect((await stored(env(), MANAGER_UID))?.role).toBe('admin')
  })

  it('erases by filter with the fullAccess key only; a manager token is refused whole', async () => {
    await seed(env())
    const authToken = await env().tokenFor((await env().createUser({ uid: MANAGER_UID, name: 'Boss', role: 'admin' })).uid)
    const before = await storeState(env().store)
    const body = { action: 'delete', target: { filter: { tags: ['night'] } } }
    expectError(await env().call('POST', '/v3.0/bulk_actions', { as: { authToken }, body }), 403, 'AUTH_ERR_NO_ACCESS')
    expect(await storeState(env().store)).toEqual(before)
    expect(expectData(await env().call('POST', '/v3/bulk_actions', { as: full, body }))).toEqual({ succeeded: ['ben'], failed: [], total: 1 })
    expect(await stored(env(), 'ben')).toBeNull()
  })

  it('refuses whole, with ERR_TOO_MANY_USERS, a target of more users than bulk.maxJobUsers', async () => {
    await seed(env())
    for (const uid of ['al1', 'al2']) await env().createUser({ uid, name: 'Al' })
    const handler = createUserHandler({ store: env().store, keys: envKeys, roles, bulk: { maxUsers: 1, maxJobUsers: 2 } })
    const before = await storeState(env().store)
    const byFilter = await callHandler(handler, 'POST', '/v3/bulk_actions', { as: full, body: { action: 'deactivate', target: { filter: { tags: ['staff'] } } } })
    expectError(byFilter, 400, 'ERR_TOO_MANY_USERS')
    expect(byFilter.body.error.details).toEqual({ target: [expect.stringContaining('2')] })
    const searched = await callHandler(handler, 'POST', '/v3/bulk_actions', { as: full, body: { action: 'deactivate', target: { filter: { searchKey: 'a' } } } })
    expectError(searched, 400, 'ERR_TOO_MANY_USERS')
    const byUids = await callHandler(handler, 'POST', '/v3/bulk_actions', { as: full, body: { action: 'deactivate', target: { uids: ['ann', 'ben', 'cat'] } } })
    expectError(byUids, 400, 'ERR_TOO_MANY_USERS')
    expect(await storeState(env().store)).toEqual(before)
    const fits = await callHandler(handler, 'POST', '/v3/bulk_actions', { as: full, body: { action: 'deactivate', target: { filter: { role: 'moderator' } } } })
    expect(expectData(fits)).toEqual({ succeeded: ['dan'], failed: [], total: 1 })
  })

  describe('past bulk.maxUsers: a job that reports its progress', () => {
    const jobHandler = () => createUserHandler({ store: env().store, keys: envKeys, roles, bulk: { maxUsers: 2 } })
    async function finished(handler: ReturnType<typeof jobHandler>, location: string, as: object) {
      for (;;) {
        const { job } = expectData(await callHandler(handler, 'GET', location, { as }))
        if (job.status === 'done' || job.status === 'failed') return job
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    }

    it('answers 202 with the job, changes every matching user in the background, and reports each outcome', async () => {
      await seed(env())
      for (const uid of ['st1', 'st2', 'st3']) await env().createUser({ uid, name: 'Staff', tags: ['staff'] })
      const handler = jobHandler()
      const started = await callHandler(handler, 'POST', '/v3/bulk_actions', { as: full, body: { action: 'addTags', tags: ['vip'], target: { filter: { tags: ['staff'] }, expectedCount: 6 } } })
      expect(started.status).toBe(202)
      const { job } = started.body.data
      expect(job).toMatchObject({ action: 'addTags', total: 6, processed: 0, failedCount: 0 })
      expect(['queued', 'running']).toContain(job.status)
      const location = started.headers.get('location')!
      expect(location).toBe(`/v3/bulk_actions/${job.id}`)
      const done = await finished(handler, location, full)
      expect(done).toMatchObject({ status: 'done', total: 6, processed: 6, failedCount: 0 })
      expect(sorted(done.result.succeeded)).toEqual(['ann', 'ben', 'dan', 'st1', 'st2', 'st3'])
      expect((await stored(env(), 'st3'))?.tags).toEqual(['staff', 'vip'])
      expect((await stored(env(), 'cat'))?.tags).toBeUndefined()
    })

    it("fails a manager's own role change alone in a job, as in a request, and a job is read on either surface by its guard", async () => {
      await seed(env())
      const authToken = await env().tokenFor((await env().createUser({ uid: MANAGER_UID, name: 'Boss', role: 'admin' })).uid)
      const handler = jobHandler()
      const started = await callHandler(handler, 'POST', '/v3.0/bulk_actions', { as: { authToken }, body: { action: 'setRole', role: 'moderator', target: { uids: ['ann', 'ben', MANAGER_UID] } } })
      expect(started.status).toBe(202)
      const done = await finished(handler, started.headers.get('location')!, { authToken })
      expect(done.result.failed).toEqual([{ uid: MANAGER_UID, code: 'AUTH_ERR_NO_ACCESS', message: expect.any(String) }])
      expect(done.failedCount).toBe(1)
      expect((await stored(env(), 'ben'))?.role).toBe('moderator')
      expect((await stored(env(), MANAGER_UID))?.role).toBe('admin')
      // Nobody without the right reads it; an unknown job is a 404 with its own code.
      const user = { authToken: await env().tokenFor('cat') }
      expectError(await callHandler(handler, 'GET', `/v3.0/bulk_actions/${started.body.data.job.id}`, { as: user }), 403, 'AUTH_ERR_NO_ACCESS')
      expectError(await callHandler(handler, 'GET', '/v3/bulk_actions/not-a-job', { as: full }), 404, 'ERR_JOB_NOT_FOUND')
    })

    it('chooses its users before changing any: a deactivation that empties its own filter still reaches them all', async () => {
      await seed(env())
      for (let i = 0; i < 7; i++) await env().createUser({ uid: `night${i}`, name: 'Night', tags: ['night'] })
      const handler = jobHandler()
      const started = await callHandler(handler, 'POST', '/v3/bulk_actions', { as: full, body: { action: 'deactivate', target: { filter: { tags: ['night'] } } } })
      const done = await finished(handler, started.headers.get('location')!, full)
      expect(done.result.total).toBe(8)
      expect(done.result.succeeded).toHaveLength(8)
      expect((await env().client(full).listUsers({ tags: ['night'] })).users).toEqual([])
    })
  })
})
