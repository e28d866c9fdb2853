import { expect, it } from 'vitest'
import type { StoredUser } from '../../../src/server/store/index.js'
import { aUser, seed, T0 } from './fixtures.js'
import type { GetStore } from './fixtures.js'

const full: StoredUser = {
  uid: 'ada',
  name: 'Ada Lovelace',
  avatar: 'https://example.com/ada.png',
  link: 'https://example.com/ada',
  role: 'admin',
  metadata: { team: 'engines', '@private': { phone: '555' } },
  statusMessage: 'Computing',
  tags: ['math', 'poetry'],
  status: 'online',
  lastActiveAt: T0 + 5,
  deactivatedAt: T0 + 9,
  createdAt: T0,
  updatedAt: T0 + 1,
}

export function userCases(store: GetStore): void {
  it('reads back a created user with every field', async () => {
    expect(await store().createUser(full)).toBe(true)
    expect(await store().getUser('ada')).toStrictEqual(full)
  })

  it('returns unset optional fields absent, not null or undefined', async () => {
    await seed(store(), [aUser('bare', { name: 'Bare' })])
    const user = await store().getUser('bare')
    expect(Object.keys(user ?? {}).sort()).toEqual(['createdAt', 'name', 'role', 'status', 'uid', 'updatedAt'])
  })

  it('stores an empty tags array as no tags', async () => {
    await seed(store(), [aUser('notags', { tags: [] })])
    expect(await store().getUser('notags')).not.toHaveProperty('tags')
  })

  it('refuses a taken uid, even when its user is deactivated, and keeps the first user', async () => {
    await seed(store(), [aUser('taken', { name: 'First', deactivatedAt: T0 })])
    expect(await store().createUser(aUser('taken', { name: 'Second' }))).toBe(false)
    expect((await store().getUser('taken'))?.name).toBe('First')
  })

  it('lets exactly one of many concurrent creates of one uid win', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store().createUser(aUser('race', { name: `n${i}` }))))
    expect(results.filter(Boolean)).toHaveLength(1)
  })

  it('resolves null for an absent user', async () => {
    expect(await store().getUser('nobody')).toBeNull()
  })

  it('hands out copies that callers may mutate freely', async () => {
    const input = aUser('copy', { metadata: { a: { b: 1 } }, tags: ['x'] })
    await seed(store(), [input])
    input.name = 'changed input'
    ;(input.metadata!.a as { b: number }).b = 2
    input.tags!.push('y')
    const first = await store().getUser('copy')
    first!.name = 'changed output'
    ;(first!.metadata!.a as { b: number }).b = 3
    first!.tags!.push('z')
    expect(await store().getUser('copy')).toStrictEqual(aUser('copy', { metadata: { a: { b: 1 } }, tags: ['x'] }))
  })

  it('round-trips JSON metadata: nesting, unicode, numbers, null and keys like "constructor"', async () => {
    const metadata = {
      constructor: 'not a function',
      toString: { nested: [1, 2.5, -3, 1e20, true, false, null, 'ok'] },
      '@private': { deep: { deeper: { deepest: 'é中😀' } } },
      'ключ': 'значение',
      empty: {},
      list: [],
      quote: 'it\'s "quoted" \\ back\nslash',
    }
    await seed(store(), [aUser('meta', { metadata })])
    const user = await store().getUser('meta')
    expect(user?.metadata).toStrictEqual(metadata)
    expect(Object.getPrototypeOf(user?.metadata)).toBe(Object.prototype)
  })

  it('stores unicode and SQL-looking text verbatim', async () => {
    const nasty = "Robert'); DROP TABLE users;-- \\ % _ $1 \"quoted\""
    const user = aUser("x'or'1'='1", {
      name: nasty,
      statusMessage: "'; DELETE FROM tokens; --",
      avatar: "https://example.com/a.png?q=';--",
      role: "r'ole",
      tags: ['{', '}', ',', '"', '\\', 'NULL', "'", '$1', 'a b', '名前', '😀'],
      metadata: { "k'ey": "v'alue", sql: 'SELECT * FROM users' },
    })
    await seed(store(), [user])
    expect(await store().getUser("x'or'1'='1")).toStrictEqual(user)
    expect(await store().getUser("' OR '1'='1")).toBeNull()
  })

  it('updateUser resolves null for an absent user and never calls change', async () => {
    let called = false
    expect(await store().updateUser('ghost', (u) => ((called = true), u))).toBeNull()
    expect(called).toBe(false)
    expect(await store().getUser('ghost')).toBeNull()
  })

  it('updateUser writes what change returns and resolves before and after', async () => {
    await seed(store(), [full])
    const outcome = await store().updateUser('ada', (current) => {
      const { avatar: _avatar, tags: _tags, ...rest } = current
      return { ...rest, name: 'Countess', metadata: { v: 2 }, updatedAt: T0 + 100 }
    })
    const expected = { ...full, name: 'Countess', metadata: { v: 2 }, updatedAt: T0 + 100 }
    delete expected.avatar
    delete expected.tags
    expect(outcome).toStrictEqual({ before: full, after: expected })
    expect(await store().getUser('ada')).toStrictEqual(expected)
  })

  it('updateUser writes nothing when change returns null', async () => {
    await seed(store(), [full])
    expect(await store().updateUser('ada', () => null)).toStrictEqual({ before: full, after: null })
    expect(await store().getUser('ada')).toStrictEqual(full)
  })

  it('updateUser writes nothing and rejects when change throws', async () => {
    await seed(store(), [full])
    await expect(
      store().updateUser('ada', () => {
        throw new Error('declined')
      }),
    ).rejects.toThrow('declined')
    expect(await store().getUser('ada')).toStrictEqual(full)
    // The store is still usable afterwards (no transaction left open).
    expect((await store().updateUser('ada', (u) => ({ ...u, name: 'Again' })))?.after?.name).toBe('Again')
  })

  it('updateUser never changes the uid', async () => {
    await seed(store(), [aUser('keep')])
    const outcome = await store().updateUser('keep', (u) => ({ ...u, uid: 'other', name: 'Kept' }))
    expect(outcome?.after).toMatchObject({ uid: 'keep', name: 'Kept' })
    expect(await store().getUser('other')).toBeNull()
  })

  it('updateUser loses no increment among 200 concurrent read-modify-writes', async () => {
    await seed(store(), [aUser('counter', { metadata: { n: 0 } })])
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        store().updateUser('counter', (current) => ({ ...current, metadata: { n: Number(current.metadata?.n) + 1 } })),
      ),
    )
    expect((await store().getUser('counter'))?.metadata).toStrictEqual({ n: 200 })
    const seen = outcomes.map((outcome) => Number(outcome?.before.metadata?.n)).sort((a, b) => a - b)
    expect(seen).toStrictEqual(Array.from({ length: 200 }, (_, i) => i))
  })

  it('setPresence changes status and lastActiveAt only', async () => {
    await seed(store(), [full])
    await store().setPresence('ada', 'offline', T0 + 50)
    expect(await store().getUser('ada')).toStrictEqual({ ...full, status: 'offline', lastActiveAt: T0 + 50 })
  })

  it('setPresence on an absent user creates nothing', async () => {
    await store().setPresence('ghost', 'online', T0)
    expect(await store().getUser('ghost')).toBeNull()
  })

  it('deleteUser erases the user with its tokens and blocks in both directions', async () => {
    await seed(store(), [aUser('gone'), aUser('stay'), aUser('third')])
    await store().addToken({ hash: 'h-gone', uid: 'gone', createdAt: T0 })
    await store().addToken({ hash: 'h-stay', uid: 'stay', createdAt: T0 })
    await store().block('gone', ['stay'])
    await store().block('stay', ['gone', 'third'])
    expect(await store().deleteUser('gone')).toBe(true)
    expect(await store().getUser('gone')).toBeNull()
    expect(await store().findToken('h-gone')).toBeNull()
    expect(await store().findToken('h-stay')).not.toBeNull()
    const relations = await store().blockRelations('stay', ['gone', 'third'])
    expect(relations).toStrictEqual({ blockedByMe: new Set(['third']), hasBlockedMe: new Set() })
    // A new user under the old uid starts clean.
    await seed(store(), [aUser('gone')])
    expect(await store().blockRelations('gone', ['stay'])).toStrictEqual({ blockedByMe: new Set(), hasBlockedMe: new Set() })
  })

  it('deleteUser resolves false for an absent user', async () => {
    expect(await store().deleteUser('ghost')).toBe(false)
  })
}
