import { describe, expect, it } from 'vitest'
import { createUserHandler } from '../../src/server/index.js'
import { envKeys, expectData, expectError, storeState } from './accessKit.js'
import { callHandler, describeContract, full, roles, START, type ContractEnv, type Credential } from './harness.js'
import { managerToken, MANAGER_UID, stored } from './userDataKit.js'

const csv = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`

function importFile(env: ContractEnv, text: string, { as = full, type = 'text/csv', query = '' }: { as?: Credential; type?: string; query?: string } = {}) {
  return env.call('POST', `/v3${as.authToken ? '.0' : ''}/imports/users${query}`, { as, rawBody: text, headers: { 'content-type': type } })
}

async function exported(env: ContractEnv, format: 'csv' | 'jsonl'): Promise<string> {
  const response = await env.handler(new Request(`http://userkit.test/v3/exports/users?format=${format}`, { headers: { apikey: full.apiKey! } }))
  return response.text()
}

describeContract('POST /imports/users', (env) => {
  it('creates and updates row by row, and reports a bad row by line and field without writing any of it', async () => {
    await env().createUser({ uid: 'ann', name: 'Ann', tags: ['staff'] })
    env().advance(60)
    const answer = await importFile(
      env(),
      csv(
        'uid,name,avatar,tags,metadata',
        'ann,Ann Lee,,"[""staff"",""vip""]",',
        'ben,Ben,https://example.com/ben.png,,"{""team"":""core""}"',
        'cat,Cat,javascript:alert(1),"[""x""]",',
        'dan,"Dan, the ""second""",,,',
      ),
    )
    const report = expectData(answer)
    expect(report).toMatchObject({ dryRun: false, created: 2, updated: 1, unchanged: 0, failed: 1 })
    expect(report.rows).toEqual([
      { line: 2, uid: 'ann', outcome: 'updated' },
      { line: 3, uid: 'ben', outcome: 'created' },
      { line: 4, uid: 'cat', outcome: 'failed' },
      { line: 5, uid: 'dan', outcome: 'created' },
    ])
    // The rule beside the English, for an app to say it in its own words (as a refused save does).
    expect(report.errors).toEqual([{ line: 4, uid: 'cat', field: 'avatar', code: 'ERR_BAD_REQUEST', rule: 'url', message: expect.stringContaining('URL') }])
    expect(await stored(env(), 'cat')).toBeNull()
    expect(await stored(env(), 'ann')).toMatchObject({ name: 'Ann Lee', tags: ['staff', 'vip'], updatedAt: START + 60 })
    expect(await stored(env(), 'ben')).toMatchObject({ avatar: 'https://example.com/ben.png', metadata: { team: 'core' } })
    expect((await stored(env(), 'dan'))?.name).toBe('Dan, the "second"')
  })

  it('changes nothing the second time the same file is imported, timestamps included', async () => {
    // ben's empty role: default on the create, left as it is on the update.
    const file = csv('uid,name,role,statusMessage', 'ann,Ann,moderator,Hi', 'ben,Ben,,')
    expectData(await importFile(env(), file))
    const before = await storeState(env().store)
    env().advance(60)
    const again = expectData(await importFile(env(), file))
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 })
    expect(await storeState(env().store)).toEqual(before)
  })

  it('reports what a dry run would do and writes nothing', async () => {
    await env().createUser({ uid: 'ann', name: 'Ann' })
    await env().createUser({ uid: 'ben', name: 'Ben' })
    const before = await storeState(env().store)
    const report = expectData(await importFile(env(), csv('uid,name', 'ann,Ann', 'ben,Benjamin', 'cat,Cat', 'cat,Catherine', 'bad uid,X'), { query: '?dryRun=1' }))
    expect(report).toMatchObject({ dryRun: true, created: 1, updated: 2, unchanged: 1, failed: 1 })
    expect(report.rows.map((row: { outcome: string }) => row.outcome)).toEqual(['unchanged', 'updated', 'created', 'updated', 'failed'])
    expect(report.errors).toEqual([{ line: 6, field: 'uid', code: 'ERR_BAD_REQUEST', rule: expect.stringMatching(/^(pattern|required|tooLong)$/), message: expect.any(String) }])
    expect(await storeState(env().store)).toEqual(before)
  })

  it.each(['csv', 'jsonl'] as const)('takes back its own %s export unchanged', async (format) => {
    await env().createUser({ uid: 'ann', name: '=Ann', tags: ['a;b', 'c'], metadata: { '@private': { k: 1 }, x: [1, 'two'] }, statusMessage: "'quoted'\nnext" })
    await env().createUser({ uid: 'ben', name: '-Ben', avatar: 'https://example.com/b.png', role: 'moderator' })
    const before = await storeState(env().store)
    env().advance(60)
    const type = format === 'csv' ? 'text/csv' : 'application/x-ndjson'
    const report = expectData(await importFile(env(), await exported(env(), format), { type }))
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 })
    expect(await storeState(env().store)).toEqual(before)
  })

  it('reads JSON Lines: null clears a field, a line that is not JSON fails alone', async () => {
    await env().createUser({ uid: 'ann', name: 'Ann', statusMessage: 'Hi', tags: ['x'] })
    const text = ['{"uid":"ann","statusMessage":null,"tags":["y"]}', '', '{"uid":"ben",', '{"uid":"cat","name":"Cat","createdAt":1}'].join('\n')
    const report = expectData(await importFile(env(), text, { type: 'application/x-ndjson' }))
    expect(report.rows).toEqual([
      { line: 1, uid: 'ann', outcome: 'updated' },
      { line: 3, outcome: 'failed' },
      { line: 4, uid: 'cat', outcome: 'created' },
    ])
    expect(report.errors).toEqual([{ line: 3, code: 'ERR_BAD_REQUEST', message: 'The line is not valid JSON.' }])
    const ann = await stored(env(), 'ann')
    expect(ann?.statusMessage).toBeUndefined()
    expect(ann?.tags).toEqual(['y'])
    expect((await stored(env(), 'cat'))?.createdAt).toBe(START)
  })

  it('lets a manager import, but not change their own role, and reports a deactivated user', async () => {
    const authToken = await managerToken(env())
    await env().createUser({ uid: 'zed', name: 'Zed' })
    await env().client(full).deactivateUser('zed')
    const report = expectData(await importFile(env(), csv('uid,name,role', `${MANAGER_UID},Boss,default`, 'ann,Ann,admin', 'zed,Zed,'), { as: { authToken } }))
    expect(report.rows.map((row: { outcome: string }) => row.outcome)).toEqual(['failed', 'created', 'failed'])
    expect(report.errors).toEqual([
      { line: 2, uid: MANAGER_UID, field: 'role', code: 'AUTH_ERR_NO_ACCESS', message: expect.any(String) },
      { line: 4, uid: 'zed', field: 'uid', code: 'ERR_UID_NOT_FOUND', message: expect.stringContaining('deactivated') },
    ])
    expect((await stored(env(), MANAGER_UID))?.role).toBe('admin')
    expect((await stored(env(), 'ann'))?.role).toBe('admin')
  })

  describe('refusals', () => {
    it('refuses a file whose header it cannot read, whole', async () => {
      const before = await storeState(env().store)
      const unknown = await importFile(env(), csv('uid,name,nickname', 'ann,Ann,A'))
      expectError(unknown, 400, 'ERR_BAD_REQUEST')
      expect(unknown.body.error.message).toContain('nickname')
      expectError(await importFile(env(), csv('name', 'Ann')), 400, 'ERR_BAD_REQUEST')
      expectError(await importFile(env(), 'uid,name\r\nann,"Ann'), 400, 'ERR_BAD_REQUEST')
      expect(await storeState(env().store)).toEqual(before)
    })

    it('takes only text/csv and application/x-ndjson, and those only on the import route', async () => {
      expectError(await importFile(env(), '{"uid":"ann","name":"Ann"}', { type: 'application/json' }), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE')
      expectError(await importFile(env(), csv('uid,name', 'ann,Ann'), { type: 'text/plain' }), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE')
      const elsewhere = await env().call('POST', '/v3/users', { as: full, rawBody: 'uid,name\r\nann,Ann', headers: { 'content-type': 'text/csv' } })
      expectError(elsewhere, 415, 'ERR_UNSUPPORTED_MEDIA_TYPE')
      expect(await stored(env(), 'ann')).toBeNull()
    })

    it('refuses a file over bulk.maxImportBytes with 413, counting what arrives', async () => {
      const handler = createUserHandler({ store: env().store, keys: envKeys, roles, bulk: { maxImportBytes: 64 } })
      const file = csv('uid,name', ...Array.from({ length: 10 }, (_, i) => `user${i},User ${i}`))
      const answer = await callHandler(handler, 'POST', '/v3/imports/users', { as: full, rawBody: file, headers: { 'content-type': 'text/csv' } })
      expectError(answer, 413, 'ERR_PAYLOAD_TOO_LARGE')
      expect(await stored(env(), 'user0')).toBeNull()
    })

    it('asks for credentials before reading the file', async () => {
      expectError(await env().call('POST', '/v3/imports/users', { rawBody: 'uid,name\r\nann,Ann', headers: { 'content-type': 'text/csv' } }), 401, 'AUTH_ERR_EMPTY_APIKEY')
      await env().createUser({ uid: 'pat', name: 'Pat' })
      const plain = await importFile(env(), csv('uid,name', 'ann,Ann'), { as: { authToken: await env().tokenFor('pat') } })
      expectError(plain, 403, 'AUTH_ERR_NO_ACCESS')
      expect(await stored(env(), 'ann')).toBeNull()
    })
  })
})
