// Written the way CometChat's User Management documentation shows it: a User built with its
// constructor and setters, then the call, with .then(ok, err) and with async/await.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CometChat, CometChatException } from '../../src/compat/index.js'
import { apiKey, appId, authKey, lines, startServer, type TestServer } from './server.js'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
  const appSetting = new CometChat.AppSettingsBuilder()
    .subscribePresenceForAllUsers()
    .setRegion('us')
    .overrideAdminHost(`${server.url}/v3`)
    .overrideClientHost(`${server.url}/v3.0`)
    .autoEstablishSocketConnection(false)
    .build()
  await expect(CometChat.init(appId, appSetting)).resolves.toBe(true)
})
afterAll(() => server.close())
beforeEach(() => {
  server.received.length = 0
})

describe('createUser', () => {
  it('creates a user built with the constructor and setters (then)', async () => {
    const uid = 'user1'
    const name = 'Kevin'
    const user = new CometChat.User(uid)
    user.setName(name)
    user.setAvatar('https://example.com/kevin.png')
    user.setLink('https://example.com/kevin')
    user.setMetadata({ team: 'blue' })
    user.setStatusMessage('Out fishing')
    user.setTags(['staff', 'blue'])

    const created = await CometChat.createUser(user, authKey).then(
      (user) => user,
      (error: CometChatException) => {
        throw new Error(`unexpected ${String(error.code)}`)
      },
    )

    expect(created).toBeInstanceOf(CometChat.User)
    expect(created.getUid()).toBe('user1')
    expect(created.getName()).toBe('Kevin')
    expect(created.getAvatar()).toBe('https://example.com/kevin.png')
    expect(created.getLink()).toBe('https://example.com/kevin')
    expect(created.getMetadata()).toEqual({ team: 'blue' })
    expect(created.getStatusMessage()).toBe('Out fishing')
    expect(created.getTags()).toEqual(['staff', 'blue'])
    expect(created.getRole()).toBe('default')
    expect(created.getStatus()).toBe('offline')
    expect(created.getHasBlockedMe()).toBe(false)
    expect(created.getBlockedByMe()).toBe(false)
    expect(created.getDeactivatedAt()).toBe(0)
    expect(lines(server.received)).toEqual(['POST /v3/users'])
    expect(server.received[0]!.headers.get('apikey')).toBe(authKey)
    expect(server.received[0]!.headers.get('appid')).toBe(appId)
  })

  it('creates a user from new User(uid, name) with async/await and a role', async () => {
    const user = new CometChat.User('Mod_1', 'Mona')
    user.setRole('moderator')

    const created = await CometChat.createUser(user, authKey)

    expect(server.received[0]!.body).toMatchObject({ uid: 'Mod_1', name: 'Mona', role: 'moderator' })
    expect(created.getUid()).toBe('mod_1')
    expect(created.getRole()).toBe('moderator')
  })

  it('accepts a plain object, as the SDK does', async () => {
    const created = await CometChat.createUser({ uid: 'plain', name: 'Plain Jane' }, authKey)
    expect(created.getName()).toBe('Plain Jane')
  })

  it('rejects a taken uid with ERR_UID_ALREADY_EXISTS as a CometChatException', async () => {
    const user = new CometChat.User('user1')
    user.setName('Kevin again')

    const error = await CometChat.createUser(user, authKey).then(
      () => undefined,
      (error: CometChatException) => error,
    )

    expect(error).toBeInstanceOf(CometChatException)
    expect(error).not.toBeInstanceOf(Error)
    expect(error).toMatchObject({ code: 'ERR_UID_ALREADY_EXISTS', message: expect.any(String) })
    // Empty parts are left out, as the SDK leaves them.
    expect(Object.keys(error!).sort()).toEqual(['code', 'message'])
  })

  it('rejects bad fields with ERR_BAD_REQUEST and the server details', async () => {
    const user = new CometChat.User('bad-avatar', 'Bad')
    user.setAvatar('not a url')

    await expect(CometChat.createUser(user, authKey)).rejects.toMatchObject({
      code: 'ERR_BAD_REQUEST',
      details: { avatar: [expect.any(String)] },
    })
  })

  it('rejects without an auth key before sending anything', async () => {
    await expect(CometChat.createUser(new CometChat.User('x', 'X'), '')).rejects.toMatchObject({ code: 'INVALID_AUTH_KEY' })
    expect(server.received).toEqual([])
  })

  it('rejects an unknown key with AUTH_ERR_APIKEY_NOT_FOUND', async () => {
    await expect(CometChat.createUser(new CometChat.User('x', 'X'), 'nope')).rejects.toMatchObject({
      code: 'AUTH_ERR_APIKEY_NOT_FOUND',
    })
  })
})

