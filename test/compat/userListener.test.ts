import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createUserClient, type UserClient } from '../../src/client/index.js'
import { CometChat, type User } from '../../src/compat/index.js'
import { userEventsOpened, userEventsSettled } from '../../src/compat/userEvents.js'
import { apiKey, appId, authKey, lines, startServer, type TestServer } from './server.js'

let server: TestServer
let admin: UserClient
const settings = (presence: 'all' | 'none' = 'all') => {
  const builder = new CometChat.AppSettingsBuilder()
    .setRegion('eu')
    .overrideAdminHost(`${server.url}/v3`)
    .overrideClientHost(`${server.url}/v3.0`)
  return (presence === 'all' ? builder.subscribePresenceForAllUsers() : builder).build()
}

/** Another person's app: logs in with its own token over the REST API's token and `PUT /v3.0/me`. */
async function elsewhere(uid: string): Promise<UserClient> {
  const { authToken } = await admin.createAuthToken(uid)
  return createUserClient({ baseUrl: server.url, appId, authToken })
}

/** What a listener heard, as `uid:status` of the User it was handed. */
function recorder(): { heard: string[]; users: User[]; listener: InstanceType<typeof CometChat.UserListener> } {
  const heard: string[] = []
  const users: User[] = []
  const listener = new CometChat.UserListener({
    onUserOnline: (onlineUser: User) => {
      users.push(onlineUser)
      heard.push(`${onlineUser.getUid()}:online`)
    },
    onUserOffline: (offlineUser: User) => {
      users.push(offlineUser)
      heard.push(`${offlineUser.getUid()}:offline`)
    },
  })
  return { heard, users, listener }
}

beforeAll(async () => {
  server = await startServer()
  admin = createUserClient({ baseUrl: server.url, appId, apiKey })
  await CometChat.init(appId, settings())
  for (const [uid, name] of [['ada', 'Ada'], ['bob', 'Bob'], ['cy', 'Cy']] as const) {
    await CometChat.createUser(new CometChat.User(uid, name), authKey)
  }
})
afterAll(async () => {
  for (const id of ['presence', 'watcher', 'quiet']) CometChat.removeUserListener(id)
  if (await CometChat.getLoggedinUser()) await CometChat.logout()
  await userEventsSettled()
  await server.close()
})
beforeEach(async () => {
  if (!(await CometChat.getLoggedinUser())) await CometChat.login('ada', authKey)
})

describe('addUserListener', () => {
  it('hears another user log in and out, as a CometChat.User', async () => {
    const { heard, users, listener } = recorder()
    CometChat.addUserListener('presence', listener)
    await userEventsOpened()
    expect(lines(server.received)).toContain('GET /v3.0/events')

    const bob = await elsewhere('bob')
    await bob.login()
    await vi.waitFor(() => expect(heard).toEqual(['bob:online']))
    const online = users[0]!
    expect(online).toBeInstanceOf(CometChat.User)
    expect(online.getName()).toBe('Bob')
    expect(online.getStatus()).toBe('online')

    await bob.logout()
    await vi.waitFor(() => expect(heard).toEqual(['bob:online', 'bob:offline']))
    expect(users[1]!.getStatus()).toBe('offline')
    CometChat.removeUserListener('presence')
    await userEventsSettled()
  })

  it('replaces a listener added again under the same id', async () => {
    const first = recorder()
    const second = recorder()
    CometChat.addUserListener('presence', first.listener)
    CometChat.addUserListener('presence', second.listener)
    await userEventsOpened()

    const cy = await elsewhere('cy')
    await cy.login()
    await vi.waitFor(() => expect(second.heard).toEqual(['cy:online']))
    // Listeners are called one after another for the same event: the first would have heard by now.
    expect(first.heard).toEqual([])
    await cy.logout()
    await vi.waitFor(() => expect(second.heard).toEqual(['cy:online', 'cy:offline']))
    CometChat.removeUserListener('presence')
    await userEventsSettled()
  })
})

