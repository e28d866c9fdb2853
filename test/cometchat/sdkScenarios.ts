import { expect } from 'vitest'
import * as acts from './sdkActs.js'
import type { Outcome, SdkError, SdkRuntime } from './sdkRuntime.js'
import { AUTH_KEY, FULL_KEY, PRESENCE_TIMEOUT, START, type SdkServer } from './sdkServer.js'

export interface ScenarioContext {
  sdk: SdkRuntime
  server: SdkServer
}

/** One SDK call, checked end to end. Scenarios run in order: later ones build on earlier ones. */
export interface SdkScenario {
  name: string
  run(ctx: ScenarioContext): Promise<void>
}

const ME = 'sdk_user'

/** Users the server holds before the SDK starts: names, roles and tags chosen for the filters. */
const people = [
  { uid: 'ann', name: 'Ann Lee', tags: ['team-a'] },
  { uid: 'anna_b', name: 'Anna Bell', role: 'admin', tags: ['team-b'] },
  { uid: 'annie', name: 'Zoe Annie' },
  { uid: 'x_user', name: 'Annika', role: 'moderator' },
  { uid: 'bob', name: 'Bob Stone', tags: ['team-a', 'lead'] },
  { uid: 'carl', name: 'Carl Annex', role: 'moderator' },
  { uid: 'dana', name: 'Dana Ng' },
  { uid: 'eve', name: 'Eve Ant', tags: ['lead'] },
  { uid: 'fay', name: 'Fay Moss' },
  { uid: 'gus', name: 'Gus Ray', role: 'admin' },
]

/** Everyone by name, as the server lists by default once the SDK's user exists. */
const byName = ['ann', 'anna_b', 'x_user', 'bob', 'carl', 'dana', 'eve', 'fay', 'gus', ME, 'annie']

const device = { platform: 'WEB', deviceId: 'seed-device', appInfo: { version: '4.2.0' } }

/** Creates `people` with the fullAccess key; bob and dana log in (online) at the start of the clock. */
export async function seed(server: SdkServer): Promise<void> {
  for (const person of people) expect(await server.call('POST', '/v3/users', { apiKey: FULL_KEY, body: person })).toHaveProperty('data')
  for (const uid of ['bob', 'dana']) {
    const { data } = await server.call('POST', `/v3/users/${uid}/auth_tokens`, { apiKey: FULL_KEY, body: device })
    expect(await server.call('PUT', '/v3.0/me', { authToken: data.authToken, body: device })).toHaveProperty('data')
  }
}

function ok<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`the SDK failed: ${JSON.stringify(outcome.error)}`)
  return outcome.value
}

/** The SDK's rejection, which must be its CometChatException (a plain object, not an Error). */
function failure(outcome: Outcome<unknown>): SdkError {
  if (outcome.ok) throw new Error(`the SDK succeeded: ${JSON.stringify(outcome.value)}`)
  return outcome.error
}

const uids = (pages: acts.ListedUser[][]): string[] => pages.flat().map((user) => user.uid)
const list = (sdk: SdkRuntime, args: acts.ListArgs): Promise<acts.ListedUser[][]> => sdk.run(acts.listUsers, args).then(ok)

async function stored(server: SdkServer, uid: string): Promise<Record<string, unknown>> {
  return (await server.call('GET', `/v3/users/${uid}`, { apiKey: FULL_KEY })).data
}

