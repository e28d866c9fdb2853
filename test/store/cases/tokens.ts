import { expect, it } from 'vitest'
import { aUser, T0 } from './fixtures.js'
import type { GetStore } from './fixtures.js'

export function tokenCases(store: GetStore): void {
  it('finds a stored token by its hash, deviceId absent when none was given', async () => {
    await store().addToken({ hash: 'h1', uid: 'ann', createdAt: T0 })
    await store().addToken({ hash: 'h2', uid: 'ann', deviceId: 'phone', createdAt: T0 + 1 })
    expect(await store().findToken('h1')).toStrictEqual({ hash: 'h1', uid: 'ann', createdAt: T0 })
    expect(await store().findToken('h2')).toStrictEqual({ hash: 'h2', uid: 'ann', deviceId: 'phone', createdAt: T0 + 1 })
    expect(await store().findToken('nope')).toBeNull()
  })

  it('replaces a user\'s token for the same device and keeps the others', async () => {
    await store().addToken({ hash: 'old', uid: 'ann', deviceId: 'phone', createdAt: T0 })
    await store().addToken({ hash: 'laptop', uid: 'ann', deviceId: 'laptop', createdAt: T0 })
    await store().addToken({ hash: 'bob-phone', uid: 'bob', deviceId: 'phone', createdAt: T0 })
    await store().addToken({ hash: 'no-device', uid: 'ann', createdAt: T0 })
    await store().addToken({ hash: 'new', uid: 'ann', deviceId: 'phone', createdAt: T0 + 9 })
    expect(await store().findToken('old')).toBeNull()
    expect(await store().findToken('new')).toStrictEqual({ hash: 'new', uid: 'ann', deviceId: 'phone', createdAt: T0 + 9 })
    expect(await store().findToken('laptop')).not.toBeNull()
    expect(await store().findToken('bob-phone')).not.toBeNull()
    expect(await store().findToken('no-device')).not.toBeNull()
  })

  it('keeps every token issued without a device', async () => {
    await store().addToken({ hash: 'a', uid: 'ann', createdAt: T0 })
    await store().addToken({ hash: 'b', uid: 'ann', createdAt: T0 })
    expect(await store().findToken('a')).not.toBeNull()
    expect(await store().findToken('b')).not.toBeNull()
  })

  it('ends with one token when logins on one device race', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store().addToken({ hash: `race${i}`, uid: 'ann', deviceId: 'phone', createdAt: T0 })),
    )
    const found = await Promise.all(Array.from({ length: 10 }, (_, i) => store().findToken(`race${i}`)))
    expect(found.filter((token) => token !== null)).toHaveLength(1)
  })

  it('deletes one token, telling whether it existed', async () => {
    await store().addToken({ hash: 'h1', uid: 'ann', createdAt: T0 })
    await store().addToken({ hash: 'h2', uid: 'ann', createdAt: T0 })
    expect(await store().deleteToken('h1')).toBe(true)
    expect(await store().deleteToken('h1')).toBe(false)
    expect(await store().findToken('h1')).toBeNull()
    expect(await store().findToken('h2')).not.toBeNull()
  })

  it('deletes all of one user\'s tokens and counts them', async () => {
    await store().addToken({ hash: 'a1', uid: 'ann', createdAt: T0 })
    await store().addToken({ hash: 'a2', uid: 'ann', deviceId: 'phone', createdAt: T0 })
    await store().addToken({ hash: 'b1', uid: 'bob', createdAt: T0 })
    expect(await store().deleteTokensOf('ann')).toBe(2)
    expect(await store().deleteTokensOf('ann')).toBe(0)
    expect(await store().findToken('a2')).toBeNull()
    expect(await store().findToken('b1')).not.toBeNull()
  })

  it("prunes a user's tokens: older than a time, then beyond the newest N, no one else's", async () => {
    for (const [hash, at] of [['a1', T0], ['a2', T0 + 10], ['a3', T0 + 20], ['a4', T0 + 20], ['a5', T0 + 30]] as const) {
      await store().addToken({ hash, uid: 'ann', createdAt: at })
    }
    await store().addToken({ hash: 'b1', uid: 'bob', createdAt: T0 })
    expect(await store().pruneTokens('ann', 10, T0 + 10)).toBe(1)
    expect(await store().findToken('a1')).toBeNull()
    // a4 and a3 share a time: the greater hash is the one kept.
    expect(await store().pruneTokens('ann', 2, 0)).toBe(2)
    const left = await Promise.all(['a2', 'a3', 'a4', 'a5', 'b1'].map(async (hash) => (await store().findToken(hash)) !== null))
    expect(left).toEqual([false, false, true, true, true])
    expect(await store().pruneTokens('ann', 2, 0)).toBe(0)
  })

  it('finds a token with its user in one lookup; none for an unknown token or an erased user', async () => {
    const ann = aUser('ann', { name: 'Ann', tags: ['x'] })
    await store().createUser(ann)
    await store().addToken({ hash: 't1', uid: 'ann', deviceId: 'phone', createdAt: T0 })
    expect(await store().findTokenUser('t1')).toStrictEqual({ token: { hash: 't1', uid: 'ann', deviceId: 'phone', createdAt: T0 }, user: ann })
    expect(await store().findTokenUser('nope')).toBeNull()
    await store().deleteUser('ann')
    expect(await store().findTokenUser('t1')).toBeNull()
  })

  it('returns token copies', async () => {
    await store().addToken({ hash: 'h', uid: 'ann', deviceId: 'd', createdAt: T0 })
    const token = await store().findToken('h')
    token!.uid = 'mallory'
    expect((await store().findToken('h'))?.uid).toBe('ann')
  })
}
