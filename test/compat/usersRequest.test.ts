import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CometChat, type User } from '../../src/compat/index.js'
import { apiKey, appId, authKey, startServer, type TestServer } from './server.js'

let server: TestServer

// 12 users: names share prefixes so that searches and sorts have something to choose between.
const people: { uid: string; name: string; role?: string; tags?: string[] }[] = [
  { uid: 'me', name: 'Viewer' },
  ...Array.from({ length: 7 }, (_, i) => ({ uid: `anna_${i}`, name: `Anna ${String.fromCharCode(71 - i)}`, tags: i % 2 ? ['t 1'] : ['t2'] })),
  { uid: 'bert', name: 'Bert', role: 'admin', tags: ['t2'] },
  { uid: 'carl', name: 'Carl anna', role: 'moderator' },
  { uid: 'dora', name: 'Dora', role: 'admin' },
  { uid: 'blocked', name: 'Blocked Anna' },
]

beforeAll(async () => {
  server = await startServer()
  await CometChat.init(
    appId,
    new CometChat.AppSettingsBuilder().overrideAdminHost(`${server.url}/v3`).overrideClientHost(`${server.url}/v3.0`).build(),
  )
  for (const { uid, name, role, tags } of people) {
    const user = new CometChat.User(uid, name)
    if (role) user.setRole(role)
    if (tags) user.setTags(tags)
    // The REST API key: an Auth Key may not hand out privileged roles.
    await CometChat.createUser(user, apiKey)
  }
  await CometChat.login('me', authKey)
  await CometChat.blockUsers(['blocked'])
})
afterAll(async () => {
  await CometChat.logout()
  await server.close()
})

/** Every page until an empty one, as an app's "load more" does. */
async function allPages(builder: InstanceType<typeof CometChat.UsersRequestBuilder>): Promise<User[][]> {
  const request = builder.build()
  const pages: User[][] = []
  for (let page = await request.fetchNext(); page.length > 0; page = await request.fetchNext()) pages.push(page)
  return pages
}

const uids = (pages: User[][]): string[] => pages.flat().map((user) => user.getUid())
const listQueries = (): string[] => server.received.filter((r) => r.path.startsWith('/v3.0/users?')).map((r) => r.path)

