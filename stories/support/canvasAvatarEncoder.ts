import { UserkitError } from '../../src/model/index.js'
import type { AvatarEncoder } from '../../src/server/index.js'

/**
 * The stories' server runs in the browser, where sharp cannot: the browser's own decoder and a
 * canvas re-encode the picture instead, to the same square WebP the server stores.
 */
export const canvasAvatarEncoder: AvatarEncoder = async (bytes, { side, maxPixels }) => {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]))
  } catch {
    throw new UserkitError('ERR_BAD_REQUEST', 'The picture could not be read: the file is damaged or incomplete.', { details: { avatar: ['the picture could not be read'] } })
  }
  const { width, height } = bitmap
  if (width * height > maxPixels) throw new UserkitError('ERR_PAYLOAD_TOO_LARGE', `The picture is ${width} × ${height} pixels.`)
  const crop = Math.min(width, height)
  const square = Math.min(side, crop)
  const canvas = new OffscreenCanvas(square, square)
  canvas.getContext('2d')!.drawImage(bitmap, (width - crop) / 2, (height - crop) / 2, crop, crop, 0, 0, square, square)
  bitmap.close()
  const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.82 })
  return new Uint8Array(await blob.arrayBuffer())
}
