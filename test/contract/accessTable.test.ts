import { expect, it } from 'vitest'
import { memoryStore } from '../../src/server/index.js'
import { createRoles } from '../../src/server/roles.js'
import { clientApi } from '../../src/server/routes/clientApi.js'
import { restApi } from '../../src/server/routes/restApi.js'
import { envKeys, expectData, expectError, storeState } from './accessKit.js'
import { credentialFixture, credentialKinds } from './credentialKinds.js'
import { callHandler, describeContract, roles } from './harness.js'

// Who may call what, as DESIGN's "Credentials and who may do what" and its two wire-contract tables
// say: every route of both surfaces against every kind of credential. `:uid` is ada, `:manager` root
// (whose role may manage users), `:token` ada's live token; the fixture is in credentialKinds.ts.
type Outcome = { status: number; code?: string }
const ok: Outcome = { status: 200 }
const noKey: Outcome = { status: 401, code: 'AUTH_ERR_EMPTY_APIKEY' }
const badKey: Outcome = { status: 401, code: 'AUTH_ERR_APIKEY_NOT_FOUND' }
const noToken: Outcome = { status: 401, code: 'AUTH_ERR_EMPTY_AUTH_TOKEN' }
const badToken: Outcome = { status: 401, code: 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND' }
const denied: Outcome = { status: 403, code: 'AUTH_ERR_NO_ACCESS' }
const noPicture: Outcome = { status: 404, code: 'ERR_API_NOT_FOUND' }
// Past the guard, a job nobody started is not found: what matters here is who gets that far.
const noJob: Outcome = { status: 404, code: 'ERR_JOB_NOT_FOUND' }
// A 1 × 1 PNG: the avatar routes take a picture as their body, not JSON.
const PICTURE = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'))
const NO_PICTURE = `/v3.0/avatars/${'a'.repeat(64)}.webp`

type Row = [method: string, path: string, body: unknown, expected: Outcome[]]

/** An import's body: CSV, sent as is. */
class CsvFile {
  constructor(readonly text: string) {}
}
const importFile = new CsvFile('uid,name\r\nnewbie,Newbie\r\n')

// prettier-ignore
const table: Row[] = [
  //                                                                                 none     unknown  authOnly fullAcc  own      other    manager  revoked   deactiv.  unknown
  //                                                                                          key      key      key      token    token    token    token     user's    token
  ['POST',   '/v3/users',                         { uid: 'newbie', name: 'Newbie' },  [noKey,   badKey,  ok,      ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['GET',    '/v3/users',                         undefined,                          [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['GET',    '/v3/users/:uid',                    undefined,                          [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['PUT',    '/v3/users/:uid',                    { name: 'Ada Renamed' },            [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['DELETE', '/v3/users/:uid',                    undefined,                          [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['DELETE', '/v3/users',                         { uidsToDeactivate: ['eve'] },      [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['PUT',    '/v3/users',                         { uidsToActivate: ['zed'] },        [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['POST',   '/v3/users/:uid/auth_tokens',        {},                                 [noKey,   badKey,  ok,      ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  // A token for a user whose role may manage users is a manager's powers: an authOnly key (it ships in browsers) may not mint one.
  ['POST',   '/v3/users/:manager/auth_tokens',    {},                                 [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['DELETE', '/v3/users/:uid/auth_tokens',        undefined,                          [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['DELETE', '/v3/users/:uid/auth_tokens/:token', undefined,                          [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['POST',   '/v3/users/:uid/blockedusers',       { blockedUids: ['bob'] },           [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['DELETE', '/v3/users/:uid/blockedusers',       { blockedUids: ['root'] },          [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['GET',    '/v3/users/:uid/blockedusers',       undefined,                          [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['PUT',    '/v3/users/:uid/avatar',             PICTURE,                            [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['DELETE', '/v3/users/:uid/avatar',             undefined,                          [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['POST',   '/v3/bulk_actions',                    { action: 'deactivate', target: { uids: ['eve'] } }, [noKey, badKey, denied, ok, noKey, noKey, noKey, noKey, noKey, noKey]],
  ['GET',    '/v3/bulk_actions/:job',               undefined,                          [noKey,   badKey,  denied,  noJob,   noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['GET',    '/v3/exports/users',                  undefined,                          [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['POST',   '/v3/imports/users',                  importFile,                         [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],
  ['GET',    '/v3/roles',                         undefined,                          [noKey,   badKey,  denied,  ok,      noKey,   noKey,   noKey,   noKey,    noKey,    noKey]],

  ['PUT',    '/v3.0/me',                          { name: 'Renamed' },                [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  ['GET',    '/v3.0/me',                          undefined,                          [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  ['DELETE', '/v3.0/me',                          undefined,                          [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  ['POST',   '/v3.0/user_sessions',               { platform: 'WEB', deviceId: 'd1' },[noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  ['PUT',    '/v3.0/me/avatar',                   PICTURE,                            [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  ['DELETE', '/v3.0/me/avatar',                   undefined,                          [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  // Pictures are public: an <img> sends no credentials. None is stored under this name.
  ['GET',    NO_PICTURE,                          undefined,                          [noPicture, noPicture, noPicture, noPicture, noPicture, noPicture, noPicture, noPicture, noPicture, noPicture]],
  ['GET',    '/v3.0/users',                       undefined,                          [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  ['GET',    '/v3.0/users/:uid',                  undefined,                          [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  ['POST',   '/v3.0/blockedusers',                { blockedUids: ['bob'] },           [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  ['DELETE', '/v3.0/blockedusers',                { blockedUids: ['bob'] },           [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  ['GET',    '/v3.0/blockedusers',                undefined,                          [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  ['GET',    '/v3.0/roles',                       undefined,                          [noToken, noToken, noToken, noToken, ok,      ok,      ok,      badToken, badToken, badToken]],
  // CometChat's app settings name only this server's hosts, and the SDK asks before it has a token.
  ['GET',    '/v3.0/settings',                    undefined,                          [ok,      ok,      ok,      ok,      ok,      ok,      ok,      ok,       ok,       ok]],
  ['POST',   '/v3.0/users',                       { uid: 'newbie', name: 'Newbie' },  [noToken, noToken, noToken, noToken, denied,  denied,  ok,      badToken, badToken, badToken]],
  ['PUT',    '/v3.0/users/:uid',                  { name: 'Ada Renamed' },            [noToken, noToken, noToken, noToken, denied,  denied,  ok,      badToken, badToken, badToken]],
  ['DELETE', '/v3.0/users/:uid',                  undefined,                          [noToken, noToken, noToken, noToken, denied,  denied,  ok,      badToken, badToken, badToken]],
  ['PUT',    '/v3.0/users/:uid/avatar',           PICTURE,                            [noToken, noToken, noToken, noToken, denied,  denied,  ok,      badToken, badToken, badToken]],
  ['DELETE', '/v3.0/users/:uid/avatar',           undefined,                          [noToken, noToken, noToken, noToken, denied,  denied,  ok,      badToken, badToken, badToken]],
  ['PUT',    '/v3.0/users',                       { uidsToActivate: ['zed'] },        [noToken, noToken, noToken, noToken, denied,  denied,  ok,      badToken, badToken, badToken]],
  ['GET',    '/v3.0/exports/users',                undefined,                          [noToken, noToken, noToken, noToken, denied,  denied,  ok,      badToken, badToken, badToken]],
  ['POST',   '/v3.0/imports/users',                importFile,                         [noToken, noToken, noToken, noToken, denied,  denied,  ok,      badToken, badToken, badToken]],
  ['POST',   '/v3.0/bulk_actions',                  { action: 'deactivate', target: { uids: ['eve'] } }, [noToken, noToken, noToken, noToken, denied, denied, ok, badToken, badToken, badToken]],
  ['GET',    '/v3.0/bulk_actions/:job',             undefined,                          [noToken, noToken, noToken, noToken, denied,  denied,  noJob,   badToken, badToken, badToken]],
]

const cells = table.flatMap(([method, path, body, expected]) =>
  credentialKinds.map((kind, column) => {
    const outcome = expected[column] as Outcome
    const answer = `${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}`
    return { method, path, body, kind, outcome, label: `${method} ${path} with ${kind}: ${answer}` }
  }),
)

it('has a cell for every route either surface serves, and one for every kind of credential', () => {
  const ctx = { store: memoryStore(), roles: createRoles(roles), now: () => 0 }
  const served = [
    ...restApi(ctx, envKeys).routes.map(({ method, path }) => `${method} /v3${path}`),
    ...clientApi(ctx, createRoles(roles), undefined).routes.map(({ method, path }) => `${method} /v3.0${path}`),
  ]
  const routeOf = (path: string): string => path.replace(':manager', ':uid').replace(NO_PICTURE, '/v3.0/avatars/:file').replace(':job', ':id')
  expect(new Set(table.map(([method, path]) => `${method} ${routeOf(path)}`))).toEqual(new Set(served))
  // One row per route, but for the rows that name another target of the same route.
  expect(table.filter(([, path]) => !path.includes(':manager')).length).toBe(new Set(served).size)
  for (const [method, path, , expected] of table) expect(expected, `${method} ${path}`).toHaveLength(credentialKinds.length)
})

describeContract('access table', (env) => {
  it.each(cells)('$label', async ({ method, path, body, kind, outcome }) => {
    const fixture = await credentialFixture(env())
    const url = path.replace(':job', 'no-such-job').replace(':uid', 'ada').replace(':manager', 'root').replace(':token', encodeURIComponent(fixture.adaToken))
    const before = await storeState(env().store, fixture.tokens)
    const sent = body instanceof CsvFile ? { rawBody: body.text, headers: { 'content-type': 'text/csv' } } : body !== undefined ? { body } : {}
    const answer =
      body instanceof Uint8Array
        ? await callHandler(env().handler, method, url, { as: fixture.credential(kind), picture: body })
        : await env().call(method, url, { as: fixture.credential(kind), ...sent })
    if (outcome.code === undefined) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(outcome.status)
      // An export is a file (CSV), not an envelope.
      if (path.endsWith('/exports/users')) expect(answer.headers.get('content-disposition')).toMatch(/^attachment/)
      else expectData(answer)
    } else {
      expectError(answer, outcome.status, outcome.code)
      // A refused request changes nothing: no user, block or token.
      expect(await storeState(env().store, fixture.tokens)).toEqual(before)
    }
  })
})
