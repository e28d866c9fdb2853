import { expect, it } from 'vitest'
import { createUserClient } from '../../src/client/index.js'
import { createUserHandler, memoryStore, type AvatarStore, type StoredAvatar } from '../../src/server/index.js'
import { png } from '../contract/avatarImages.js'

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
