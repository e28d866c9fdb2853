import { crc32, deflateSync } from 'node:zlib'
import sharp, { type Sharp } from 'sharp'

// Pictures for the upload tests, made here rather than kept as files: each one shows its shape.
const solid = (width: number, height: number): Sharp =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })

export const png = (width = 64, height = 48): Promise<Buffer> => solid(width, height).png().toBuffer()
export const jpeg = (width = 64, height = 48): Promise<Buffer> => solid(width, height).jpeg().toBuffer()
export const webp = (width = 64, height = 48): Promise<Buffer> => solid(width, height).webp().toBuffer()

/** A JPEG that says where it was taken (GPS in its EXIF) and who owns it. */
export const jpegWithGps = (): Promise<Buffer> =>
  solid(80, 80)
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Ada Lovelace' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .toBuffer()

/** An animated GIF of `frames` frames, each a different red. */
export async function animatedGif(frames: number): Promise<Buffer> {
  const pages = await Promise.all(
    Array.from({ length: frames }, (_, i) =>
      sharp({ create: { width: 24, height: 24, channels: 3, background: { r: (i * 37) % 256, g: 0, b: 0 } } }).png().toBuffer(),
    ),
  )
  return sharp(pages, { join: { animated: true } }).gif().toBuffer()
}

/** A noisy 12-megapixel photo as a phone takes it (4000 × 3000). */
export const photo12mp = (): Promise<Buffer> =>
  sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 90 }).toBuffer()

const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

/**
 * A decompression bomb: a valid PNG whose header says 20,000 × 20,000 pixels (1.6 GB decoded) in a
 * few hundred bytes of compressed zeros.
 */
export function pngBomb(side = 20_000): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  const rows = deflateSync(Buffer.alloc(64 * 1024))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))])
}

export const svgWithScript = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
)
