import { beforeEach, describe, expect, it } from 'vitest'
import { createHarness, lines, type Harness } from './harness.js'
import { FULL_KEY } from '../support/keys.js'

let h: Harness
beforeEach(async () => {
  h = createHarness()
  await h.seed('ada', 'bob', 'cy')
})

describe('blocking with a token', () => {
  it('blocks, lists and unblocks on /v3.0/blockedusers', async () => {
    const ada = await h.loginAs('ada')

    const blocked = await ada.blockUsers(['bob', 'ghost'])
    const page = await ada.getBlockedUsers({ perPage: 10, page: 1, searchKey: 'b' })
    const unblocked = await ada.unblockUsers(['bob'])

    expect(lines(h.sent)).toEqual([
      'POST /v3.0/blockedusers',
      'GET /v3.0/blockedusers?perPage=10&page=1&searchKey=b',
      'DELETE /v3.0/blockedusers',
    ])
    expect(h.sent[0]!.body).toEqual({ blockedUids: ['bob', 'ghost'] })
    expect(h.sent[2]!.body).toEqual({ blockedUids: ['bob'] })
    expect(blocked.bob).toEqual({ success: true, message: expect.any(String) })
    expect(blocked.ghost).toMatchObject({ success: false, error: { code: 'ERR_UID_NOT_FOUND' } })
    expect(page.users.map((user) => user.uid)).toEqual(['bob'])
    expect(page.pagination).toMatchObject({ total: 1, count: 1, perPage: 10, currentPage: 1 })
    expect(unblocked.bob!.success).toBe(true)
    await expect(ada.getBlockedUsers()).resolves.toMatchObject({ users: [] })
  })

  it('ignores blocker with a token: the token says who blocks', async () => {
    const ada = await h.loginAs('ada', { apiKey: FULL_KEY })

    await ada.blockUsers(['bob'], { blocker: 'cy' })

    expect(lines(h.sent)).toEqual(['POST /v3.0/blockedusers'])
    await expect(h.admin.getBlockedUsers({}, { blocker: 'ada' })).resolves.toMatchObject({ users: [{ uid: 'bob' }] })
  })

  it('maps blocking oneself to ERR_CANNOT_BLOCK_SELF', async () => {
    const ada = await h.loginAs('ada')
    await expect(ada.blockUsers(['ada'])).rejects.toMatchObject({ code: 'ERR_CANNOT_BLOCK_SELF', status: 400 })
  })
})

describe('blocking with a key', () => {
  it('blocks, lists and unblocks on /v3/users/{blocker}/blockedusers', async () => {
    await h.admin.blockUsers(['bob', 'cy'], { blocker: 'ada' })
    const page = await h.admin.getBlockedUsers({ perPage: 1 }, { blocker: 'ada' })
    await h.admin.unblockUsers(['cy'], { blocker: 'ada' })

    expect(lines(h.sent)).toEqual([
      'POST /v3/users/ada/blockedusers',
      'GET /v3/users/ada/blockedusers?perPage=1',
      'DELETE /v3/users/ada/blockedusers',
    ])
    expect(h.sent[0]!.headers.get('apikey')).toBe(FULL_KEY)
    expect(page.users).toHaveLength(1)
    expect(page.pagination).toEqual({ total: 2, count: 1, perPage: 1, currentPage: 1, totalPages: 2 })
    await expect(h.admin.getBlockedUsers({}, { blocker: 'ada' })).resolves.toMatchObject({ users: [{ uid: 'bob' }] })
  })

  it('throws a TypeError without a blocker and sends nothing', async () => {
    await expect(h.admin.blockUsers(['bob'])).rejects.toThrow(TypeError)
    await expect(h.admin.unblockUsers(['bob'])).rejects.toThrow(/blocker/)
    await expect(h.admin.getBlockedUsers()).rejects.toThrow(/blocker/)
    expect(h.sent).toEqual([])
  })

  it('shows the block to the blocked user through the client API', async () => {
    await h.admin.blockUsers(['bob'], { blocker: 'ada' })
    const bob = await h.loginAs('bob')

    await expect(bob.getUser('ada')).resolves.toMatchObject({ hasBlockedMe: true, blockedByMe: false })
  })
})
