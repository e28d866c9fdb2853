import fc from 'fast-check'
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

// The version a client derived from any copy must stay the one the server computes, release after
// release: the ETag is the hash of the canonical JSON of the versioned fields, as first defined here.
function etagAsDefined(user: Partial<User>): string {
  const content: Record<string, unknown> = {}
  for (const field of ['uid', 'name', 'avatar', 'link', 'role', 'metadata', 'statusMessage', 'tags'] as const) {
    let value: unknown = user[field]
    if (field === 'metadata' && value !== undefined) {
      const { '@private': _private, ...shared } = value as Record<string, unknown>
      value = Object.keys(shared).length > 0 ? shared : undefined
    }
    if (value !== undefined) content[field] = value
  }
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  const text = canonicalJson(content)
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 2654435761)
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return `"${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}"`
}

it('is the hash of the canonical JSON of the versioned fields, whatever the user (property)', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 12 })
  const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(text, tie('value'), { maxKeys: 3 })),
  })).value
  const user = fc.record(
    {
      uid: text,
      name: text,
      avatar: text,
      link: text,
      role: text,
      statusMessage: text,
      tags: fc.array(text, { maxLength: 4 }),
      metadata: fc.oneof(fc.dictionary(text, json, { maxKeys: 4 }), fc.record({ '@private': json, shared: json }, { requiredKeys: [] })),
      status: fc.constantFrom('online', 'offline'),
      lastActiveAt: fc.integer(),
    },
    { requiredKeys: ['uid', 'name'] },
  )
  fc.assert(
    fc.property(user, (each) => {
      expect(userEtag(each as User)).toBe(etagAsDefined(each as Partial<User>))
    }),
    { numRuns: 500 },
  )
})
