import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  createUserSchema,
  isStorableText,
  parseOrThrow,
  updateCurrentUserSchema,
  updateUserSchema,
  usersQuerySchema,
  UserkitError,
} from '../../src/model/index.js'

const detailsOf = (schema: v.GenericSchema, input: unknown): Record<string, string[]> | undefined => {
  try {
    parseOrThrow(schema, input)
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(UserkitError)
    return (error as UserkitError).details
  }
}

describe('createUserSchema', () => {
  it('lowercases the uid, trims the name and drops unknown and server-set fields', () => {
    expect(
      v.parse(createUserSchema, { uid: 'Ada_1', name: '  Ada  ', status: 'online', hasBlockedMe: true, deactivatedAt: 0, extra: 1 }),
    ).toEqual({ uid: 'ada_1', name: 'Ada' })
  })

  it('names every bad field in details at once', () => {
    expect(detailsOf(createUserSchema, { uid: 'a b', name: '', avatar: 'javascript:alert(1)', tags: 'x' })).toEqual({
      uid: ['uid may contain only letters, digits, _ and -'],
      name: ['name is required'],
      avatar: ['avatar must be an http or https URL'],
      tags: ['tags must be an array of strings'],
    })
  })

  it('counts name length in code points, so 100 emoji fit and 101 do not', () => {
    expect(detailsOf(createUserSchema, { uid: 'a', name: '😀'.repeat(100) })).toBeUndefined()
    expect(detailsOf(createUserSchema, { uid: 'a', name: '😀'.repeat(101) })).toEqual({ name: ['name must be at most 100 characters'] })
  })

  it('refuses text a store could not keep as sent', () => {
    expect(detailsOf(createUserSchema, { uid: 'a', name: 'nul\u0000' })?.name).toEqual(['name must not contain NUL or broken Unicode'])
    expect(detailsOf(createUserSchema, { uid: 'a', name: 'x', statusMessage: 'lone \uD800' })?.statusMessage).toHaveLength(1)
    expect(detailsOf(createUserSchema, { uid: 'a', name: 'x', metadata: { deep: [{ ['k\u0000']: 1 }] } })?.metadata).toEqual([
      'metadata must not contain NUL or broken Unicode',
    ])
  })

  it('measures metadata in UTF-8 bytes of its JSON', () => {
    const fits = { t: 'é'.repeat((5120 - 8) / 2) } // {"t":""} is 8 bytes, é is 2
    expect(new TextEncoder().encode(JSON.stringify(fits)).length).toBe(5120)
    expect(detailsOf(createUserSchema, { uid: 'a', name: 'x', metadata: fits })).toBeUndefined()
    expect(detailsOf(createUserSchema, { uid: 'a', name: 'x', metadata: { t: `${fits.t}e` } })?.metadata).toEqual([
      'metadata must be at most 5120 bytes as JSON',
    ])
  })

  it('refuses a __proto__ key at any depth without polluting anything', () => {
    const body = JSON.parse('{"uid":"a","name":"x","metadata":{"ok":{"__proto__":{"polluted":true}}}}')
    expect(detailsOf(createUserSchema, body)?.metadata).toEqual(['metadata must not contain the key "__proto__"'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('update schemas', () => {
  it('refuses a field that is both set and unset, naming unset', () => {
    expect(detailsOf(updateUserSchema, { avatar: 'https://x.test/a.png', unset: ['avatar'] })).toEqual({
      unset: ['a field cannot be both set and unset'],
    })
  })

  it('lets unset name only the optional editable fields', () => {
    expect(detailsOf(updateUserSchema, { unset: ['name'] })?.unset).toHaveLength(1)
    expect(v.parse(updateUserSchema, { unset: ['avatar', 'link', 'metadata', 'statusMessage', 'tags'] }).unset).toHaveLength(5)
  })

  it('keeps role out of what the logged-in user may send', () => {
    expect(v.parse(updateCurrentUserSchema, { name: 'Ada', role: 'admin', uid: 'eve' })).toEqual({ name: 'Ada' })
    expect(v.parse(updateUserSchema, { role: 'admin' })).toEqual({ role: 'admin' })
  })
})

describe('usersQuerySchema', () => {
  it('turns query strings into typed values with defaults', () => {
    expect(v.parse(usersQuerySchema, { uids: 'Ada, bob,,', withTags: '1', hideBlockedUsers: 'false', page: '3' })).toEqual({
      perPage: 100,
      page: 3,
      uids: ['ada', 'bob'],
      withTags: true,
      hideBlockedUsers: false,
    })
  })

  it('names the parameter that is out of range', () => {
    expect(detailsOf(usersQuerySchema, { perPage: '1001', status: 'busy' })).toEqual({
      perPage: ['perPage must be at most 1000'],
      status: ['status must be available, online or offline'],
    })
  })
})

it('isStorableText accepts paired surrogates and refuses lone ones', () => {
  expect(isStorableText('😀 ok')).toBe(true)
  expect(isStorableText('\uDC00x')).toBe(false)
  expect(isStorableText('x\uD83D')).toBe(false)
})
