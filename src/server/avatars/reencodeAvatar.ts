import { UserkitError } from '../../model/index.js'
import type { AvatarEncoder } from './avatarEncoder.js'
import { sniffImage } from './sniffImage.js'
import type { StoredAvatar } from './types.js'

/** The side of the square a stored picture has at most. */
export const AVATAR_SIDE = 512
/** Decoded size an upload may have: a 12-megapixel phone photo passes, a decompression bomb does not. */
export const MAX_AVATAR_PIXELS = 50_000_000

export const notAPicture = (): UserkitError =>
  new UserkitError('ERR_UNSUPPORTED_MEDIA_TYPE', 'The body is not a PNG, JPEG, WebP or GIF picture.')

/**
 * The upload as a stored picture: decided a picture by its bytes, re-encoded by `encode` to a
 * square WebP of at most 512 px, and named by the hash of what was stored.
 */
export async function reencodeAvatar(bytes: Uint8Array, encode: AvatarEncoder): Promise<StoredAvatar> {
  if (!sniffImage(bytes)) throw notAPicture()
  // A picture the encoder refuses is its UserkitError (400, 413); anything else is the server's
  // failure (sharp missing, say), a 500 the handler reports.
  const out = await encode(bytes, { side: AVATAR_SIDE, maxPixels: MAX_AVATAR_PIXELS })
  // Whatever the encoder, only a WebP is stored and served as one.
  if (sniffImage(out) !== 'webp') throw new Error('The avatarEncoder did not return a WebP picture.')
  const stored = new Uint8Array(out) as Uint8Array<ArrayBuffer>
  // Web Crypto, not node:crypto: the handler also runs in a browser (Storybook), where only this is.
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', stored))
  const hash = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return { hash, contentType: 'image/webp', bytes: stored }
}