describe('a dropped stream', () => {
  it('reconnects and resumes after the last event it read, missing nothing in between', async () => {
    const { heard, listener } = recorder()
    CometChat.addUserListener('presence', listener)
    await userEventsOpened()
    const bob = await elsewhere('bob')
    await bob.login()
    await vi.waitFor(() => expect(heard).toEqual(['bob:online']))

    server.received.length = 0
    server.dropStreams()
    // Published while the facade waits to reconnect: the server replays it after the id it was given.
    await bob.logout()
    await vi.waitFor(() => expect(heard).toEqual(['bob:online', 'bob:offline']))
    const reconnect = server.received.find(({ path }) => path === '/v3.0/events')
    expect(reconnect?.headers.get('last-event-id')).toMatch(/-\d+$/)
    CometChat.removeUserListener('presence')
    await userEventsSettled()
  })
})

describe('removeUserListener', () => {
  it('stops the calls to that listener, and closes the stream with the last one', async () => {
    const removed = recorder()
    const watcher = recorder()
    CometChat.addUserListener('presence', removed.listener)
    CometChat.addUserListener('watcher', watcher.listener)
    await userEventsOpened()
    CometChat.removeUserListener('presence')

    const bob = await elsewhere('bob')
    await bob.login()
    await bob.logout()
    await vi.waitFor(() => expect(watcher.heard).toEqual(['bob:online', 'bob:offline']))
    expect(removed.heard).toEqual([])

    const streams = lines(server.received).filter((line) => line === 'GET /v3.0/events').length
    CometChat.removeUserListener('watcher')
    await userEventsSettled()
    const bobAgain = await elsewhere('bob')
    await bobAgain.login()
    await bobAgain.logout()
    expect(watcher.heard).toEqual(['bob:online', 'bob:offline'])
    expect(lines(server.received).filter((line) => line === 'GET /v3.0/events')).toHaveLength(streams)
  })
})

describe('logout', () => {
  it('closes the stream, and the next login opens it again for the listeners still registered', async () => {
    const { heard, listener } = recorder()
    CometChat.addUserListener('presence', listener)
    await userEventsOpened()
    await CometChat.logout()
    await userEventsSettled()

    const bob = await elsewhere('bob')
    await bob.login()
    expect(heard).toEqual([])

    const opened = lines(server.received).filter((line) => line === 'GET /v3.0/events').length
    await CometChat.login('ada', authKey)
    await userEventsOpened()
    expect(lines(server.received).filter((line) => line === 'GET /v3.0/events')).toHaveLength(opened + 1)
    await bob.logout()
    await vi.waitFor(() => expect(heard).toEqual(['bob:offline']))

    await CometChat.logout()
    await userEventsSettled()
    CometChat.removeUserListener('presence')
  })

  it('is not told of its own user logging in and out', async () => {
    const { heard, listener } = recorder()
    CometChat.addUserListener('presence', listener)
    await userEventsOpened()
    const adaElsewhere = await elsewhere('ada')
    await adaElsewhere.logout()
    const bob = await elsewhere('bob')
    await bob.login()
    await vi.waitFor(() => expect(heard).toEqual(['bob:online']))
    await bob.logout()
    await vi.waitFor(() => expect(heard).toEqual(['bob:online', 'bob:offline']))
    CometChat.removeUserListener('presence')
    await userEventsSettled()
  })
})

describe('presence subscription', () => {
  it('opens no stream when the app subscribed to nobody, as the SDK then hears of nobody', async () => {
    await CometChat.logout()
    await userEventsSettled()
    await CometChat.init(appId, settings('none'))
    await CometChat.login('ada', authKey)
    server.received.length = 0
    const { listener } = recorder()
    CometChat.addUserListener('quiet', listener)
    await userEventsOpened()
    expect(lines(server.received)).not.toContain('GET /v3.0/events')
    CometChat.removeUserListener('quiet')
  })
})