/** Every SDK call Userkit supports, the same list for each runtime. */
export const sdkScenarios: SdkScenario[] = [
  {
    name: 'createUser(user, authKey)',
    async run({ sdk }) {
      const user = ok(await sdk.run(acts.createUser, { uid: ME, name: 'Sdk User', tags: ['new'], key: AUTH_KEY }))
      expect(user).toMatchObject({ uid: ME, name: 'Sdk User', role: 'default', tags: ['new'], status: 'offline' })
      expect(user).not.toHaveProperty('authToken')
    },
  },
  {
    name: 'createUser with a taken uid rejects with ERR_UID_ALREADY_EXISTS',
    async run({ sdk }) {
      const error = failure(await sdk.run(acts.createUser, { uid: 'ann', name: 'Another Ann', key: AUTH_KEY }))
      expect(error).toMatchObject({ code: 'ERR_UID_ALREADY_EXISTS', message: expect.any(String) })
    },
  },
  {
    name: 'updateUser(user, apiKey)',
    async run({ sdk, server }) {
      const args = { uid: ME, name: 'Sdk Person', role: 'moderator', tags: ['new', 'sdk'], metadata: { team: 'blue' }, key: FULL_KEY }
      const user = ok(await sdk.run(acts.updateUser, args))
      expect(user).toMatchObject({ uid: ME, name: 'Sdk Person', role: 'moderator', tags: ['new', 'sdk'], metadata: { team: 'blue' } })
      // What the SDK sends beside the fields (hasBlockedMe, blockedByMe, deactivatedAt) is not stored.
      expect(await stored(server, ME)).not.toHaveProperty('deactivatedAt')
    },
  },
  {
    name: 'login(uid, authKey) marks the user online',
    async run({ sdk, server }) {
      const user = ok(await sdk.run(acts.loginWithKey, { uid: ME, key: AUTH_KEY }))
      expect(user).toMatchObject({ uid: ME, name: 'Sdk Person', role: 'moderator', authToken: expect.any(String) })
      expect(await stored(server, ME)).toMatchObject({ status: 'online', lastActiveAt: START })
    },
  },
  {
    name: 'getLoggedinUser()',
    async run({ sdk }) {
      expect(ok(await sdk.run(acts.getLoggedinUser, null))).toMatchObject({ uid: ME, name: 'Sdk Person', authToken: expect.any(String) })
    },
  },
  {
    name: 'updateCurrentUserDetails(user) keeps the role',
    async run({ sdk, server }) {
      const user = ok(await sdk.run(acts.updateCurrentUserDetails, { name: 'Sdk Self', statusMessage: 'Testing' }))
      expect(user).toMatchObject({ uid: ME, name: 'Sdk Self', statusMessage: 'Testing', role: 'moderator' })
      expect(await stored(server, ME)).toMatchObject({ name: 'Sdk Self', statusMessage: 'Testing', role: 'moderator' })
      expect(ok(await sdk.run(acts.getLoggedinUser, null))).toMatchObject({ uid: ME, name: 'Sdk Self' })
    },
  },
  {
    name: 'getUser(uid)',
    async run({ sdk }) {
      const user = ok(await sdk.run(acts.getUser, { uid: 'bob' }))
      expect(user).toMatchObject({ uid: 'bob', name: 'Bob Stone', status: 'online', lastActiveAt: START, tags: ['team-a', 'lead'] })
    },
  },
  {
    name: 'getUser of a missing uid rejects with ERR_UID_NOT_FOUND',
    async run({ sdk }) {
      expect(failure(await sdk.run(acts.getUser, { uid: 'nobody' }))).toMatchObject({ code: 'ERR_UID_NOT_FOUND' })
    },
  },
  {
    name: 'UsersRequest.fetchNext pages until an empty page',
    async run({ sdk }) {
      const pages = await list(sdk, { limit: 4 })
      expect(pages.map((page) => page.length)).toEqual([4, 4, 3, 0])
      expect(uids(pages)).toEqual(byName)
    },
  },
  {
    name: 'UsersRequest.fetchNext with searchKeyword',
    async run({ sdk }) {
      // A word of the name: "Carl Annex" and "Zoe Annie" too.
      expect(uids(await list(sdk, { limit: 10, searchKeyword: 'ann' }))).toEqual(['ann', 'anna_b', 'x_user', 'carl', 'annie'])
      expect(uids(await list(sdk, { limit: 10, searchKeyword: 'ANN L' }))).toEqual(['ann'])
    },
  },
  {
    name: 'UsersRequest.fetchNext with searchIn',
    async run({ sdk }) {
      expect(uids(await list(sdk, { limit: 10, searchKeyword: 'ann', searchIn: ['uid'] }))).toEqual(['ann', 'anna_b', 'annie'])
      expect(uids(await list(sdk, { limit: 10, searchKeyword: 'ann', searchIn: ['name'] }))).toEqual(['ann', 'anna_b', 'x_user', 'carl', 'annie'])
    },
  },
  {
    name: 'UsersRequest.fetchNext with status',
    async run({ sdk }) {
      const online = await list(sdk, { limit: 10, status: 'online' })
      expect(online.flat().map((user) => `${user.uid}:${user.status}`)).toEqual(['bob:online', 'dana:online', `${ME}:online`])
      expect(uids(await list(sdk, { limit: 10, status: 'offline' }))).toEqual(byName.filter((uid) => !['bob', 'dana', ME].includes(uid)))
    },
  },
  {
    name: 'UsersRequest.fetchNext with role and roles',
    async run({ sdk }) {
      expect(uids(await list(sdk, { limit: 10, role: 'admin' }))).toEqual(['anna_b', 'gus'])
      expect(uids(await list(sdk, { limit: 10, roles: ['admin', 'moderator'] }))).toEqual(['anna_b', 'x_user', 'carl', 'gus', ME])
    },
  },
  {
    name: 'UsersRequest.fetchNext with tags and withTags',
    async run({ sdk }) {
      const tagged = (await list(sdk, { limit: 10, tags: ['team-a', 'sdk'], withTags: true })).flat()
      expect(tagged.map((user) => `${user.uid}:${user.tags?.join('+')}`)).toEqual(['ann:team-a', 'bob:team-a+lead', `${ME}:new+sdk`])
    },
  },
  {
    name: 'UsersRequest.fetchNext with UIDs',
    async run({ sdk }) {
      expect(uids(await list(sdk, { limit: 10, uids: ['eve', 'BOB', 'nobody'] }))).toEqual(['bob', 'eve'])
    },
  },
  {
    name: 'UsersRequest.fetchNext with sortBy and sortOrder',
    async run({ sdk }) {
      expect(uids(await list(sdk, { limit: 20, sortBy: 'name', sortOrder: 'desc' }))).toEqual([...byName].reverse())
      const byStatus = uids(await list(sdk, { limit: 20, sortBy: 'status', sortOrder: 'asc' }))
      expect(byStatus).toEqual(['bob', 'dana', ME, ...byName.filter((uid) => !['bob', 'dana', ME].includes(uid))])
    },
  },
  {
    name: 'blockUsers(uids)',
    async run({ sdk, server }) {
      // Userkit answers its per-uid outcome; CometChat documents { uid: 'success' } (see the report).
      const done = { success: true, message: expect.any(String) }
      expect(ok(await sdk.run(acts.blockUsers, { uids: ['carl', 'eve'] }))).toEqual({ carl: done, eve: done })
      expect(ok(await sdk.run(acts.getUser, { uid: 'carl' }))).toMatchObject({ uid: 'carl', blockedByMe: true, hasBlockedMe: false })
      const { data } = await server.call('GET', `/v3/users/${ME}/blockedusers`, { apiKey: FULL_KEY })
      expect(data.map((user: { uid: string }) => user.uid)).toEqual(['carl', 'eve'])
    },
  },
  {
    name: 'BlockedUsersRequest.fetchNext',
    async run({ sdk }) {
      expect(ok(await sdk.run(acts.listBlockedUsers, { limit: 1 }))).toEqual([['carl blockedByMe=true'], ['eve blockedByMe=true'], []])
    },
  },
  {
    name: 'UsersRequest.fetchNext with hideBlockedUsers',
    async run({ sdk, server }) {
      // gus blocks the SDK's user: hidden too, from the other side.
      expect(await server.call('POST', '/v3/users/gus/blockedusers', { apiKey: FULL_KEY, body: { blockedUids: [ME] } })).toHaveProperty('data')
      const shown = await list(sdk, { limit: 20, hideBlockedUsers: true })
      expect(uids(shown)).toEqual(byName.filter((uid) => !['carl', 'eve', 'gus'].includes(uid)))
      const all = (await list(sdk, { limit: 20 })).flat()
      expect(all.filter((user) => user.blockedByMe || user.hasBlockedMe).map((user) => user.uid)).toEqual(['carl', 'eve', 'gus'])
    },
  },
  {
    name: 'unblockUsers(uids)',
    async run({ sdk }) {
      const done = { success: true, message: expect.any(String) }
      expect(ok(await sdk.run(acts.unblockUsers, { uids: ['carl', 'eve'] }))).toEqual({ carl: done, eve: done })
      expect(ok(await sdk.run(acts.listBlockedUsers, { limit: 10 }))).toEqual([[]])
    },
  },
  {
    name: 'getUser reads a user silent past the presence timeout as offline',
    async run({ sdk, server }) {
      server.advance(PRESENCE_TIMEOUT + 1)
      expect(ok(await sdk.run(acts.getUser, { uid: 'bob' }))).toMatchObject({ uid: 'bob', status: 'offline', lastActiveAt: START })
      // The SDK's own requests are its user's signs of life.
      const online = await list(sdk, { limit: 10, status: 'online' })
      expect(uids(online)).toEqual([ME])
    },
  },
  {
    name: 'logout() marks the user offline and ends the token',
    async run({ sdk, server }) {
      const token = (ok(await sdk.run(acts.getLoggedinUser, null)) as { authToken: string }).authToken
      ok(await sdk.run(acts.logout, null))
      expect(ok(await sdk.run(acts.getLoggedinUser, null))).toBeNull()
      expect(await stored(server, ME)).toMatchObject({ status: 'offline' })
      expect(await server.call('GET', '/v3.0/me', { authToken: token })).toMatchObject({ error: { code: 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND' } })
    },
  },
  {
    name: 'login(authToken)',
    async run({ sdk, server }) {
      const { data } = await server.call('POST', `/v3/users/${ME}/auth_tokens`, { apiKey: FULL_KEY, body: {} })
      const user = ok(await sdk.run(acts.loginWithToken, { authToken: data.authToken }))
      expect(user).toMatchObject({ uid: ME, name: 'Sdk Self', role: 'moderator', authToken: data.authToken })
      expect(ok(await sdk.run(acts.getLoggedinUser, null))).toMatchObject({ uid: ME, authToken: data.authToken })
      expect(await stored(server, ME)).toMatchObject({ status: 'online', lastActiveAt: START + PRESENCE_TIMEOUT + 1 })
    },
  },
]
