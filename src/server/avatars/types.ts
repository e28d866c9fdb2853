/** A picture as the server keeps it: re-encoded, square, without metadata, named by its content. */
export interface StoredAvatar {
  /** SHA-256 of `bytes`, hex: the picture's name in its URL (`/v3.0/avatars/<hash>.webp`). */
  hash: string
  contentType: 'image/webp'
  bytes: Uint8Array
}

/**
 * Where uploaded pictures live. The default keeps them in the user store's database (a table in
 * PGlite and PostgreSQL, a Map in `memoryStore`); an app may keep them in object storage instead
 * (ARCHITECTURE.md has an S3-compatible example). Pictures are immutable and named by their hash,
 * so a store never updates one in place.
 */
export interface AvatarStore {
  /** Keeps the picture under its hash; one already there is left as it is. */
  put(avatar: StoredAvatar): Promise<void>
  /** The picture, or `null` when there is none under that hash. */
  get(hash: string): Promise<StoredAvatar | null>
  /** Removes the picture; no error when it is already gone. */
  delete(hash: string): Promise<void>
}
