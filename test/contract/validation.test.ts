import { afterEach, describe, expect, it } from 'vitest'
import { describeContract, full } from './harness.js'
import { expectBadRequest, managingSurfaces, stored } from './userDataKit.js'

const url = (length: number): string => {
  const head = 'https://example.test/'
  return head + 'a'.repeat(length - head.length)
}
const emoji = '😀'
/** Metadata whose JSON is exactly `bytes` bytes of UTF-8, padded with a character of `unit` bytes. */
const metadataOf = (bytes: number, unit: 'a' | 'é' = 'a'): Record<string, string> => {
  const overhead = JSON.stringify({ k: '' }).length
  const size = unit === 'a' ? 1 : 2
  const count = Math.floor((bytes - overhead) / size)
  const rest = bytes - overhead - count * size
  return { k: unit.repeat(count) + 'a'.repeat(rest) }
}

/** Bad values of the fields both create and update take: [case, field, value]. */
const badEditable: [string, string, unknown][] = [
  ['an empty name', 'name', ''],
  ['a blank name', 'name', '   '],
  ['a name of 101 code points', 'name', emoji.repeat(101)],
  ['a name that is not a string', 'name', 42],
  ['a null name', 'name', null],
  ['a javascript: avatar', 'avatar', 'javascript:alert(1)'],
  ['an ftp avatar', 'avatar', 'ftp://x'],
  ['an avatar that is not a URL', 'avatar', 'not a url'],
  ['an avatar of 3001 characters', 'avatar', url(3001)],
  ['an avatar that is not a string', 'avatar', { href: 'https://x.test' }],
  ['a javascript: link', 'link', 'javascript:alert(1)'],
  ['an ftp link', 'link', 'ftp://x'],
  ['a link that is not a URL', 'link', 'not a url'],
  ['a link of 3001 characters', 'link', url(3001)],
  ['a data: link', 'link', 'data:text/html,<script>alert(1)</script>'],
  ['an empty role', 'role', ''],
  ['a role that is not a string', 'role', ['admin']],
  ['metadata as an array', 'metadata', [1, 2]],
  ['metadata as a string', 'metadata', '{"a":1}'],
  ['metadata as null', 'metadata', null],
  ['metadata of 5121 bytes', 'metadata', metadataOf(5121)],
  ['metadata of 5122 bytes in 2-byte characters', 'metadata', metadataOf(5122, 'é')],
  ['metadata["@private"] as a string', 'metadata', { '@private': 'secret' }],
  ['metadata["@private"] as an array', 'metadata', { '@private': ['secret'] }],
  ['metadata["@private"] as null', 'metadata', { '@private': null }],
  ['a statusMessage of 251 characters', 'statusMessage', 'x'.repeat(251)],
  ['a statusMessage that is not a string', 'statusMessage', 7],
  ['26 tags', 'tags', Array.from({ length: 26 }, (_, i) => `t${i}`)],
  ['a tag of 101 characters', 'tags', ['ok', 't'.repeat(101)]],
  ['a tag that is not a string', 'tags', ['ok', 5]],
  ['an empty tag', 'tags', ['']],
  ['tags that are not an array', 'tags', 'a,b'],
  ['tags as null', 'tags', null],
]

/** Values at the limits, accepted: [case, field, value]. */
const goodEditable: [string, string, unknown][] = [
  ['a name of 100 emoji', 'name', emoji.repeat(100)],
  ['a name of 100 characters', 'name', 'n'.repeat(100)],
  ['an avatar of 3000 characters', 'avatar', url(3000)],
  ['a link of 3000 characters', 'link', url(3000)],
  ['an http avatar', 'avatar', 'http://localhost:8080/a.png'],
  ['metadata of 5120 bytes', 'metadata', metadataOf(5120)],
  ['metadata of 5120 bytes in 2-byte characters', 'metadata', metadataOf(5120, 'é')],
  ['metadata with a "constructor" key', 'metadata', { constructor: { prototype: { polluted: true } } }],
  ['an empty metadata object', 'metadata', {}],
  ['a statusMessage of 250 characters', 'statusMessage', 'x'.repeat(250)],
  ['a statusMessage of 250 emoji', 'statusMessage', emoji.repeat(250)],
  ['25 tags', 'tags', Array.from({ length: 25 }, (_, i) => `t${i}`)],
  ['a tag of 100 characters', 'tags', ['t'.repeat(100)]],
]

