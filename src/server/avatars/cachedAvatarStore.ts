import type { AvatarStore, StoredAvatar } from './types.js'

/** Bytes of pictures kept in memory per handler. */
const CACHE_BYTES = 16 * 1024 * 1024

/**
 * `store` with the most recently read pictures kept in memory (up to 16 MB, the least recently read
 * dropped first): a picture never changes under its hash, so a copy never goes stale, and serving
 * one costs no database round trip. A picture removed through this handler leaves the memory too;
 * another instance may serve its copy until it ages out, as any cache in front would.
 */
export function cachedAvatarStore(store: AvatarStore): AvatarStore {
  const kept = new Map<string, StoredAvatar>()
  let bytes = 0
  // A read that was under way when a picture was removed may hold the row as it was: keeping it
  // would serve a removed picture for good. Counting removals lets such a read answer, not stay.
  let removals = 0
  const forget = (hash: string): void => {
    const old = kept.get(hash)
    if (!old) return
    kept.delete(hash)
    bytes -= old.bytes.byteLength
  }
  return {
    put: (avatar) => store.put(avatar),
    async get(hash) {
      const found = kept.get(hash)
      if (found) {
        kept.delete(hash)
        kept.set(hash, found)
        return found
      }
      const removalsBefore = removals
      const read = await store.get(hash)
      if (!read || read.bytes.byteLength > CACHE_BYTES || removals !== removalsBefore) return read
      kept.set(hash, read)
      bytes += read.bytes.byteLength
      for (const [oldest] of kept) {
        if (bytes <= CACHE_BYTES) break
        forget(oldest)
      }
      return read
    },
    async delete(hash) {
      removals++
      forget(hash)
      await store.delete(hash)
      // Also after: a read that started once the row was gone from memory but not yet from the store.
      removals++
    },
  }
}
