import { UserkitError } from '../../model/index.js'
import { tooManyPixels, unreadable, type AvatarEncoder } from './avatarEncoder.js'

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
      throw new Error('Uploading pictures needs the sharp package on the server: npm install sharp (or give the handler an avatarEncoder)', { cause: error })
    },
  )
  return sharpModule
}

/**
 * The default encoder, on sharp: the first frame, turned upright, cropped to a centred square and
 * re-encoded as WebP. Nothing of the original's metadata (EXIF, GPS, ICC comments) survives: sharp
 * writes none unless asked. The size is read from the header before any pixel is decoded.
 */
export const sharpEncoder: AvatarEncoder = async (bytes, { side, maxPixels }) => {
  const sharp = await loadSharp()
  const input = { limitInputPixels: maxPixels, failOn: 'error' as const, pages: 1 }
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
  if (width * height > maxPixels) throw tooManyPixels(width, height, maxPixels)
  const square = Math.min(side, width, height)
  try {
    const out = await sharp(bytes, { ...input, failOn: 'truncated' })
      .rotate()
      .resize(square, square, { fit: 'cover', position: 'centre' })
      .webp({ quality: 82, effort: 4 })
      .toBuffer()
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
  } catch (error) {
    if (error instanceof UserkitError) throw error
    throw unreadable()
  }
}
