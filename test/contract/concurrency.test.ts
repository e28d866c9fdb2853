import { expect, it } from 'vitest'
import { createUserHandler } from '../../src/server/index.js'
import { callHandler, describeContract, FULL_KEY, full, roles, type Answer } from './harness.js'

// Requests at once against one store: the store's transactions, not luck, keep every write.
describeContract('concurrency', (env) => {
  it('100 creates of one uid at once: exactly one succeeds, the others are told the uid is taken', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) => env().call('POST', '/v3/users', { as: full, body: { uid: 'ada', name: `Ada ${index}` } })),
    )
    const created = answers.filter((answer) => answer.status === 200)
    expect(created).toHaveLength(1)
    expect(answers.filter((answer) => answer.body?.error?.code === 'ERR_UID_ALREADY_EXISTS')).toHaveLength(99)
    expect((await env().store.getUser('ada'))?.name).toBe(created[0]?.body.data.name)
  })

  it('1,000 updates of different fields of one user at once: no field loses its write', async () => {
    await env().createUser({ uid: 'ada', name: 'Ada' })
    const writes: [field: string, value: (index: number) => unknown][] = [
      ['name', (index) => `Name ${index}`],
      ['statusMessage', (index) => `Status ${index}`],
      ['link', (index) => `https://example.com/${index}`],
      ['avatar', (index) => `https://example.com/${index}.png`],
      ['tags', (index) => [`tag-${index}`]],
      ['metadata', (index) => ({ n: index })],
    ]
    const written = new Map<string, unknown[]>(writes.map(([field]) => [field, []]))
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, index) => {
        const [field, value] = writes[index % writes.length]!
        written.get(field)!.push(value(index))
        return env().call('PUT', '/v3/users/ada', { as: full, body: { [field]: value(index) } })
      }),
    )
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([])
    const user = (await env().call('GET', '/v3/users/ada', { as: full })).body.data
    for (const [field, values] of written) expect(values).toContainEqual(user[field])
  })

  it('two editors saving the same version: one is saved, the other gets 412 with what the first saved', async () => {
    await env().createUser({ uid: 'ada', name: 'Ada' })
    const etag = (await env().call('GET', '/v3/users/ada', { as: full })).headers.get('etag') as string
    const save = (name: string): Promise<Answer> =>
      env().call('PUT', '/v3/users/ada', { as: full, body: { name }, headers: { 'if-match': etag } })
    const answers = await Promise.all([save('Ada Lovelace'), save('Ada Byron')])
    const saved = answers.find((answer) => answer.status === 200)
    const refused = answers.find((answer) => answer.status === 412)
    expect(saved).toBeDefined()
    expect(refused?.body.error.code).toBe('ERR_CONFLICT')
    expect(refused?.body.error.details.current.name).toBe(saved?.body.data.name)
  })

  it('two handler instances over one database behave as one', async () => {
    const other = createUserHandler({ store: env().store, keys: [{ key: FULL_KEY, scope: 'fullAccess' }], roles })
    await callHandler(other, 'POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'Ada' } })
    expect((await env().call('GET', '/v3/users/ada', { as: full })).body.data.name).toBe('Ada')
    expect((await env().call('POST', '/v3/users', { as: full, body: { uid: 'ada', name: 'Ada' } })).body.error.code).toBe('ERR_UID_ALREADY_EXISTS')

    const token = (await callHandler(other, 'POST', '/v3/users/ada/auth_tokens', { as: full })).body.data.authToken as string
    const me = await env().call('GET', '/v3.0/me', { as: { authToken: token } })
    expect(me.status).toBe(200)
    expect(me.body.data.uid).toBe('ada')

    const etag = me.headers.get('etag') as string
    const first = await callHandler(other, 'PUT', '/v3/users/ada', { as: full, body: { name: 'Ada L' }, headers: { 'if-match': etag } })
    const second = await env().call('PUT', '/v3/users/ada', { as: full, body: { name: 'Ada B' }, headers: { 'if-match': etag } })
    expect([first.status, second.status]).toEqual([200, 412])
  })
})