/** Strings PostgreSQL cannot keep as sent: [case, fields, field]. */
const unstorable: [string, Record<string, unknown>, string][] = [
  ['a NUL in name', { name: 'a\u0000b' }, 'name'],
  ['an unpaired surrogate in name', { name: 'a\ud800b' }, 'name'],
  ['a NUL in statusMessage', { statusMessage: 'a\u0000b' }, 'statusMessage'],
  ['a NUL in avatar', { avatar: 'https://x.test/a\u0000b' }, 'avatar'],
  ['a NUL in a tag', { tags: ['a\u0000b'] }, 'tags'],
  ['a NUL in a metadata value', { metadata: { k: 'a\u0000b' } }, 'metadata'],
  ['a NUL in a metadata key', { metadata: { 'k\u0000': 1 } }, 'metadata'],
  ['an unpaired surrogate in a metadata value', { metadata: { k: 'a\udc00' } }, 'metadata'],
]

const fieldsOf = (cases: [string, string, unknown][]): string[] => [...new Set(cases.map(([, field]) => field))]

/** Raw JSON texts: a `__proto__` key survives only when the JSON is not built by JSON.stringify. */
const protoBodies: [string, string][] = [
  ['at the top of metadata', '"metadata":{"__proto__":{"polluted":true}}'],
  ['nested in metadata', '"metadata":{"a":{"b":{"__proto__":{"polluted":true}}}}'],
  ['in an array in metadata', '"metadata":{"a":[{"__proto__":{"polluted":true}}]}'],
  ['inside metadata["@private"]', '"metadata":{"@private":{"__proto__":{"polluted":true}}}'],
]

