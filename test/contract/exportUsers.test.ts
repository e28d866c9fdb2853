import { describe, expect, it } from 'vitest'
import { EXPORT_PAGE } from '../../src/server/bulk/exportUsers.js'
import { describeContract, full, START, type ContractEnv } from './harness.js'
import { managerToken } from './userDataKit.js'

async function exportText(env: ContractEnv, path: string, as: object): Promise<{ status: number; headers: Headers; text: string }> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(as)) headers.set(name === 'apiKey' ? 'apikey' : 'authtoken', value as string)
  const response = await env.handler(new Request(`http://userkit.test${path}`, { headers }))
  return { status: response.status, headers: response.headers, text: await response.text() }
}

const HEADER = 'uid,name,avatar,link,role,statusMessage,tags,metadata,createdAt,updatedAt,deactivatedAt'

describeContract('GET /exports/users', (env) => {
  it('streams CSV with a header row, JSON tags and metadata, quoted where needed and safe from formulas', async () => {
    await env().createUser({
      uid: 'ada',
      name: '=HYPERLINK("http://x")',
      avatar: 'https://example.com/a.png',
      statusMessage: 'line one\nline, two',
      tags: ['staff', 'night'],
      metadata: { team: 'core' },
    })
    await env().createUser({ uid: 'bob', name: "-Bob 'the' builder", role: 'moderator' })
    const answer = await exportText(env(), '/v3/exports/users?format=csv', full)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="users.csv"')
    expect(answer.text).toBe(
      [
        HEADER,
        `ada,"'=HYPERLINK(""http://x"")",https://example.com/a.png,,default,"line one\nline, two","[""staff"",""night""]","{""team"":""core""}",${START},${START},`,
        `bob,'-Bob 'the' builder,,,moderator,,,,${START},${START},`,
        '',
      ].join('\r\n'),
    )
  })

  it('streams JSON Lines, one user a line, hiding @private from a manager but not from a key', async () => {
    await env().createUser({ uid: 'ada', name: 'Ada', metadata: { team: 'core', '@private': { note: 'x' } } })
    const managerAs = { authToken: await managerToken(env()) }
    const byKey = await exportText(env(), '/v3/exports/users?format=jsonl', full)
    expect(byKey.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8')
    const lines = byKey.text.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines.map((line) => JSON.parse(line).uid)).toEqual(['ada', 'boss'])
    expect(JSON.parse(lines[0]!)).toEqual({ uid: 'ada', name: 'Ada', role: 'default', metadata: { team: 'core', '@private': { note: 'x' } }, createdAt: START, updatedAt: START })
    const byManager = await exportText(env(), '/v3.0/exports/users?format=jsonl&searchKey=ada', managerAs)
    expect(byManager.status).toBe(200)
    expect(JSON.parse(byManager.text.trim())).toMatchObject({ uid: 'ada', metadata: { team: 'core' } })
    expect(byManager.text).not.toContain('@private')
  })

  it('applies the filters of GET /users, deactivated users only when asked', async () => {
    await env().createUser({ uid: 'ann', name: 'Ann', tags: ['staff'] })
    await env().createUser({ uid: 'ben', name: 'Ben', tags: ['staff'] })
    await env().createUser({ uid: 'cat', name: 'Cat' })
    await env().client(full).deactivateUser('ben')
    const uids = async (query: string): Promise<string[]> =>
      (await exportText(env(), `/v3/exports/users?format=jsonl&${query}`, full)).text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).uid)
    expect(await uids('tags=staff')).toEqual(['ann'])
    expect(await uids('tags=staff&withDeactivated=1')).toEqual(['ann', 'ben'])
    expect(await uids('onlyDeactivated=1')).toEqual(['ben'])
    const csv = await exportText(env(), '/v3/exports/users?onlyDeactivated=1', full)
    expect(csv.text.split('\r\n')[1]).toMatch(new RegExp(`^ben,Ben,.*,${START}$`))
  })

  it('pages through every user exactly once, past many pages', async () => {
    const count = EXPORT_PAGE * 2 + 1
    for (let i = 0; i < count; i++) {
      const uid = `u${String(i).padStart(5, '0')}`
      await env().store.createUser({ uid, name: uid, role: 'default', status: 'offline', createdAt: START, updatedAt: START })
    }
    const answer = await exportText(env(), '/v3/exports/users', full)
    const rows = answer.text.split('\r\n').slice(1, -1)
    expect(rows).toHaveLength(count)
    expect(new Set(rows.map((row) => row.split(',')[0])).size).toBe(count)
  })

  describe('refusals', () => {
    it('refuses a bad format or filter with a 400 naming it, before any row', async () => {
      const format = await env().call('GET', '/v3/exports/users?format=xlsx', { as: full })
      expect(format.status).toBe(400)
      expect(Object.keys(format.body.error.details)).toEqual(['format'])
      const status = await env().call('GET', '/v3/exports/users?status=busy', { as: full })
      expect(Object.keys(status.body.error.details)).toEqual(['status'])
    })

    it('is for managers only on the client API', async () => {
      await env().createUser({ uid: 'pat', name: 'Pat' })
      const answer = await env().call('GET', '/v3.0/exports/users', { as: { authToken: await env().tokenFor('pat') } })
      expect(answer.status).toBe(403)
    })
  })
})
