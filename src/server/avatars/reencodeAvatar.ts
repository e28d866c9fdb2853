import { UserkitError } from '../../model/index.js'
import { sniffImage } from './sniffImage.js'
import type { StoredAvatar } from './types.js'

/** The side of the square a stored picture has at most. */
export const AVATAR_SIDE = 512
/** Decoded size an upload may have: a 12-megapixel phone photo passes, a decompression bomb does not. */
export const MAX_AVATAR_PIXELS = 50_000_000

type Sharp = typeof import('sharp').default
let sharpModule: Promise<Sharp> | undefined

// Loaded on the first upload only: sharp is an optional peer with a native binary, and a server
// that never takes a picture (or a handler running in a browser) never needs it.
async function loadSharp(): Promise<Sharp> {
  // A specifier in a variable: bundlers (Vite in Storybook) leave it alone instead of pulling a
  // native module into a browser build.
  const specifier = 'sharp'
  sharpModule ??= (import(/* @vite-ignore */ specifier) as Promise<typeof import('sharp')>).then(
    (module) => {
      const sharp = module.default
      sharp.cache(false)
      return sharp
    },
    (error: unknown) => {
      sharpModule = undefined
      throw new Error('Uploading pictures needs the sharp package on the server: npm install sharp', { cause: error })
    },
  )
  return sharpModule
}

export const notAPicture = (): UserkitError =>
  new UserkitError('ERR_UNSUPPORTED_MEDIA_TYPE', 'The body is not a PNG, JPEG, WebP or GIF picture.')

const unreadable = (): UserkitError =>
  new UserkitError('ERR_BAD_REQUEST', 'The picture could not be read: the file is damaged or incomplete.', {
    details: { avatar: ['the picture could not be read'] },
  })

/**
 * The upload as a stored picture: its first frame, turned upright, cropped to a centred square of
 * at most 512 px and re-encoded as WebP. Nothing of the original's metadata (EXIF, GPS, ICC
 * comments) survives: sharp writes none unless asked. The size is checked from the header before
 * any pixel is decoded.
 */
export async function reencodeAvatar(bytes: Uint8Array): Promise<StoredAvatar> {
  if (!sniffImage(bytes)) throw notAPicture()
  const sharp = await loadSharp()
  const input = { limitInputPixels: MAX_AVATAR_PIXELS, failOn: 'error' as const, pages: 1 }
  let width: number
  let height: number
  try {
    // The header only: no pixel is decoded, so the bound below is checked before anything is allocated.
    const meta = await sharp(bytes, { ...input, limitInputPixels: false }).metadata()
    width = meta.autoOrient?.width ?? meta.width ?? 0
    height = (meta.autoOrient?.height ?? meta.pageHeight ?? meta.height) || 0
  } catch {
    throw unreadable()
  }
  if (!(width > 0 && height > 0)) throw unreadable()
  if (width * height > MAX_AVATAR_PIXELS) {
    throw new UserkitError('ERR_PAYLOAD_TOO_LARGE', `The picture is ${width} × ${height} pixels; at most ${MAX_AVATAR_PIXELS / 1e6} megapixels are accepted.`)
  }
  const side = Math.min(AVATAR_SIDE, width, height)
  let out: Buffer
  try {
    out = await sharp(bytes, { ...input, failOn: 'truncated' })
      .rotate()
      .resize(side, side, { fit: 'cover', position: 'centre' })
      .webp({ quality: 82, effort: 4 })
      .toBuffer()
  } catch {
    throw unreadable()
  }
  const bytesOut = new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Uint8Array<ArrayBuffer>
  // Web Crypto, not node:crypto: the handler also runs in a browser (Storybook), where only this is.
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytesOut))
  const hash = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return { hash, contentType: 'image/webp', bytes: bytesOut }
}
