import { describe, expect, it } from 'vitest'
import { CometChat } from '../../src/compat/index.js'

describe('CometChat.User', () => {
  it('is built from a uid, a uid and a name, or an object', () => {
    expect(new CometChat.User('ada').getUid()).toBe('ada')
    const named = new CometChat.User('ada', 'Ada')
    expect(named.getName()).toBe('Ada')
    const fromObject = new CometChat.User({ uid: 'bob', name: 'Bob', status: 'available', avatar: 'https://a.example/b.png', tags: ['x'] })
    expect(fromObject.getStatus()).toBe('online')
    expect(fromObject.getAvatar()).toBe('https://a.example/b.png')
    expect(fromObject.getTags()).toEqual(['x'])
    expect(new CometChat.User({ uid: 'cy', name: 'Cy' }).getStatus()).toBe('offline')
  })

  it('throws MISSING_PARAMETERS when called with nothing', () => {
    const Untyped = CometChat.User as unknown as new () => unknown
    expect(() => new Untyped()).toThrow(expect.objectContaining({ code: 'MISSING_PARAMETERS' }))
  })

  it('has a getter for every setter', () => {
    const user = new CometChat.User('ada')
    user.setUid('ada2')
    user.setName('Ada')
    user.setName('')
    user.setAvatar('https://a.example/a.png')
    expect(user.setLink('https://a.example/ada')).toBe('https://a.example/ada')
    user.setRole('admin')
    user.setMetadata({ a: 1 })
    user.setStatus(CometChat.USER_STATUS.ONLINE)
    user.setStatusMessage('hi')
    user.setLastActiveAt(1_700_000_000)
    user.setTags(['t'])
    user.setHasBlockedMe(true)
    user.setBlockedByMe(true)
    user.setDeactivatedAt(5)
    user.setAuthToken('token')

    expect([
      user.getUid(),
      user.getName(),
      user.getAvatar(),
      user.getLink(),
      user.getRole(),
      user.getMetadata(),
      user.getStatus(),
      user.getStatusMessage(),
      user.getLastActiveAt(),
      user.getTags(),
      user.getHasBlockedMe(),
      user.getBlockedByMe(),
      user.getDeactivatedAt(),
      user.getAuthToken(),
    ]).toEqual(['ada2', 'Ada', 'https://a.example/a.png', 'https://a.example/ada', 'admin', { a: 1 }, 'online', 'hi', 1_700_000_000, ['t'], true, true, 5, 'token'])
  })

  it('serializes its set fields only, as the SDK does', () => {
    const user = new CometChat.User('ada', 'Ada')
    user.setTags(['t'])
    expect(JSON.parse(JSON.stringify(user))).toEqual({ uid: 'ada', name: 'Ada', tags: ['t'], hasBlockedMe: false, blockedByMe: false, deactivatedAt: 0 })
  })
})
