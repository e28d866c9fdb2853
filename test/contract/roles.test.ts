import { expect, it } from 'vitest'
import { createUserClient } from '../../src/client/index.js'
import { createUserHandler } from '../../src/server/index.js'
import { envKeys } from './accessKit.js'
import { BASE, describeContract, full } from './harness.js'

describeContract('GET /roles', (env) => {
  it('lists every role with the name to show for it, on both surfaces', async () => {
    const handler = createUserHandler({
      store: env().store,
      keys: envKeys,
      roles: { admin: { manageUsers: true, label: 'Administrator' }, moderator: { label: 'Modérateur' }, default: { label: 'Member' } },
    })
    const admin = createUserClient({ baseUrl: BASE, apiKey: full.apiKey!, fetch: handler })
    await admin.createUser({ uid: 'ada', name: 'Ada' })
    const { authToken } = await admin.createAuthToken('ada')
    const expected = [
      { role: 'default', name: 'Member', manageUsers: false },
      { role: 'admin', name: 'Administrator', manageUsers: true },
      { role: 'moderator', name: 'Modérateur', manageUsers: false },
    ]
    expect(await admin.listRoles()).toEqual(expected)
    expect(await createUserClient({ baseUrl: BASE, authToken, fetch: handler }).listRoles()).toEqual(expected)
  })

  it('names a role without a label by its id', async () => {
    const handler = createUserHandler({ store: env().store, keys: envKeys })
    expect(await createUserClient({ baseUrl: BASE, apiKey: full.apiKey!, fetch: handler }).listRoles()).toEqual([
      { role: 'default', name: 'default', manageUsers: false },
    ])
  })

  it('refuses a label that is not a non-empty string', () => {
    expect(() => createUserHandler({ store: env().store, keys: envKeys, roles: { admin: { label: ' ' } } })).toThrow(/roles.admin.label/)
  })
})
