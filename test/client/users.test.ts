import { beforeEach, describe, expect, it } from 'vitest'
import type { User } from '../../src/client/index.js'
import { userEtag } from '../../src/model/index.js'
import { createHarness, lines, rejection, type Harness } from './harness.js'
import { AUTH_KEY, FULL_KEY } from '../support/keys.js'

let h: Harness
beforeEach(() => {
  h = createHarness()
})


describe('createUser', () => {
  it('posts the user to the REST API with the key and resolves the created user', async () => {
    const user = await h.admin.createUser({ uid: 'Ada', name: 'Ada Lovelace', tags: ['math'] })

    expect(user).toMatchObject({ uid: 'ada', name: 'Ada Lovelace', tags: ['math'], role: 'default', status: 'offline' })
    expect(user.authToken).toBeUndefined()
    expect(lines(h.sent)).toEqual(['POST /v3/users'])
    const [request] = h.sent
    expect(request!.body).toEqual({ uid: 'Ada', name: 'Ada Lovelace', tags: ['math'] })
    expect(request!.headers.get('apikey')).toBe(FULL_KEY)
    expect(request!.headers.get('authtoken')).toBeNull()
    expect(request!.headers.get('content-type')).toBe('application/json')
    expect(request!.headers.get('accept')).toBe('application/json')
  })

  it('asks for an auth token with withAuthToken', async () => {
    const user = await h.admin.createUser({ uid: 'ada', name: 'Ada' }, { withAuthToken: true })

    expect(h.sent[0]!.body).toEqual({ uid: 'ada', name: 'Ada', withAuthToken: true })
    expect(user.authToken).toEqual(expect.any(String))
  })

  it('works with an authOnly key, which is what such keys are for', async () => {
    const demo = h.clientWith({ apiKey: AUTH_KEY })
    await expect(demo.createUser({ uid: 'ada', name: 'Ada' })).resolves.toMatchObject({ uid: 'ada' })
  })

  it('prefers the key over a token held alongside it', async () => {
    await h.seed('ada')
    const both = await h.loginAs('ada', { apiKey: AUTH_KEY })

    await both.createUser({ uid: 'bob', name: 'Bob' })

    expect(lines(h.sent)).toEqual(['POST /v3/users'])
    expect(h.sent[0]!.headers.get('apikey')).toBe(AUTH_KEY)
  })

  it('maps a bad name to ERR_BAD_REQUEST with details naming the field', async () => {
    const error = await rejection(h.admin.createUser({ uid: 'ada', name: '   ' }))

    expect(error.code).toBe('ERR_BAD_REQUEST')
    expect(error.status).toBe(400)
    expect(error.details?.name).toEqual([expect.any(String)])
  })

  it('maps a taken uid to ERR_UID_ALREADY_EXISTS', async () => {
    await h.seed('ada')
    const error = await rejection(h.admin.createUser({ uid: 'ADA', name: 'Ada again' }))

    expect(error).toMatchObject({ code: 'ERR_UID_ALREADY_EXISTS', status: 400 })
  })
})

describe('getUser and listUsers', () => {
  it('gets one user by uid', async () => {
    await h.seed('ada')

    await expect(h.admin.getUser('ada')).resolves.toMatchObject({ uid: 'ada', name: 'Ada' })
    expect(lines(h.sent)).toEqual(['GET /v3/users/ada'])
    expect(h.sent[0]!.body).toBeUndefined()
    expect(h.sent[0]!.headers.get('content-type')).toBeNull()
  })

  it('rejects a missing user with ERR_UID_NOT_FOUND and status 404', async () => {
    const error = await rejection(h.admin.getUser('nobody'))

    expect(error).toMatchObject({ code: 'ERR_UID_NOT_FOUND', status: 404 })
  })

  it('encodes uids as one path segment', async () => {
    await rejection(h.admin.getUser('a/b c'))

    expect(lines(h.sent)).toEqual(['GET /v3/users/a%2Fb%20c'])
  })

  it('sends the query with camelCase names, comma-joined arrays and 1/0 flags, and converts pagination', async () => {
    await h.seed('ada', 'adam', 'adele', 'bob')
    await h.admin.updateUser('adele', { tags: ['staff'] })
    h.sent.length = 0

    const page = await h.admin.listUsers({
      searchKey: 'ad',
      searchIn: ['uid', 'name'],
      perPage: 2,
      page: 1,
      withDeactivated: false,
      sortOrder: 'asc',
    })

    expect(lines(h.sent)).toEqual(['GET /v3/users?perPage=2&page=1&searchKey=ad&searchIn=uid,name&withDeactivated=0&sortOrder=asc'])
    expect(page.users.map((user) => user.uid)).toEqual(['ada', 'adam'])
    expect(page.pagination).toEqual({ total: 3, count: 2, perPage: 2, currentPage: 1, totalPages: 2 })

    const tagged = await h.admin.listUsers({ tags: ['staff', 'ops'], withTags: true })
    expect(h.sent.at(-1)!.path).toBe('/v3/users?tags=staff,ops&withTags=1')
    expect(tagged.users.map((user) => user.uid)).toEqual(['adele'])
  })

  it('names every filter as the schema does', async () => {
    const page = await h.admin.listUsers({
      perPage: 5,
      page: 2,
      searchKey: 'a b',
      searchIn: ['name'],
      status: 'available',
      role: 'default',
      roles: ['admin', 'default'],
      tags: ['x'],
      withTags: true,
      uids: ['ada', 'bob'],
      onlyDeactivated: false,
      withDeactivated: true,
      hideBlockedUsers: false,
      sortBy: 'name',
      sortOrder: 'desc',
    })

    expect(h.sent[0]!.path).toBe(
      '/v3/users?perPage=5&page=2&searchKey=a%20b&searchIn=name&status=available&role=default&roles=admin,default' +
        '&tags=x&withTags=1&uids=ada,bob&onlyDeactivated=0&withDeactivated=1&hideBlockedUsers=0&sortBy=name&sortOrder=desc',
    )
    expect(page.pagination).toMatchObject({ perPage: 5, currentPage: 2 })
  })

  it('sends no query string for no query', async () => {
    await h.admin.listUsers()
    expect(lines(h.sent)).toEqual(['GET /v3/users'])
  })
})