describe('updateUser', () => {
  it('updates any user with the REST API key, role included (then)', async () => {
    const user = new CometChat.User('user1')
    user.setName('Kevin Fernandez')
    // Not a managing role: later tests log user1 in with the Auth Key, which no manager may use.
    user.setRole('moderator')

    const updated = await CometChat.updateUser(user, apiKey).then(
      (user) => user,
      (error: CometChatException) => {
        throw new Error(`unexpected ${String(error.code)}`)
      },
    )

    expect(lines(server.received)).toEqual(['PUT /v3/users/user1'])
    expect(server.received[0]!.body).toEqual({ name: 'Kevin Fernandez', role: 'moderator' })
    expect(updated.getName()).toBe('Kevin Fernandez')
    expect(updated.getRole()).toBe('moderator')
    expect(updated.getTags()).toEqual(['staff', 'blue'])
  })

  it('sends only editable fields when given a user the server returned', async () => {
    await CometChat.login('user1', authKey)
    const fetched = await CometChat.getUser('user1')
    fetched.setStatusMessage('Back at work')
    server.received.length = 0

    const updated = await CometChat.updateUser(fetched, apiKey)

    expect(Object.keys(server.received[0]!.body as object).sort()).toEqual(
      ['avatar', 'link', 'metadata', 'name', 'role', 'statusMessage', 'tags'].sort(),
    )
    expect(updated.getStatusMessage()).toBe('Back at work')
    // The logged-in user's kept copy follows an update of that user.
    await expect(CometChat.getLoggedinUser()).resolves.toMatchObject({ statusMessage: 'Back at work' })
    await CometChat.logout()
  })

  it('rejects an Auth Key (authOnly) with AUTH_ERR_NO_ACCESS', async () => {
    const user = new CometChat.User('user1')
    user.setName('Nope')
    await expect(CometChat.updateUser(user, authKey)).rejects.toMatchObject({ code: 'AUTH_ERR_NO_ACCESS' })
  })

  it('rejects an unknown uid with ERR_UID_NOT_FOUND', async () => {
    const user = new CometChat.User('ghost')
    user.setName('Ghost')
    await expect(CometChat.updateUser(user, apiKey)).rejects.toBeInstanceOf(CometChatException)
    await expect(CometChat.updateUser(user, apiKey)).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND' })
  })
})

describe('updateCurrentUserDetails', () => {
  it('updates the logged-in user whatever uid is passed, and never sends the role', async () => {
    await CometChat.login('mod_1', authKey)
    server.received.length = 0
    const user = new CometChat.User('someone-else')
    user.setName('Mona Lisa')
    user.setRole('admin')

    const updated = await CometChat.updateCurrentUserDetails(user).then(
      (user) => user,
      (error: CometChatException) => {
        throw new Error(`unexpected ${String(error.code)}`)
      },
    )

    expect(lines(server.received)).toEqual(['PUT /v3.0/me'])
    expect(server.received[0]!.body).toEqual({ name: 'Mona Lisa' })
    expect(updated.getUid()).toBe('mod_1')
    expect(updated.getName()).toBe('Mona Lisa')
    expect(updated.getRole()).toBe('moderator')
    await expect(CometChat.getLoggedinUser()).resolves.toMatchObject({ name: 'Mona Lisa', role: 'moderator' })
    const admin = await CometChat.getUser('mod_1')
    expect(admin.getRole()).toBe('moderator')
    await CometChat.logout()
  })

  it('rejects bad fields with ERR_BAD_REQUEST (async/await)', async () => {
    await CometChat.login('mod_1', authKey)
    const user = new CometChat.User('mod_1')
    user.setLink('ftp://nope')
    try {
      await CometChat.updateCurrentUserDetails(user)
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({ code: 'ERR_BAD_REQUEST', details: { link: [expect.any(String)] } })
    } finally {
      await CometChat.logout()
    }
  })

  it('rejects when nobody is logged in, sending nothing', async () => {
    await expect(CometChat.updateCurrentUserDetails(new CometChat.User('a', 'A'))).rejects.toMatchObject({
      code: 'USER_NOT_LOGED_IN',
    })
    expect(server.received).toEqual([])
  })
})

describe('getUser', () => {
  it('gets a user as the logged-in user (then, and with an object)', async () => {
    await CometChat.login('user1', authKey)
    server.received.length = 0

    const user = await CometChat.getUser('mod_1').then(
      (user) => user,
      (error: CometChatException) => {
        throw new Error(`unexpected ${String(error.code)}`)
      },
    )
    const again = await CometChat.getUser({ uid: 'MOD_1' })

    expect(lines(server.received)).toEqual(['GET /v3.0/users/mod_1', 'GET /v3.0/users/MOD_1'])
    expect(server.received[0]!.headers.get('authtoken')).toEqual(expect.any(String))
    expect(user.getName()).toBe('Mona Lisa')
    expect(again.getUid()).toBe('mod_1')
    await CometChat.logout()
  })

  it('rejects an unknown uid with ERR_UID_NOT_FOUND', async () => {
    await CometChat.login('user1', authKey)
    try {
      await expect(CometChat.getUser('nobody')).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND' })
    } finally {
      await CometChat.logout()
    }
  })
})