describeContract('validation', (env) => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  const userCount = async (): Promise<number> =>
    (await env().store.listUsers({ limit: 1000, offset: 0, deactivated: 'include', sortBy: 'name', sortOrder: 'asc' })).total

  describe.each(managingSurfaces)('POST /users on the $name', (surface) => {
    const create = async (body: Record<string, unknown>) => {
      const as = await surface.credential(env())
      const before = await userCount()
      const answer = await env().call('POST', `${surface.prefix}/users`, { as, body })
      return { answer, created: (await userCount()) - before }
    }

    it('refuses each bad uid, naming uid, and creates nobody', async () => {
      const as = await surface.credential(env())
      const before = await userCount()
      const bad: [string, unknown][] = [
        ['an empty uid', ''],
        ['a uid of 101 characters', 'u'.repeat(101)],
        ['a uid with a space', 'a b'],
        ['an accented uid', 'é'],
        ['a uid with a dot', 'a.b'],
        ['a uid with a slash', 'a/b'],
        ['a uid with a NUL', 'a\u0000b'],
        ['a uid that is not a string', 12],
        ['a null uid', null],
        ['a missing uid', undefined],
      ]
      for (const [label, uid] of bad) {
        const answer = await env().call('POST', `${surface.prefix}/users`, { as, body: { uid, name: 'Val' } })
        expectBadRequest(answer, 'uid', label)
      }
      expect(await userCount()).toBe(before)
    })

    it('accepts a uid of 100 characters of every allowed kind', async () => {
      const uid = `Az09_-${'x'.repeat(94)}`
      const { answer } = await create({ uid, name: 'Val' })
      expect(answer.status).toBe(200)
      expect(answer.body.data.uid).toBe(uid.toLowerCase())
    })

    it('refuses a missing name, naming name', async () => {
      const { answer, created } = await create({ uid: 'val' })
      expectBadRequest(answer, 'name')
      expect(created).toBe(0)
      expect(await stored(env(), 'val')).toBeNull()
    })

    it.each(fieldsOf(badEditable))('refuses each bad %s, naming it, and creates nobody', async (field) => {
      const as = await surface.credential(env())
      const before = await userCount()
      for (const [label, , value] of badEditable.filter(([, f]) => f === field)) {
        const answer = await env().call('POST', `${surface.prefix}/users`, { as, body: { uid: 'val', name: 'Val', [field]: value } })
        expectBadRequest(answer, field, label)
      }
      expect(await userCount()).toBe(before)
      expect(await stored(env(), 'val')).toBeNull()
    })

    it('accepts every value at the limits and stores it as sent', async () => {
      const as = await surface.credential(env())
      for (const [index, [label, field, value]] of goodEditable.entries()) {
        const uid = `val${index}`
        const answer = await env().call('POST', `${surface.prefix}/users`, { as, body: { uid, name: 'Val', [field]: value } })
        expect(answer.status, `${label} ${JSON.stringify(answer.body)}`).toBe(200)
        expect(answer.body.data[field], label).toEqual(value)
        expect((await stored(env(), uid))?.[field as 'name'], label).toEqual(value)
      }
    })

    it('names every bad field at once', async () => {
      const { answer } = await create({ uid: 'a b', name: '', avatar: 'ftp://x', tags: 'x' })
      expect(answer.status).toBe(400)
      expect(Object.keys(answer.body.error.details).sort()).toEqual(['avatar', 'name', 'tags', 'uid'])
      // Beside the English, a rule code per message, for apps to say it in their own words.
      expect(answer.body.error.rules).toEqual({ uid: ['pattern'], name: ['required'], avatar: ['url'], tags: ['type'] })
    })

    it('trims the name', async () => {
      const { answer } = await create({ uid: 'val', name: '  Val  ' })
      expect(answer.body.data.name).toBe('Val')
    })

    it('refuses a __proto__ key anywhere in metadata, naming metadata, and pollutes nothing', async () => {
      const as = await surface.credential(env())
      for (const [label, fragment] of protoBodies) {
        const answer = await env().call('POST', `${surface.prefix}/users`, {
          as,
          rawBody: `{"uid":"val","name":"Val",${fragment}}`,
          headers: { 'content-type': 'application/json' },
        })
        expectBadRequest(answer, 'metadata', label)
        expect(({} as Record<string, unknown>).polluted, label).toBeUndefined()
      }
      expect(await stored(env(), 'val')).toBeNull()
    })

    it('ignores a __proto__ key at the top of the body and pollutes nothing', async () => {
      const as = await surface.credential(env())
      const answer = await env().call('POST', `${surface.prefix}/users`, {
        as,
        rawBody: '{"__proto__":{"polluted":true,"role":"admin"},"uid":"val","name":"Val"}',
        headers: { 'content-type': 'application/json' },
      })
      expect(answer.status).toBe(200)
      expect(await stored(env(), 'val')).toEqual({
        uid: 'val',
        name: 'Val',
        role: 'default',
        status: 'offline',
        createdAt: env().now(),
        updatedAt: env().now(),
      })
    })

    it('refuses text no store can keep (a NUL, an unpaired surrogate), naming the field, on every store', async () => {
      const as = await surface.credential(env())
      const before = await userCount()
      for (const [label, fields, field] of unstorable) {
        const answer = await env().call('POST', `${surface.prefix}/users`, { as, body: { uid: 'val', name: 'Val', ...fields } })
        expectBadRequest(answer, field, label)
      }
      expect(await userCount()).toBe(before)
    })

    it('refuses a body that is not a JSON object, naming body', async () => {
      const as = await surface.credential(env())
      const before = await userCount()
      for (const rawBody of ['{"uid":', '[{"uid":"val","name":"Val"}]', '"val"', 'null']) {
        const answer = await env().call('POST', `${surface.prefix}/users`, { as, rawBody, headers: { 'content-type': 'application/json' } })
        expectBadRequest(answer, 'body', rawBody)
      }
      expect(await userCount()).toBe(before)
    })
  })

  it('refuses a NUL character in the deviceId of a new auth token, naming deviceId, on every store', async () => {
    await env().createUser({ uid: 'val', name: 'Val' })
    const answer = await env().call('POST', '/v3/users/val/auth_tokens', { as: full, body: { deviceId: 'phone\u0000' } })
    expectBadRequest(answer, 'deviceId')
  })

  describe.each(managingSurfaces)('PUT /users/{uid} on the $name', (surface) => {
    const profile = {
      name: 'Val',
      avatar: 'https://example.test/val.png',
      link: 'https://example.test/val',
      metadata: { a: 1 },
      statusMessage: 'Hi',
      tags: ['x'],
    }
    const seedVal = async () => {
      await env().createUser({ uid: 'val', ...profile })
      env().advance(10)
      return stored(env(), 'val')
    }
    const update = async (body: Record<string, unknown> | { rawBody: string }) => {
      const as = await surface.credential(env())
      const before = await seedVal()
      const answer =
        'rawBody' in body
          ? await env().call('PUT', `${surface.prefix}/users/val`, {
              as,
              rawBody: body.rawBody as string,
              headers: { 'content-type': 'application/json' },
            })
          : await env().call('PUT', `${surface.prefix}/users/val`, { as, body })
      return { answer, before, after: await stored(env(), 'val') }
    }

    it.each(fieldsOf(badEditable))('refuses each bad %s, naming it, and changes nothing', async (field) => {
      const as = await surface.credential(env())
      const before = await seedVal()
      for (const [label, , value] of badEditable.filter(([, f]) => f === field)) {
        const answer = await env().call('PUT', `${surface.prefix}/users/val`, { as, body: { [field]: value } })
        expectBadRequest(answer, field, label)
      }
      expect(await stored(env(), 'val')).toEqual(before)
    })

    it('accepts every value at the limits and stores it', async () => {
      const as = await surface.credential(env())
      await seedVal()
      for (const [label, field, value] of goodEditable) {
        const answer = await env().call('PUT', `${surface.prefix}/users/val`, { as, body: { [field]: value } })
        expect(answer.status, `${label} ${JSON.stringify(answer.body)}`).toBe(200)
        expect(answer.body.data[field], label).toEqual(value)
        expect((await stored(env(), 'val'))?.[field as 'name'], label).toEqual(value)
      }
    })

    it('refuses a bad field even next to good ones, changing none of them', async () => {
      const { answer, before, after } = await update({ name: 'New', statusMessage: 'New', tags: Array(26).fill('t') })
      expectBadRequest(answer, 'tags')
      expect(after).toEqual(before)
    })

    it('ignores a bad uid in the body: uid is not editable', async () => {
      const { answer, after } = await update({ uid: 'a b', name: 'Renamed' })
      expect(answer.status).toBe(200)
      expect(after).toMatchObject({ uid: 'val', name: 'Renamed' })
    })

    it('refuses a __proto__ key anywhere in metadata, naming metadata, and pollutes nothing', async () => {
      const as = await surface.credential(env())
      const before = await seedVal()
      for (const [label, fragment] of protoBodies) {
        const answer = await env().call('PUT', `${surface.prefix}/users/val`, {
          as,
          rawBody: `{${fragment}}`,
          headers: { 'content-type': 'application/json' },
        })
        expectBadRequest(answer, 'metadata', label)
        expect(({} as Record<string, unknown>).polluted, label).toBeUndefined()
      }
      expect(await stored(env(), 'val')).toEqual(before)
    })

    it('ignores a __proto__ key at the top of the body and pollutes nothing', async () => {
      const { answer, before, after } = await update({ rawBody: '{"__proto__":{"polluted":true,"name":"Hacked"}}' })
      expect(answer.status).toBe(200)
      expect(after).toEqual(before)
    })

    it('refuses text no store can keep (a NUL, an unpaired surrogate), naming the field, on every store', async () => {
      const as = await surface.credential(env())
      const before = await seedVal()
      for (const [label, fields, field] of unstorable) {
        const answer = await env().call('PUT', `${surface.prefix}/users/val`, { as, body: fields })
        expectBadRequest(answer, field, label)
      }
      expect(await stored(env(), 'val')).toEqual(before)
    })
  })
})
