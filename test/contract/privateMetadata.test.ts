import { describe, expect, it } from 'vitest'
import { userEtag } from '../../src/model/index.js'
import { describeContract, full, type ContractEnv } from './harness.js'
import { expectError, managerToken, plainToken, stored } from './userDataKit.js'

const secret = { ssn: '078-05-1120', notes: ['a', 'b'] }
const metadata = { shared: 'yes', '@private': secret }

/** `ada` with public and private metadata, and tokens for ada, a manager and a plain user. */
async function setUp(env: ContractEnv) {
  await env.createUser({ uid: 'ada', name: 'Ada', metadata })
  return {
    owner: { authToken: await env.tokenFor('ada') },
    manager: { authToken: await managerToken(env) },
    other: { authToken: await plainToken(env) },
  }
}

describeContract('metadata["@private"]', (env) => {
  describe('who sees it', () => {
    it('the user sees it in GET /me, GET /users/{self} and lists', async () => {
      const { owner } = await setUp(env())
      expect((await env().call('GET', '/v3.0/me', { as: owner })).body.data.metadata).toEqual(metadata)
      expect((await env().call('GET', '/v3.0/users/ada', { as: owner })).body.data.metadata).toEqual(metadata)
      const list = await env().call('GET', '/v3.0/users?uids=ada', { as: owner })
      expect(list.body.data[0].metadata).toEqual(metadata)
    })

    it('keys see it, with or without onBehalfOf', async () => {
      await setUp(env())
      expect((await env().call('GET', '/v3/users/ada', { as: full })).body.data.metadata).toEqual(metadata)
      expect((await env().call('GET', '/v3/users?uids=ada', { as: full })).body.data[0].metadata).toEqual(metadata)
      const onBehalf = await env().call('GET', '/v3/users/ada', { as: { ...full, onBehalfOf: 'pat' } })
      expect(onBehalf.body.data.metadata).toEqual(metadata)
    })

    it.each(['manager', 'other'] as const)('a %s token does not see it, in GET one and in lists', async (who) => {
      const tokens = await setUp(env())
      const one = await env().call('GET', '/v3.0/users/ada', { as: tokens[who] })
      expect(one.body.data.metadata).toEqual({ shared: 'yes' })
      const list = await env().call('GET', '/v3.0/users', { as: tokens[who] })
      const ada = list.body.data.find((user: { uid: string }) => user.uid === 'ada')
      expect(ada.metadata).toEqual({ shared: 'yes' })
      expect(JSON.stringify(list.body)).not.toContain(secret.ssn)
      const search = await env().call('GET', '/v3.0/users?searchKey=ada', { as: tokens[who] })
      expect(JSON.stringify(search.body)).not.toContain(secret.ssn)
    })

    it('leaves metadata out altogether when it holds only the private part', async () => {
      const { other } = await setUp(env())
      await env().call('PUT', '/v3/users/ada', { as: full, body: { metadata: { '@private': secret } } })
      const answer = await env().call('GET', '/v3.0/users/ada', { as: other })
      expect(answer.body.data).not.toHaveProperty('metadata')
    })

    it('the ETag is the same for every viewer', async () => {
      const { owner, manager, other } = await setUp(env())
      const etags = [
        (await env().call('GET', '/v3/users/ada', { as: full })).headers.get('etag'),
        (await env().call('GET', '/v3.0/me', { as: owner })).headers.get('etag'),
        (await env().call('GET', '/v3.0/users/ada', { as: owner })).headers.get('etag'),
        (await env().call('GET', '/v3.0/users/ada', { as: manager })).headers.get('etag'),
        (await env().call('GET', '/v3.0/users/ada', { as: other })).headers.get('etag'),
      ]
      expect(new Set(etags).size).toBe(1)
      const seen = (await env().call('GET', '/v3.0/users/ada', { as: other })).body.data
      expect(etags[0]).toBe(userEtag(seen))
    })
  })

  describe('a manager token', () => {
    it('does not see it in the answer to its update', async () => {
      const { manager } = await setUp(env())
      const answer = await env().call('PUT', '/v3.0/users/ada', { as: manager, body: { name: 'Ada L' } })
      expect(answer.status).toBe(200)
      expect(answer.body.data.metadata).toEqual({ shared: 'yes' })
      expect(answer.headers.get('etag')).toBe(userEtag(answer.body.data))
    })

    it('does not see it in the current user of a 412', async () => {
      const { manager } = await setUp(env())
      const stale = (await env().call('GET', '/v3.0/users/ada', { as: manager })).headers.get('etag')!
      await env().call('PUT', '/v3/users/ada', { as: full, body: { name: 'Changed' } })
      const answer = await env().call('PUT', '/v3.0/users/ada', { as: manager, body: { name: 'Mine' }, headers: { 'if-match': stale } })
      expectError(answer, 412, 'ERR_CONFLICT')
      expect(answer.body.error.details.current).toMatchObject({ uid: 'ada', name: 'Changed', metadata: { shared: 'yes' } })
      expect(JSON.stringify(answer.body)).not.toContain(secret.ssn)
    })

    it('updates with If-Match taken from its own view', async () => {
      const { manager } = await setUp(env())
      const seen = await env().call('GET', '/v3.0/users/ada', { as: manager })
      const answer = await env().call('PUT', '/v3.0/users/ada', {
        as: manager,
        body: { statusMessage: 'hi' },
        headers: { 'if-match': userEtag(seen.body.data) },
      })
      expect(answer.status).toBe(200)
    })

    it('replacing metadata keeps the private part it cannot see', async () => {
      const { manager } = await setUp(env())
      const answer = await env().call('PUT', '/v3.0/users/ada', { as: manager, body: { metadata: { replaced: 1 } } })
      expect(answer.status).toBe(200)
      expect(answer.body.data.metadata).toEqual({ replaced: 1 })
      expect((await stored(env(), 'ada'))?.metadata).toEqual({ replaced: 1, '@private': secret })
    })

    it('unsetting metadata keeps the private part it cannot see', async () => {
      const { manager } = await setUp(env())
      const answer = await env().call('PUT', '/v3.0/users/ada', { as: manager, body: { unset: ['metadata'] } })
      expect(answer.status).toBe(200)
      expect(answer.body.data).not.toHaveProperty('metadata')
      expect((await stored(env(), 'ada'))?.metadata).toEqual({ '@private': secret })
    })

    it('cannot overwrite the private part by sending one', async () => {
      const { manager } = await setUp(env())
      await env().call('PUT', '/v3.0/users/ada', { as: manager, body: { metadata: { shared: 'no', '@private': { ssn: 'forged' } } } })
      expect((await stored(env(), 'ada'))?.metadata).toEqual({ shared: 'no', '@private': secret })
    })

    it('cannot plant a private part on a user who has none', async () => {
      const { manager } = await setUp(env())
      await env().call('PUT', '/v3/users/ada', { as: full, body: { unset: ['metadata'] } })
      const answer = await env().call('PUT', '/v3.0/users/ada', { as: manager, body: { metadata: { '@private': { planted: 1 } } } })
      expect(answer.status).toBe(200)
      expect((await stored(env(), 'ada'))?.metadata).toEqual({})
      await env().call('PUT', '/v3.0/users/ada', { as: manager, body: { metadata: { a: 1, '@private': { planted: 1 } } } })
      expect((await stored(env(), 'ada'))?.metadata).toEqual({ a: 1 })
    })

    it('sending back the metadata it sees changes nothing', async () => {
      const { manager } = await setUp(env())
      const before = await stored(env(), 'ada')
      env().advance(10)
      const answer = await env().call('PUT', '/v3.0/users/ada', { as: manager, body: { metadata: { shared: 'yes' } } })
      expect(answer.body.data.updatedAt).toBe(before?.updatedAt)
      expect(await stored(env(), 'ada')).toEqual(before)
    })

    it('does not see the private part of a user it creates', async () => {
      const { manager } = await setUp(env())
      const answer = await env().call('POST', '/v3.0/users', {
        as: manager,
        body: { uid: 'new', name: 'New', metadata: { a: 1, '@private': { b: 2 } } },
      })
      expect(answer.status).toBe(200)
      expect(answer.body.data.metadata).toEqual({ a: 1 })
      expect((await env().call('GET', '/v3/users/new', { as: full })).body.data.metadata).toEqual({ a: 1, '@private': { b: 2 } })
    })
  })

  describe('changing it', () => {
    it('the user changes it through PUT /me', async () => {
      const { owner } = await setUp(env())
      const next = { shared: 'yes', '@private': { ssn: 'new' } }
      const answer = await env().call('PUT', '/v3.0/me', { as: owner, body: { metadata: next } })
      expect(answer.status).toBe(200)
      expect(answer.body.data.metadata).toEqual(next)
      expect((await stored(env(), 'ada'))?.metadata).toEqual(next)
    })

    it('the user can drop it by replacing metadata without it', async () => {
      const { owner } = await setUp(env())
      await env().call('PUT', '/v3.0/me', { as: owner, body: { metadata: { shared: 'only' } } })
      expect((await stored(env(), 'ada'))?.metadata).toEqual({ shared: 'only' })
    })

    it('the user can clear all metadata with unset', async () => {
      const { owner } = await setUp(env())
      await env().call('PUT', '/v3.0/me', { as: owner, body: { unset: ['metadata'] } })
      expect(await stored(env(), 'ada')).not.toHaveProperty('metadata')
    })

    it('a manager who is the user changes its own private part through PUT /users/{self}', async () => {
      const { manager } = await setUp(env())
      const answer = await env().call('PUT', '/v3.0/users/boss', { as: manager, body: { metadata: { '@private': { pin: 1 } } } })
      expect(answer.body.data.metadata).toEqual({ '@private': { pin: 1 } })
      expect((await stored(env(), 'boss'))?.metadata).toEqual({ '@private': { pin: 1 } })
    })

    it('a key changes and clears it', async () => {
      await setUp(env())
      await env().call('PUT', '/v3/users/ada', { as: full, body: { metadata: { '@private': { ssn: 'k' } } } })
      expect((await stored(env(), 'ada'))?.metadata).toEqual({ '@private': { ssn: 'k' } })
      await env().call('PUT', '/v3/users/ada', { as: full, body: { unset: ['metadata'] } })
      expect(await stored(env(), 'ada')).not.toHaveProperty('metadata')
    })
  })
})
