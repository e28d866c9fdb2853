import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CometChat, type CometChatException } from '../../src/compat/index.js'
import { apiKey, appId, authKey, lines, startServer, type TestServer } from './server.js'

let server: TestServer
const settings = () =>
  new CometChat.AppSettingsBuilder()
    .setRegion('eu')
    .overrideAdminHost(`${server.url}/v3`)
    .overrideClientHost(`${server.url}/v3.0`)
    .autoEstablishSocketConnection(false)
    .build()

beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())
beforeEach(() => {
  server.received.length = 0
})

describe('before init', () => {
  it('refuses a login and has nobody logged in', async () => {
    await expect(CometChat.login('ada', authKey)).rejects.toMatchObject({ code: 'NOT_INITIALIZED' })
    await expect(CometChat.getLoggedinUser()).resolves.toBeNull()
    await expect(CometChat.init('', settings())).rejects.toMatchObject({ code: 'MISSING_PARAMETERS' })
  })
})

describe('AppSettingsBuilder', () => {
  it('keeps what it was given, with the SDK defaults', () => {
    const built = new CometChat.AppSettingsBuilder().build()
    expect(built.getRegion()).toBe('eu')
    expect(built.shouldAutoEstablishSocketConnection()).toBe(true)
    expect(built.getSubscriptionType()).toBe('NONE')

    const custom = new CometChat.AppSettingsBuilder()
      .setRegion('US')
      .subscribePresenceForRoles(['admin'])
      .overrideAdminHost('h:1/v3')
      .overrideClientHost('h:1/v3.0')
      .setStorageMode(CometChat.StorageMode.SESSION)
      .build()
    expect(custom.getRegion()).toBe('us')
    expect(custom.getSubscriptionType()).toBe('ROLES')
    expect(custom.getRoles()).toEqual(['admin'])
    expect(custom.getAdminHost()).toBe('h:1/v3')
    expect(custom.getStorageMode()).toBe('session')
  })

  it('sends to https://host when a host comes without a scheme, as the SDK does', async () => {
    const requested: string[] = []
    const realFetch = globalThis.fetch
    // The network itself is replaced here, not any part of Userkit: what URL would go out?
    globalThis.fetch = async (input) => {
      requested.push(String(input))
      throw new TypeError('offline')
    }
    try {
      await CometChat.init(appId, new CometChat.AppSettingsBuilder().overrideAdminHost('users.example:8443/v3').build())
      await expect(CometChat.createUser(new CometChat.User('a', 'A'), authKey)).rejects.toMatchObject({
        code: 'FAILED_TO_FETCH',
      })
      await CometChat.init(appId, new CometChat.AppSettingsBuilder().setRegion('in').build())
      await expect(CometChat.createUser(new CometChat.User('a', 'A'), authKey)).rejects.toMatchObject({
        code: 'FAILED_TO_FETCH',
      })
    } finally {
      globalThis.fetch = realFetch
    }
    expect(requested).toEqual(['https://users.example:8443/v3/users', `https://${appId}.api-in.cometchat.io/v3/users`])
  })
})

