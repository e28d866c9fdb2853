import { describe, expect, it } from 'vitest'
import { createUserClient } from '../../src/client/index.js'
import { UserkitError } from '../../src/model/index.js'
import { createUserHandler, memoryStore, type AvatarEncoder, type AvatarStore, type StoredAvatar } from '../../src/server/index.js'
import { png, webp } from '../contract/avatarImages.js'

// An app's own avatarStore (object storage, say) gets every picture instead of the user store.
it('keeps pictures in the avatarStore given, and names them under avatarBaseUrl', async () => {
  const kept = new Map<string, StoredAvatar>()
  const bucket: AvatarStore = {
    put: async (avatar) => void kept.set(avatar.hash, avatar),
    get: async (hash) => kept.get(hash) ?? null,
    delete: async (hash) => void kept.delete(hash),
  }
  const store = memoryStore()
  const handler = createUserHandler({ store, keys: [{ key: 'k', scope: 'fullAccess' }], avatarStore: bucket, avatarBaseUrl: 'https://users.example.com/' })
  const admin = createUserClient({ baseUrl: 'http://internal.test', apiKey: 'k', fetch: handler })
  await admin.createUser({ uid: 'ada', name: 'Ada' })
  const user = await admin.uploadAvatar(new Blob([(await png()) as Uint8Array<ArrayBuffer>], { type: 'image/png' }), { uid: 'ada' })
  const hash = /^https:\/\/users\.example\.com\/v3\.0\/avatars\/([0-9a-f]{64})\.webp$/.exec(user.avatar ?? '')?.[1]
  expect([...kept.keys()]).toEqual([hash])
  expect(await store.avatars?.get(hash!)).toBeNull()
  expect((await handler(new Request(`http://internal.test/v3.0/avatars/${hash}.webp`))).status).toBe(200)
  await admin.removeAvatar({ uid: 'ada' })
  expect(kept.size).toBe(0)
})

it('refuses an avatarBaseUrl that is not an http(s) origin', () => {
  expect(() => createUserHandler({ store: memoryStore(), keys: [], avatarBaseUrl: 'users.example.com/pics' })).toThrow(/avatarBaseUrl must be an http\(s\) origin/)
})

// A runtime without sharp gives its own encoder; what it returns is checked, not trusted.
describe('avatarEncoder', () => {
  const upload = async (avatarEncoder: AvatarEncoder) => {
    const handler = createUserHandler({ store: memoryStore(), keys: [{ key: 'k', scope: 'fullAccess' }], avatarEncoder, onError: () => {} })
    const admin = createUserClient({ baseUrl: 'http://internal.test', apiKey: 'k', fetch: handler })
    await admin.createUser({ uid: 'ada', name: 'Ada' })
    const sent = admin.uploadAvatar(new Blob([(await png(40, 30)) as Uint8Array<ArrayBuffer>], { type: 'image/png' }), { uid: 'ada' })
    return { sent, admin }
  }

  it('stores what the encoder made of the picture, given the limits', async () => {
    const made = await webp(20, 20)
    const seen: unknown[] = []
    const { sent } = await upload(async (bytes, limits) => {
      seen.push([bytes.byteLength > 0, limits])
      return made
    })
    const user = await sent
    expect(seen).toEqual([[true, { side: 512, maxPixels: 50_000_000 }]])
    expect(user.avatar).toMatch(/\/v3\.0\/avatars\/[0-9a-f]{64}\.webp$/)
  })

  it("answers the encoder's refusal, and a 500 (nothing stored) when it returns something that is not a WebP", async () => {
    const refused = await upload(async () => {
      throw new UserkitError('ERR_PAYLOAD_TOO_LARGE', 'Too many pixels.')
    })
    await expect(refused.sent).rejects.toMatchObject({ code: 'ERR_PAYLOAD_TOO_LARGE', status: 413 })
    const wrong = await upload(async (bytes) => bytes)
    await expect(wrong.sent).rejects.toMatchObject({ code: 'ERR_INTERNAL', status: 500 })
    expect((await wrong.admin.getUser('ada')).avatar).toBeUndefined()
  })
})
