import { expect, it } from 'vitest'
import { userEtag, UserkitError } from '../../src/model/index.js'
import { describeContract, full, authOnly } from './harness.js'
import { expectError, plainToken } from './userDataKit.js'

describeContract('GET /users/{uid}', (env) => {
  it('answers the user in the envelope with an ETag', async () => {
    await env().createUser({ uid: 'Ada', name: 'Ada Lovelace', tags: ['math'] })
    const answer = await env().call('GET', '/v3/users/ada', { as: full })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('etag')).toMatch(/^"[0-9a-z]+"$/)
    expect(answer.body).toEqual({
      data: {
        uid: 'ada',
        name: 'Ada Lovelace',
        role: 'default',
        status: 'offline',
        tags: ['math'],
        createdAt: env().now(),
        updatedAt: env().now(),
      },
    })
  })

  it('sends the ETag a client derives from the user with userEtag', async () => {
    await env().createUser({ uid: 'ada', name: 'Ada', avatar: 'https://a.test/a.png', metadata: { a: 1, '@private': { b: 2 } } })
    const answer = await env().call('GET', '/v3/users/ada', { as: full })
    expect(answer.headers.get('etag')).toBe(userEtag(answer.body.data))
  })

  // Userkit's own routes must not shadow a uid: CometChat's SDK reads any user at /users/{uid}.
  it.each(['export', 'bulk', 'import'])('answers the user whose uid is %s, on both APIs and to a plain user', async (uid) => {
    await env().createUser({ uid, name: `User ${uid}` })
    await env().createUser({ uid: 'reader', name: 'Reader' })
    expect((await env().call('GET', `/v3/users/${uid}`, { as: full })).body.data).toMatchObject({ uid, name: `User ${uid}` })
    const reader = { authToken: await env().tokenFor('reader') }
    expect((await env().call('GET', `/v3.0/users/${uid}`, { as: reader })).body.data).toMatchObject({ uid, name: `User ${uid}` })
  })

  it('finds a uid whatever its case', async () => {
    await env().createUser({ uid: 'grace' })
    expect((await env().call('GET', '/v3/users/GRACE', { as: full })).body.data.uid).toBe('grace')
    const token = await plainToken(env())
    expect((await env().call('GET', '/v3.0/users/Grace', { as: { authToken: token } })).body.data.uid).toBe('grace')
  })

  it('answers ERR_UID_NOT_FOUND for a missing user', async () => {
    const answer = await env().call('GET', '/v3/users/nobody', { as: full })
    expect(answer.status).toBe(404)
    expect(answer.body.error.code).toBe('ERR_UID_NOT_FOUND')
    const token = await plainToken(env())
    expectError(await env().call('GET', '/v3.0/users/nobody', { as: { authToken: token } }), 404, 'ERR_UID_NOT_FOUND')
  })

  it('answers ERR_UID_NOT_FOUND for a uid no user can have, on every store', async () => {
    const token = await plainToken(env())
    for (const uid of ['a%00b', 'a%20b', encodeURIComponent('é'), 'x'.repeat(101)]) {
      expectError(await env().call('GET', `/v3/users/${uid}`, { as: full }), 404, 'ERR_UID_NOT_FOUND')
      expectError(await env().call('GET', `/v3.0/users/${uid}`, { as: { authToken: token } }), 404, 'ERR_UID_NOT_FOUND')
    }
  })

  it('answers ERR_UID_NOT_FOUND for a deactivated user, on both APIs', async () => {
    await env().createUser({ uid: 'gone' })
    const token = await plainToken(env())
    await env().call('DELETE', '/v3/users/gone', { as: full })
    expectError(await env().call('GET', '/v3/users/gone', { as: full }), 404, 'ERR_UID_NOT_FOUND')
    expectError(await env().call('GET', '/v3.0/users/gone', { as: { authToken: token } }), 404, 'ERR_UID_NOT_FOUND')
  })

  it('refuses an authOnly key', async () => {
    await env().createUser({ uid: 'ada' })
    const answer = await env().call('GET', '/v3/users/ada', { as: authOnly })
    expect(answer.status).toBe(403)
    expect(answer.body.error.code).toBe('AUTH_ERR_NO_ACCESS')
  })

  it('lets any token read any user on the client API, with the block flags relative to the reader', async () => {
    await env().createUser({ uid: 'ada', name: 'Ada' })
    const token = await plainToken(env())
    await env().call('POST', '/v3/users/ada/blockedusers', { as: full, body: { blockedUids: ['pat'] } })
    const answer = await env().call('GET', '/v3.0/users/ada', { as: { authToken: token } })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      data: {
        uid: 'ada',
        name: 'Ada',
        role: 'default',
        status: 'offline',
        hasBlockedMe: true,
        blockedByMe: false,
        createdAt: env().now(),
        updatedAt: env().now(),
      },
    })
    expect(answer.headers.get('etag')).toBe(userEtag(answer.body.data))
  })

  it('carries the block flags on the REST API only with onBehalfOf', async () => {
    await env().createUser({ uid: 'ada' })
    await env().createUser({ uid: 'bob' })
    await env().call('POST', '/v3/users/bob/blockedusers', { as: full, body: { blockedUids: ['ada'] } })
    const plain = await env().call('GET', '/v3/users/ada', { as: full })
    expect(plain.body.data).not.toHaveProperty('hasBlockedMe')
    expect(plain.body.data).not.toHaveProperty('blockedByMe')
    const asBob = await env().call('GET', '/v3/users/ada', { as: { ...full, onBehalfOf: 'bob' } })
    expect(asBob.body.data).toMatchObject({ hasBlockedMe: false, blockedByMe: true })
    const asAda = await env().call('GET', '/v3/users/bob', { as: { ...full, onBehalfOf: 'ADA' } })
    expect(asAda.body.data).toMatchObject({ hasBlockedMe: true, blockedByMe: false })
    // The ETag does not depend on who asks.
    expect(asBob.headers.get('etag')).toBe(plain.headers.get('etag'))
  })

  it('through the client, resolves the user or rejects with a UserkitError', async () => {
    await env().createUser({ uid: 'ada', name: 'Ada' })
    const token = await plainToken(env())
    const client = env().client({ authToken: token })
    expect(await client.getUser('ADA')).toMatchObject({ uid: 'ada', name: 'Ada', hasBlockedMe: false, blockedByMe: false })
    const error = await client.getUser('nobody').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserkitError)
    expect(error).toMatchObject({ code: 'ERR_UID_NOT_FOUND', status: 404 })
  })
})
