import { describe, expect, it } from 'vitest'
import { canonicalJson, ifMatchSatisfied, userEtag, type User } from '../../src/model/index.js'

const ada: User = {
  uid: 'ada',
  name: 'Ada',
  role: 'default',
  status: 'offline',
  metadata: { a: 1, b: { c: 2 } },
  createdAt: 1,
  updatedAt: 1,
}

describe('userEtag', () => {
  it('changes with any editable field', () => {
    const base = userEtag(ada)
    for (const change of [{ name: 'Ada L' }, { avatar: 'https://x.test/a.png' }, { role: 'admin' }, { tags: ['x'] }, { metadata: { a: 2 } }]) {
      expect(userEtag({ ...ada, ...change })).not.toBe(base)
    }
  })

  it('ignores presence, block flags, timestamps and key order', () => {
    expect(
      userEtag({ ...ada, status: 'online', lastActiveAt: 9, hasBlockedMe: true, updatedAt: 7, metadata: { b: { c: 2 }, a: 1 } }),
    ).toBe(userEtag(ada))
  })

  it('is the same for a viewer who cannot see @private metadata', () => {
    expect(userEtag({ ...ada, metadata: { ...ada.metadata, '@private': { phone: '1' } } })).toBe(userEtag(ada))
    expect(userEtag({ ...ada, metadata: { '@private': { phone: '1' } } })).toBe(userEtag({ ...ada, metadata: undefined }))
  })
})

it('canonicalJson sorts keys at every depth', () => {
  expect(canonicalJson({ b: [{ y: 1, x: 2 }], a: null })).toBe('{"a":null,"b":[{"x":2,"y":1}]}')
})

it('ifMatchSatisfied takes lists and *, and compares strongly: a weak tag never matches', () => {
  expect(ifMatchSatisfied('"a", "b"', '"b"')).toBe(true)
  expect(ifMatchSatisfied('"a", W/"b"', '"b"')).toBe(false)
  expect(ifMatchSatisfied('W/"b"', '"b"')).toBe(false)
  expect(ifMatchSatisfied('*', '"z"')).toBe(true)
  expect(ifMatchSatisfied('"a"', '"b"')).toBe(false)
})
