import { describe, expect, it } from 'vitest'
import { userEtag, UserkitError } from '../../src/model/index.js'
import { authOnly, describeContract, full } from './harness.js'
import {
  clientSurface,
  expectBadRequest,
  expectError,
  MANAGER_UID,
  managerToken,
  managingSurfaces,
  plainToken,
  stored,
} from './userDataKit.js'

const fullProfile = {
  name: 'Ada Lovelace',
  avatar: 'https://example.test/ada.png',
  link: 'https://example.test/ada',
  metadata: { team: 'engines', level: 1 },
  statusMessage: 'Computing',
  tags: ['math', 'poetry'],
}

describeContract('PUT /users/{uid}', (env) => {
  describe.each(managingSurfaces)('on the $name', (surface) => {
    const put = async (uid: string, body: unknown, as: object, headers?: Record<string, string>) =>
      env().call('PUT', `${surface.prefix}/users/${uid}`, { as, body, ...(headers ? { headers } : {}) })

    it('updates each editable field, answers the user with its ETag and stores it', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      env().advance(60)
      const answer = await put('ada', fullProfile, as)
      expect(answer.status).toBe(200)
      const expected = {
        uid: 'ada',
        role: 'default',
        status: 'offline',
        ...fullProfile,
        createdAt: env().now() - 60,
        updatedAt: env().now(),
      }
      expect(answer.body).toEqual({
        data: { ...expected, ...(surface === clientSurface ? { hasBlockedMe: false, blockedByMe: false } : {}) },
      })
      expect(answer.headers.get('etag')).toBe(userEtag(answer.body.data))
      expect(await stored(env(), 'ada')).toEqual(expected)
    })

    it.each([
      ['name', 'Countess'],
      ['avatar', 'http://example.test/new.png'],
      ['link', 'https://example.test/new'],
      ['metadata', { replaced: true }],
      ['statusMessage', 'Away'],
      ['tags', ['new']],
    ] as const)('updates %s alone and leaves the other fields as they were', async (field, value) => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', ...fullProfile })
      const before = await stored(env(), 'ada')
      env().advance(5)
      const answer = await put('ADA', { [field]: value }, as)
      expect(answer.status).toBe(200)
      expect(answer.body.data[field]).toEqual(value)
      expect(await stored(env(), 'ada')).toEqual({ ...before, [field]: value, updatedAt: env().now() })
    })

    it('clears avatar, link, metadata, statusMessage and tags with unset', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', ...fullProfile })
      env().advance(5)
      const answer = await put('ada', { unset: ['avatar', 'link', 'metadata', 'statusMessage', 'tags'] }, as)
      expect(answer.status).toBe(200)
      for (const field of ['avatar', 'link', 'metadata', 'statusMessage', 'tags']) expect(answer.body.data).not.toHaveProperty(field)
      expect(await stored(env(), 'ada')).toEqual({
        uid: 'ada',
        name: 'Ada Lovelace',
        role: 'default',
        status: 'offline',
        createdAt: env().now() - 5,
        updatedAt: env().now(),
      })
    })

    it('sets some fields and unsets others in one update', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', ...fullProfile })
      const answer = await put('ada', { name: 'A', unset: ['tags'] }, as)
      expect(answer.status).toBe(200)
      expect(answer.body.data.name).toBe('A')
      expect(answer.body.data).not.toHaveProperty('tags')
      expect(answer.body.data.avatar).toBe(fullProfile.avatar)
    })

    it('treats tags: [] as clearing the tags', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', ...fullProfile })
      const answer = await put('ada', { tags: [] }, as)
      expect(answer.status).toBe(200)
      expect(answer.body.data).not.toHaveProperty('tags')
      expect(await stored(env(), 'ada')).not.toHaveProperty('tags')
    })

    it('refuses a field both set and unset, naming unset, and changes nothing', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', ...fullProfile })
      const before = await stored(env(), 'ada')
      expectBadRequest(await put('ada', { avatar: 'https://x.test/a.png', unset: ['avatar'] }, as), 'unset')
      expect(await stored(env(), 'ada')).toEqual(before)
    })

    it('refuses to unset name, uid, role or an unknown field, naming unset', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', ...fullProfile })
      const before = await stored(env(), 'ada')
      for (const unset of [['name'], ['uid'], ['role'], ['createdAt'], ['nonsense'], 'avatar', [1]]) {
        expectBadRequest(await put('ada', { unset }, as), 'unset')
      }
      expect(await stored(env(), 'ada')).toEqual(before)
    })

    it('ignores a uid in the body: a user cannot be renamed', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const answer = await put('ada', { uid: 'grace', name: 'Still Ada' }, as)
      expect(answer.status).toBe(200)
      expect(answer.body.data.uid).toBe('ada')
      expect(await stored(env(), 'grace')).toBeNull()
      expect((await stored(env(), 'ada'))?.name).toBe('Still Ada')
    })

    it('ignores server-set fields in the body', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const before = await stored(env(), 'ada')
      env().advance(5)
      const answer = await put(
        'ada',
        { status: 'online', lastActiveAt: 5, createdAt: 1, updatedAt: 2, deactivatedAt: 3, hasBlockedMe: true, blockedByMe: true },
        as,
      )
      expect(answer.status).toBe(200)
      expect(await stored(env(), 'ada')).toEqual(before)
      expect((await env().call('GET', '/v3/users/ada', { as: full })).status).toBe(200)
    })

    it('moves updatedAt only when something changed, and keeps the ETag of an update that changes nothing', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', ...fullProfile })
      const first = await env().call('GET', '/v3/users/ada', { as: full })
      env().advance(30)
      const same = await put('ada', { name: fullProfile.name, tags: fullProfile.tags, metadata: { level: 1, team: 'engines' } }, as)
      expect(same.status).toBe(200)
      expect(same.body.data.updatedAt).toBe(first.body.data.updatedAt)
      expect(same.headers.get('etag')).toBe(first.headers.get('etag'))
      const empty = await put('ada', {}, as)
      expect(empty.status).toBe(200)
      expect(empty.body.data.updatedAt).toBe(first.body.data.updatedAt)
      const unsetAbsent = await env().call('PUT', `${surface.prefix}/users/ada`, { as, body: { unset: [] } })
      expect(unsetAbsent.body.data.updatedAt).toBe(first.body.data.updatedAt)
      expect((await stored(env(), 'ada'))?.updatedAt).toBe(first.body.data.updatedAt)

      const changed = await put('ada', { statusMessage: 'Now' }, as)
      expect(changed.body.data.updatedAt).toBe(env().now())
      expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'))
      expect(changed.headers.get('etag')).toBe(userEtag(changed.body.data))
    })

    it('applies an update whose If-Match is the current ETag, or *', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const read = await env().call('GET', `${surface.prefix}/users/ada`, { as })
      const etag = read.headers.get('etag')!
      expect(etag).toBe(userEtag(read.body.data))
      const first = await put('ada', { name: 'Ada 2' }, as, { 'if-match': etag })
      expect(first.status).toBe(200)
      expect(first.body.data.name).toBe('Ada 2')
      const star = await put('ada', { name: 'Ada 3' }, as, { 'if-match': '*' })
      expect(star.status).toBe(200)
      // One of several ETags may match (a weak one never does: hostileBodies.test.ts).
      const listed = await put('ada', { name: 'Ada 4' }, as, { 'if-match': `"nope", ${star.headers.get('etag')}` })
      expect(listed.status).toBe(200)
      expect((await stored(env(), 'ada'))?.name).toBe('Ada 4')
    })

    it('refuses a stale If-Match with 412 ERR_CONFLICT carrying the current user, and changes nothing', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada', metadata: { shared: 1 } })
      const stale = (await env().call('GET', `${surface.prefix}/users/ada`, { as })).headers.get('etag')!
      env().advance(10)
      await env().call('PUT', '/v3/users/ada', { as: full, body: { name: 'Ada (edited elsewhere)' } })
      const now = await env().call('GET', `${surface.prefix}/users/ada`, { as })
      const before = await stored(env(), 'ada')
      env().advance(10)
      const answer = await put('ada', { name: 'Mine' }, as, { 'if-match': stale })
      expectError(answer, 412, 'ERR_CONFLICT')
      expect(answer.body.error.details).toEqual({ current: now.body.data })
      expect(userEtag(answer.body.error.details.current)).toBe(now.headers.get('etag'))
      expect(await stored(env(), 'ada')).toEqual(before)
    })

    it('through the client, a stale ifMatch rejects with a UserkitError holding the current user', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const client = env().client(as)
      const copy = await client.getUser('ada')
      await client.updateUser('ada', { name: 'Ada 2' }, { ifMatch: userEtag(copy) })
      const error = await client.updateUser('ada', { name: 'Ada 3' }, { ifMatch: userEtag(copy) }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UserkitError)
      expect(error).toMatchObject({ code: 'ERR_CONFLICT', status: 412, current: { uid: 'ada', name: 'Ada 2' } })
      expect((await stored(env(), 'ada'))?.name).toBe('Ada 2')
    })

    it('answers ERR_UID_NOT_FOUND for a missing or deactivated user', async () => {
      const as = await surface.credential(env())
      expectError(await put('nobody', { name: 'X' }, as), 404, 'ERR_UID_NOT_FOUND')
      await env().createUser({ uid: 'gone', name: 'Gone' })
      await env().call('DELETE', '/v3/users/gone', { as: full })
      const before = await stored(env(), 'gone')
      expectError(await put('gone', { name: 'Back?' }, as), 404, 'ERR_UID_NOT_FOUND')
      expect(await stored(env(), 'gone')).toEqual(before)
    })

    it('answers ERR_UID_NOT_FOUND for a uid no user can have, on every store', async () => {
      const as = await surface.credential(env())
      for (const uid of ['a%00b', 'a%20b', 'x'.repeat(101)]) expectError(await put(uid, { name: 'X' }, as), 404, 'ERR_UID_NOT_FOUND')
    })

    it("changes another user's role, and refuses an unknown role with ERR_ROLE_NOT_FOUND", async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      const promoted = await put('ada', { role: 'moderator' }, as)
      expect(promoted.status).toBe(200)
      expect(promoted.body.data.role).toBe('moderator')
      const admin = await put('ada', { role: 'admin' }, as)
      expect(admin.body.data.role).toBe('admin')
      expectError(await put('ada', { role: 'wizard' }, as), 404, 'ERR_ROLE_NOT_FOUND')
      expect((await stored(env(), 'ada'))?.role).toBe('admin')
    })

    it('through the client, updates and resolves the user', async () => {
      const as = await surface.credential(env())
      await env().createUser({ uid: 'ada', name: 'Ada', tags: ['a'] })
      const user = await env().client(as).updateUser('ADA', { statusMessage: 'Hi', unset: ['tags'] })
      expect(user).toMatchObject({ uid: 'ada', statusMessage: 'Hi' })
      expect(user).not.toHaveProperty('tags')
    })
  })

  describe('a manager token on itself', () => {
    it('cannot change its own role: 403 and nothing changes', async () => {
      const token = await managerToken(env())
      const before = await stored(env(), MANAGER_UID)
      const answer = await env().call('PUT', `/v3.0/users/${MANAGER_UID}`, { as: { authToken: token }, body: { role: 'default', name: 'X' } })
      expectError(answer, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await stored(env(), MANAGER_UID)).toEqual(before)
      const upper = await env().call('PUT', '/v3.0/users/BOSS', { as: { authToken: token }, body: { role: 'moderator' } })
      expectError(upper, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await stored(env(), MANAGER_UID)).toEqual(before)
    })

    it('may send its current role, which is ignored, and edit the rest', async () => {
      const token = await managerToken(env())
      env().advance(3)
      const answer = await env().call('PUT', `/v3.0/users/${MANAGER_UID}`, { as: { authToken: token }, body: { role: 'admin', name: 'Big Boss' } })
      expect(answer.status).toBe(200)
      expect(answer.body.data).toMatchObject({ role: 'admin', name: 'Big Boss', updatedAt: env().now() })
    })
  })

  describe('who may update', () => {
    it('a plain token may not update anyone through /users, itself included', async () => {
      const token = await plainToken(env())
      await env().createUser({ uid: 'ada', name: 'Ada' })
      expectError(await env().call('PUT', '/v3.0/users/ada', { as: { authToken: token }, body: { name: 'X' } }), 403, 'AUTH_ERR_NO_ACCESS')
      expectError(await env().call('PUT', '/v3.0/users/pat', { as: { authToken: token }, body: { name: 'X' } }), 403, 'AUTH_ERR_NO_ACCESS')
      expect((await stored(env(), 'ada'))?.name).toBe('Ada')
      expect((await stored(env(), 'pat'))?.name).toBe('pat')
    })

    it('an authOnly key may not update', async () => {
      await env().createUser({ uid: 'ada', name: 'Ada' })
      expectError(await env().call('PUT', '/v3/users/ada', { as: authOnly, body: { name: 'X' } }), 403, 'AUTH_ERR_NO_ACCESS')
      expect((await stored(env(), 'ada'))?.name).toBe('Ada')
    })

    it('a manager may demote another manager', async () => {
      const token = await managerToken(env())
      await env().createUser({ uid: 'other', name: 'Other', role: 'admin' })
      const answer = await env().call('PUT', '/v3.0/users/other', { as: { authToken: token }, body: { role: 'default' } })
      expect(answer.status).toBe(200)
      expect((await stored(env(), 'other'))?.role).toBe('default')
    })
  })
})