describe('updateUser', () => {
  it('puts the changes and resolves the updated user', async () => {
    await h.seed('ada')

    const user = await h.admin.updateUser('ada', { statusMessage: 'Counting', unset: ['tags'] })

    expect(user).toMatchObject({ uid: 'ada', statusMessage: 'Counting' })
    expect(lines(h.sent)).toEqual(['PUT /v3/users/ada'])
    expect(h.sent[0]!.body).toEqual({ statusMessage: 'Counting', unset: ['tags'] })
    expect(h.sent[0]!.headers.get('if-match')).toBeNull()
  })

  it('sends If-Match and maps a stale one to ERR_CONFLICT with the current user', async () => {
    await h.seed('ada')
    const original = await h.admin.getUser('ada')
    const etag = userEtag(original)
    const renamed = await h.admin.updateUser('ada', { name: 'Countess' }, { ifMatch: etag })
    expect(h.sent.at(-1)!.headers.get('if-match')).toBe(etag)

    const error = await rejection(h.admin.updateUser('ada', { name: 'Stale' }, { ifMatch: etag }))

    expect(error).toMatchObject({ code: 'ERR_CONFLICT', status: 412 })
    expect(error.details).toBeUndefined()
    expect(error.current).toMatchObject({ uid: 'ada', name: 'Countess' } satisfies Partial<User>)
    expect(userEtag(error.current!)).toBe(userEtag(renamed))
  })
})

describe('deactivating, reactivating and deleting', () => {
  it('deactivates one user (a DELETE with permanent false) and reactivates it', async () => {
    await h.seed('ada')

    await expect(h.admin.deactivateUser('ada')).resolves.toEqual({ success: true, message: expect.any(String) })
    expect(lines(h.sent)).toEqual(['DELETE /v3/users/ada'])
    expect(h.sent[0]!.body).toEqual({ permanent: false })
    await expect(h.admin.getUser('ada')).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND' })

    const outcomes = await h.admin.reactivateUsers(['ada', 'ghost'])

    expect(h.sent.at(-1)).toMatchObject({ method: 'PUT', path: '/v3/users', body: { uidsToActivate: ['ada', 'ghost'] } })
    expect(outcomes.ada).toEqual({ success: true, message: expect.any(String) })
    expect(outcomes.ghost).toMatchObject({ success: false, error: { code: 'ERR_UID_NOT_FOUND' } })
    await expect(h.admin.getUser('ada')).resolves.toMatchObject({ uid: 'ada' })
  })

  it('deactivates many with per-uid outcomes', async () => {
    await h.seed('ada', 'bob')

    const outcomes = await h.admin.deactivateUsers(['ada', 'bob', 'ghost'])

    expect(h.sent[0]).toMatchObject({ method: 'DELETE', path: '/v3/users', body: { uidsToDeactivate: ['ada', 'bob', 'ghost'] } })
    expect(outcomes.ada!.success).toBe(true)
    expect(outcomes.bob!.success).toBe(true)
    expect(outcomes.ghost).toMatchObject({ success: false, error: { code: 'ERR_UID_NOT_FOUND' } })
  })

  it('deletes for good through the REST API, freeing the uid', async () => {
    await h.seed('ada')

    await expect(h.admin.deleteUser('ada')).resolves.toMatchObject({ success: true })
    expect(h.sent[0]).toMatchObject({ method: 'DELETE', path: '/v3/users/ada', body: { permanent: true } })
    await expect(h.admin.createUser({ uid: 'ada', name: 'Ada II' })).resolves.toMatchObject({ name: 'Ada II' })
  })

  it('deletes through the REST API even when the client holds a token', async () => {
    await h.seed('ada', 'bob')
    const both = await h.loginAs('ada', { apiKey: FULL_KEY })

    await both.deleteUser('bob')
    await both.deactivateUsers(['ada'])

    expect(lines(h.sent)).toEqual(['DELETE /v3/users/bob', 'DELETE /v3/users'])
  })
})