describe('login and logout', () => {
  beforeAll(async () => {
    await CometChat.init(appId, settings())
    for (const [uid, name] of [['ada', 'Ada'], ['bob', 'Bob'], ['cy', 'Cy']] as const) {
      await CometChat.createUser(new CometChat.User(uid, name), authKey)
    }
  })

  it('logs in with a uid and an Auth Key, and keeps the user', async () => {
    const user = await CometChat.login('ada', authKey).then(
      (user) => user,
      (error: CometChatException) => {
        throw new Error(`unexpected ${String(error.code)}`)
      },
    )

    expect(lines(server.received)).toEqual(['POST /v3/users/ada/auth_tokens', 'PUT /v3.0/me'])
    expect(server.received[1]!.body).toMatchObject({ platform: 'WEB', deviceId: expect.stringContaining(appId) })
    expect(user.getUid()).toBe('ada')
    expect(user.getStatus()).toBe('online')
    expect(user.getAuthToken()).toEqual(expect.any(String))
    const kept = await CometChat.getLoggedinUser()
    expect(kept).toBeInstanceOf(CometChat.User)
    expect(kept!.getUid()).toBe('ada')
    expect(kept!.getAuthToken()).toBe(user.getAuthToken())
  })

  it('sends nothing when the same user logs in again', async () => {
    const user = await CometChat.login('ada', authKey)
    expect(server.received).toEqual([])
    expect(user.getUid()).toBe('ada')
  })

  it('a re-init picks up the kept login', async () => {
    await CometChat.init(appId, settings())
    await expect(CometChat.getLoggedinUser()).resolves.toMatchObject({ uid: 'ada' })
    await expect(CometChat.getUser('bob')).resolves.toMatchObject({ uid: 'bob' })
  })

  it('logout revokes the token and clears getLoggedinUser', async () => {
    const token = (await CometChat.getLoggedinUser())!.getAuthToken()

    await expect(CometChat.logout()).resolves.toMatchObject({ success: true })

    expect(lines(server.received)).toEqual(['DELETE /v3.0/me'])
    await expect(CometChat.getLoggedinUser()).resolves.toBeNull()
    await expect(CometChat.getUser('bob')).rejects.toMatchObject({ code: 'USER_NOT_LOGED_IN' })
    await expect(CometChat.login(token)).rejects.toMatchObject({ code: 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND' })
    await expect(CometChat.getLoggedinUser()).resolves.toBeNull()
  })

  it('logs in with an auth token from the backend, and with the object form', async () => {
    const issued = await (await fetch(`${server.url}/v3/users/bob/auth_tokens`, {
      method: 'POST',
      headers: { apikey: apiKey, 'content-type': 'application/json' },
      body: '{}',
    })).json() as { data: { authToken: string } }
    server.received.length = 0

    const user = await CometChat.login(issued.data.authToken)

    expect(lines(server.received)).toEqual(['PUT /v3.0/me'])
    expect(user.getUid()).toBe('bob')
    expect(user.getAuthToken()).toBe(issued.data.authToken)
    await CometChat.logout()
    await expect(CometChat.login({ username: 'cy', apiKey: authKey })).resolves.toMatchObject({ uid: 'cy' })
  })

  it('switching users with uid and Auth Key replaces the kept login', async () => {
    await expect(CometChat.getLoggedinUser()).resolves.toMatchObject({ uid: 'cy' })
    await CometChat.login('ada', authKey)
    expect(lines(server.received)).toEqual(['POST /v3/users/ada/auth_tokens', 'PUT /v3.0/me'])
    await expect(CometChat.getLoggedinUser()).resolves.toMatchObject({ uid: 'ada' })
    await CometChat.logout()
  })

  it('rejects a login with an unknown uid and keeps nobody', async () => {
    await expect(CometChat.login('nobody', authKey)).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND' })
    await expect(CometChat.login('ada', '')).rejects.toMatchObject({ code: 'MISSING_PARAMETERS' })
    await expect(CometChat.getLoggedinUser()).resolves.toBeNull()
  })

  it('a token the server no longer knows ends the local session', async () => {
    const user = await CometChat.login('cy', authKey)
    await fetch(`${server.url}/v3/users/cy/auth_tokens`, { method: 'DELETE', headers: { apikey: apiKey } })

    await expect(CometChat.getUser('ada')).rejects.toMatchObject({ code: 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND' })

    await expect(CometChat.getLoggedinUser()).resolves.toBeNull()
    expect(user.getUid()).toBe('cy')
    await expect(CometChat.logout()).rejects.toMatchObject({ code: 'USER_NOT_LOGED_IN' })
  })
})

describe('blockUsers, unblockUsers, BlockedUsersRequest', () => {
  beforeAll(async () => {
    await CometChat.init(appId, settings())
    for (let i = 1; i <= 5; i++) await CometChat.createUser(new CometChat.User(`blk${i}`, `Blocked ${i}`), authKey)
  })

  it('blocks, pages the blocked users, and unblocks', async () => {
    await CometChat.login('ada', authKey)
    server.received.length = 0

    const blocked = await CometChat.blockUsers(['blk1', 'blk2', 'blk3', 'blk4', 'blk5', 'ghost'])
    expect(lines(server.received)).toEqual(['POST /v3.0/blockedusers'])
    expect(server.received[0]!.body).toEqual({ blockedUids: ['blk1', 'blk2', 'blk3', 'blk4', 'blk5', 'ghost'] })
    expect(blocked).toMatchObject({ blk1: { success: true }, ghost: { success: false, error: { code: 'ERR_UID_NOT_FOUND' } } })

    const request = new CometChat.BlockedUsersRequestBuilder()
      .setLimit(2)
      .setDirection(CometChat.BlockedUsersRequest.directions.BLOCKED_BY_ME)
      .build()
    const pages: string[][] = []
    for (let page = await request.fetchNext(); page.length > 0; page = await request.fetchNext()) {
      pages.push(page.map((user) => user.getUid()))
      expect(page.every((user) => user.getBlockedByMe())).toBe(true)
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1])
    expect(pages.flat().sort()).toEqual(['blk1', 'blk2', 'blk3', 'blk4', 'blk5'])
    expect(request.getPage()).toBe(3)

    const searched = await new CometChat.BlockedUsersRequestBuilder().setLimit(10).setSearchKeyword('blk3').build().fetchNext()
    expect(searched.map((user) => user.getUid())).toEqual(['blk3'])

    const unblocked = await CometChat.unblockUsers(['blk1', 'blk2', 'blk3', 'blk4', 'blk5'])
    expect(unblocked).toMatchObject({ blk1: { success: true }, blk5: { success: true } })
    await expect(new CometChat.BlockedUsersRequestBuilder().setLimit(10).build().fetchNext()).resolves.toEqual([])
    await CometChat.logout()
  })

  it('checks its arguments as the SDK does', async () => {
    await CometChat.login('ada', authKey)
    await expect(CometChat.blockUsers([])).rejects.toMatchObject({ code: 'EMPTY_USERS_LIST' })
    await expect(CometChat.blockUsers(['ada'])).rejects.toMatchObject({ code: 'ERR_CANNOT_BLOCK_SELF' })
    await expect(new CometChat.BlockedUsersRequestBuilder().build().fetchNext()).rejects.toMatchObject({ code: 'SET_LIMIT_IS_COMPULSORY' })
    await expect(new CometChat.BlockedUsersRequestBuilder().setLimit(101).build().fetchNext()).rejects.toMatchObject({
      code: 'ERROR_SET_LIMIT_EXCEEDED',
    })
    await expect(new CometChat.BlockedUsersRequestBuilder().setLimit(5).setDirection('sideways').build().fetchNext()).rejects.toMatchObject({
      code: 'INVALID_DIRECTION_VALUE',
    })
    await CometChat.logout()
  })

  it('lists blocked users in each direction', async () => {
    await CometChat.login('blk1', authKey)
    await CometChat.blockUsers(['ada'])
    await CometChat.logout()
    await CometChat.login('ada', authKey)
    await CometChat.blockUsers(['blk2'])
    const { directions } = CometChat.BlockedUsersRequest
    const uids = async (direction: string): Promise<string[]> =>
      (await new CometChat.BlockedUsersRequestBuilder().setLimit(10).setDirection(direction).build().fetchNext()).map((user) => user.getUid())
    expect(await uids(directions.BLOCKED_BY_ME)).toEqual(['blk2'])
    expect(await uids(directions.HAS_BLOCKED_ME)).toEqual(['blk1'])
    expect((await uids(directions.BOTH)).sort()).toEqual(['blk1', 'blk2'])
    await CometChat.unblockUsers(['blk2'])
    await CometChat.logout()
  })
})