describe('UsersRequestBuilder', () => {
  it('pages through every user until an empty page', async () => {
    server.received.length = 0
    const pages = await allPages(new CometChat.UsersRequestBuilder().setLimit(5))

    expect(pages.map((page) => page.length)).toEqual([5, 5, 2])
    expect(new Set(uids(pages)).size).toBe(12)
    expect(pages[0]![0]).toBeInstanceOf(CometChat.User)
    expect(listQueries()).toEqual([
      '/v3.0/users?perPage=5&page=1',
      '/v3.0/users?perPage=5&page=2',
      '/v3.0/users?perPage=5&page=3',
      '/v3.0/users?perPage=5&page=4',
    ])
  })

  it('skips setPage pages, as the SDK counts them, and reports the last page fetched', async () => {
    const request = new CometChat.UsersRequestBuilder().setLimit(5).setPage(1).build()
    expect(request.getPage()).toBe(0)
    await expect(request.fetchNext()).resolves.toHaveLength(5)
    expect(request.getPage()).toBe(2)
    await expect(request.fetchNext()).resolves.toHaveLength(2)
    expect(request.getPage()).toBe(3)
    await expect(request.fetchNext()).resolves.toEqual([])
    expect(request.getPage()).toBe(3)
  })

  it('searches a keyword in name and uid, or where searchIn says', async () => {
    const both = uids(await allPages(new CometChat.UsersRequestBuilder().setLimit(3).setSearchKeyword('anna')))
    // Any word of the name: "Carl anna" and "Blocked Anna" too.
    expect(both.sort()).toEqual(['anna_0', 'anna_1', 'anna_2', 'anna_3', 'anna_4', 'anna_5', 'anna_6', 'blocked', 'carl'])

    const byUid = uids(await allPages(new CometChat.UsersRequestBuilder().setLimit(3).setSearchKeyword('b').searchIn(['uid'])))
    expect(byUid.sort()).toEqual(['bert', 'blocked'])
  })

  it('filters by roles, a role, tags and uids, withTags', async () => {
    const admins = uids(await allPages(new CometChat.UsersRequestBuilder().setLimit(1).setRole('admin')))
    expect(admins.sort()).toEqual(['bert', 'dora'])

    const staff = uids(await allPages(new CometChat.UsersRequestBuilder().setLimit(1).setRoles(['admin', 'moderator'])))
    expect(staff.sort()).toEqual(['bert', 'carl', 'dora'])

    server.received.length = 0
    const tagged = await allPages(new CometChat.UsersRequestBuilder().setLimit(2).setTags(['t 1']).withTags(true))
    expect(uids(tagged).sort()).toEqual(['anna_1', 'anna_3', 'anna_5'])
    expect(tagged.flat().every((user) => user.getTags()?.includes('t 1'))).toBe(true)
    expect(listQueries()[0]).toBe('/v3.0/users?perPage=2&page=1&tags=t%201&withTags=1')

    const chosen = uids(await allPages(new CometChat.UsersRequestBuilder().setLimit(2).setUIDs(['bert', 'dora', 'ghost'])))
    expect(chosen.sort()).toEqual(['bert', 'dora'])
  })

  it('hides blocked users and marks them otherwise', async () => {
    const shown = (await allPages(new CometChat.UsersRequestBuilder().setLimit(100))).flat()
    expect(shown.find((user) => user.getUid() === 'blocked')!.getBlockedByMe()).toBe(true)

    const hidden = uids(await allPages(new CometChat.UsersRequestBuilder().setLimit(4).hideBlockedUsers(true)))
    expect(hidden).toHaveLength(11)
    expect(hidden).not.toContain('blocked')
  })

  it('splits users by status: online ones and offline ones', async () => {
    server.received.length = 0
    const online = (await allPages(new CometChat.UsersRequestBuilder().setLimit(4).setStatus(CometChat.USER_STATUS.ONLINE))).flat()
    const offline = (await allPages(new CometChat.UsersRequestBuilder().setLimit(4).setStatus(CometChat.USER_STATUS.OFFLINE))).flat()

    expect(listQueries()[0]).toBe('/v3.0/users?perPage=4&page=1&status=available')
    expect(online.every((user) => user.getStatus() === 'online')).toBe(true)
    expect(offline.every((user) => user.getStatus() === 'offline')).toBe(true)
    expect(online.length + offline.length).toBe(12)
  })

  it('sorts by name, in either order', async () => {
    const builder = () =>
      new CometChat.UsersRequestBuilder().setLimit(3).setSearchKeyword('anna').searchIn(['uid']).sortBy(CometChat.SORT_BY.NAME)
    const ascending = (await allPages(builder().sortByOrder(CometChat.SORT_ORDER.ASCENDING))).flat().map((user) => user.getName())
    const descending = (await allPages(builder().sortByOrder(CometChat.SORT_ORDER.DESCENDING))).flat().map((user) => user.getName())

    expect(ascending).toEqual(['Anna A', 'Anna B', 'Anna C', 'Anna D', 'Anna E', 'Anna F', 'Anna G'])
    expect(descending).toEqual([...ascending].reverse())
  })

  it('combines filters in one query', async () => {
    server.received.length = 0
    const request = new CometChat.UsersRequestBuilder()
      .setLimit(2)
      .setSearchKeyword('anna')
      .searchIn(['name'])
      .setTags(['t2'])
      .setRoles(['default'])
      .hideBlockedUsers(true)
      .sortBy(CometChat.SORT_BY.NAME)
      .sortByOrder(CometChat.SORT_ORDER.DESCENDING)
      .build()
    const pages: string[][] = []
    for (let page = await request.fetchNext(); page.length > 0; page = await request.fetchNext()) {
      pages.push(page.map((user) => user.getName()))
    }

    expect(pages).toEqual([['Anna G', 'Anna E'], ['Anna C', 'Anna A']])
    expect(listQueries()[0]).toBe(
      '/v3.0/users?perPage=2&page=1&searchKey=anna&searchIn=name&roles=default&tags=t2&hideBlockedUsers=1&sortBy=name&sortOrder=desc',
    )
  })

  it('keeps the getters of what it was built with', () => {
    const request = new CometChat.UsersRequestBuilder()
      .setLimit(10)
      .setSearchKeyword(' an ')
      .setStatus(CometChat.USER_STATUS.ONLINE)
      .friendsOnly(true)
      .withTags(true)
      .setUIDs(['a'])
      .build()
    expect(request.getLimit()).toBe(10)
    expect(request.getSearchKeyword()).toBe('an')
    expect(request.getStatus()).toBe('available')
    expect(request.isFriendsOnly()).toBe(true)
    expect(request.isWithTags()).toBe(true)
    expect(request.isHideBlockedUsers()).toBe(false)
    expect(request.getUIDs()).toEqual(['a'])
  })

  it('rejects a missing or too large limit and an unknown status before sending', async () => {
    server.received.length = 0
    await expect(new CometChat.UsersRequestBuilder().build().fetchNext()).rejects.toMatchObject({
      code: 'SET_LIMIT_IS_COMPULSORY',
      name: 'SET_LIMIT_IS_COMPULSORY',
      message: 'Set Limit is required.',
    })
    await expect(new CometChat.UsersRequestBuilder().setLimit(101).build().fetchNext()).rejects.toMatchObject({
      code: 'ERROR_SET_LIMIT_EXCEEDED',
    })
    await expect(new CometChat.UsersRequestBuilder().setLimit(5).setStatus('busy').build().fetchNext()).rejects.toMatchObject({
      code: 'INVALID_STATUS_VALUE',
    })
    expect(server.received).toEqual([])
  })

  it('passes the server refusal of a bad sort on as ERR_BAD_REQUEST', async () => {
    await expect(new CometChat.UsersRequestBuilder().setLimit(5).sortBy('age').build().fetchNext()).rejects.toMatchObject({
      code: 'ERR_BAD_REQUEST',
    })
  })
})
