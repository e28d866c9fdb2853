import { StorageMode } from './StorageMode.js'

/** The part of the Web Storage API the facade uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const memory = new Map<string, string>()
const inMemory: KeyValueStorage = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
  removeItem: (key) => void memory.delete(key),
}

/** The browser's storage for the mode, or memory where there is none (Node, SSR, a sandboxed frame). */
export function pickStorage(mode: StorageMode): KeyValueStorage {
  try {
    const storage = mode === StorageMode.SESSION ? globalThis.sessionStorage : globalThis.localStorage
    if (storage !== undefined && storage !== null) return storage
  } catch {
    // Reading localStorage throws where storage is blocked (e.g. third-party frames).
  }
  return inMemory
}
