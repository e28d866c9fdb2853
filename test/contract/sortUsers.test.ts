import { describe, expect, it } from 'vitest'
import { describeContract, full, type ContractEnv } from './harness.js'
import { managerToken } from './userDataKit.js'

const uidsOf = (body: { data: { uid: string }[] }): string[] => body.data.map((user) => user.uid)

// Users created a minute apart (so createdAt orders them c, a, b, d, e), then edited and seen in
// another order; uids break ties wherever a key is equal.
async function seed(env: ContractEnv): Promise<void> {
  const rows: [uid: string, name: string, role?: string][] = [
    ['c', 'Carl', 'moderator'],
    ['a', 'anna'],
    ['b', 'Bea', 'moderator'],
    ['d', 'Dan'],
    ['e', 'Eve'],
  ]
  for (const [uid, name, role] of rows) {
    await env.createUser({ uid, name, ...(role ? { role } : {}) })
    // e is created in the same second as d: a tie that uid breaks.
    if (uid !== 'd') env.advance(60)
  }
  for (const uid of ['b', 'c']) {
    await env.client(full).updateUser(uid, { statusMessage: `edited ${uid}` })
    env.advance(60)
  }
  for (const uid of ['d', 'a']) {
    await env.call('POST', '/v3.0/user_sessions', { as: { authToken: await env.tokenFor(uid) }, body: {} })
    env.advance(60)
  }
}

describeContract('GET /users sorted by time and role', (env) => {
  const surfaces = [
    { name: 'REST API', prefix: '/v3', as: async () => full },
    { name: 'client API (manager token)', prefix: '/v3.0', as: async (e: ContractEnv) => ({ authToken: await managerToken(e) }) },
  ]
  describe.each(surfaces)('on the $name', (surface) => {
    const order = async (query: string, as: object): Promise<string[]> => {
      const answer = await env().call('GET', `${surface.prefix}/users?${query}`, { as })
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      return uidsOf(answer.body).filter((uid) => uid !== 'boss')
    }

    it('sorts by createdAt, updatedAt, lastActiveAt and role, both ways, uid breaking ties', async () => {
      const as = await surface.as(env())
      await seed(env())
      expect(await order('sortBy=createdAt', as)).toEqual(['c', 'a', 'b', 'd', 'e'])
      expect(await order('sortBy=createdAt&sortOrder=desc', as)).toEqual(['e', 'd', 'b', 'a', 'c'])
      // Never edited: updatedAt is the creation time; a heartbeat changes presence, not updatedAt.
      expect(await order('sortBy=updatedAt', as)).toEqual(['a', 'd', 'e', 'b', 'c'])
      expect(await order('sortBy=updatedAt&sortOrder=desc', as)).toEqual(['c', 'b', 'e', 'd', 'a'])
      // Never seen counts as the earliest: first ascending, last descending.
      expect(await order('sortBy=lastActiveAt', as)).toEqual(['b', 'c', 'e', 'd', 'a'])
      expect(await order('sortBy=lastActiveAt&sortOrder=desc', as)).toEqual(['a', 'd', 'e', 'c', 'b'])
      // By role id, then by name within a role.
      expect(await order('sortBy=role', as)).toEqual(['a', 'd', 'e', 'b', 'c'])
      expect(await order('sortBy=role&sortOrder=desc', as)).toEqual(['c', 'b', 'e', 'd', 'a'])
    })

    it('pages a sort without repeating or skipping anyone', async () => {
      const as = await surface.as(env())
      await seed(env())
      const pages: string[] = []
      for (let page = 1; page <= 3; page++) pages.push(...(await order(`sortBy=createdAt&perPage=2&page=${page}`, as)))
      expect(pages.filter((uid) => uid !== 'boss')).toEqual(['c', 'a', 'b', 'd', 'e'])
    })

    it('combines a sort with a search and a filter', async () => {
      const as = await surface.as(env())
      await seed(env())
      expect(await order('sortBy=createdAt&sortOrder=desc&role=moderator', as)).toEqual(['b', 'c'])
      expect(await order('sortBy=updatedAt&searchKey=c', as)).toEqual(['c'])
    })
  })

  it('refuses an unknown sortBy naming the field', async () => {
    const answer = await env().call('GET', '/v3/users?sortBy=age', { as: full })
    expect(answer.status).toBe(400)
    expect(Object.keys(answer.body.error.details)).toEqual(['sortBy'])
  })
})
