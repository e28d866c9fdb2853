import type { AvatarStore, StoredAvatar } from './types.js'

/** Pictures in a Map, for `memoryStore`: they live as long as the store. */
export function memoryAvatarStore(): AvatarStore {
  const pictures = new Map<string, StoredAvatar>()
  return {
    async put(avatar) {
      if (!pictures.has(avatar.hash)) pictures.set(avatar.hash, { ...avatar, bytes: avatar.bytes.slice() })
    },
    async get(hash) {
      const found = pictures.get(hash)
      return found ? { ...found, bytes: found.bytes.slice() } : null
    },
    async delete(hash) {
      pictures.delete(hash)
    },
  }
}
