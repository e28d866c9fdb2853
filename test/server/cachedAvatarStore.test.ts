import { expect, it } from 'vitest'
import { cachedAvatarStore } from '../../src/server/avatars/cachedAvatarStore.js'
import type { AvatarStore, StoredAvatar } from '../../src/server/index.js'

const picture: StoredAvatar = { hash: 'a'.repeat(64), contentType: 'image/webp', bytes: new Uint8Array([1, 2, 3]) }

// A database read sees the row as it was when it started, and answers later.
function slowStore(): { store: AvatarStore; answer(): void } {
  const kept = new Map([[picture.hash, picture]])
  let answer = (): void => {}
  const store: AvatarStore = {
    put: async (avatar) => void kept.set(avatar.hash, avatar),
    async get(hash) {
      const seen = kept.get(hash) ?? null
      await new Promise<void>((resolve) => (answer = resolve))
      return seen
    },
    delete: async (hash) => void kept.delete(hash),
  }
  return { store, answer: () => answer() }
}

it('does not keep a picture read while it was being removed: it stays removed', async () => {
  const { store, answer } = slowStore()
  const cached = cachedAvatarStore(store)
  const reading = cached.get(picture.hash)
  await cached.delete(picture.hash)
  answer()
  expect(await reading).toEqual(picture)
  const again = cached.get(picture.hash)
  answer()
  expect(await again).toBeNull()
})

it('keeps what it read when nothing was removed meanwhile', async () => {
  const { store, answer } = slowStore()
  const cached = cachedAvatarStore(store)
  const reading = cached.get(picture.hash)
  answer()
  await reading
  // From memory now: the slow store is not asked again (it would wait for an answer that never comes).
  expect(await cached.get(picture.hash)).toEqual(picture)
})
