import { UserkitError } from '../../model/index.js'

/**
 * Turns an uploaded picture (PNG, JPEG, WebP or GIF, checked by its bytes before) into the stored
 * one: a square WebP of at most `side` pixels, its first frame, upright, without metadata. It
 * refuses a picture of more than `maxPixels` before decoding it (`tooManyPixels`), and one it
 * cannot read (`unreadable`). The default is sharp's (`sharpEncoder`); a runtime without sharp
 * (a browser, an edge worker) gives the handler its own as `avatarEncoder`.
 */
export type AvatarEncoder = (bytes: Uint8Array, limits: { side: number; maxPixels: number }) => Promise<Uint8Array>

export const tooManyPixels = (width: number, height: number, maxPixels: number): UserkitError =>
  new UserkitError('ERR_PAYLOAD_TOO_LARGE', `The picture is ${width} × ${height} pixels; at most ${maxPixels / 1e6} megapixels are accepted.`)

export const unreadable = (): UserkitError =>
  new UserkitError('ERR_BAD_REQUEST', 'The picture could not be read: the file is damaged or incomplete.', {
    details: { avatar: ['the picture could not be read'] },
  })
