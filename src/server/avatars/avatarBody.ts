import type { Context, MiddlewareHandler } from 'hono'
import { UserkitError } from '../../model/index.js'
import type { ServerEnv } from '../actor.js'
import { readAtMost } from '../jsonBody.js'

/** The largest picture accepted, as sent. */
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024

// PUT …/me/avatar, …/users/{uid}/avatar on either surface (and /v3/v3.0, where CometChat's SDK goes).
const uploadPath = /^\/v3(?:\.0|\/v3\.0)?\/(?:me|users\/[^/]+)\/avatar$/

// The types a page on another origin may send without a preflight: refused, as the JSON rule refuses
// them, so a cookie session cannot be made to upload a picture by someone else's form.
const simpleTypes = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])

export const isAvatarUpload = (c: Context): boolean => c.req.method === 'PUT' && uploadPath.test(new URL(c.req.url).pathname)

/**
 * Reads a picture upload in place of `jsonBody`, before credentials or the store are touched: at most
 * 5 MB, counted as the bytes arrive (413 as soon as it is passed, whatever Content-Length said).
 * Which kind of picture it is the bytes decide later, never this header.
 */
export function avatarBody(jsonBody: MiddlewareHandler<ServerEnv>, maxBytes = MAX_AVATAR_BYTES): MiddlewareHandler<ServerEnv> {
  const tooLarge = (): UserkitError =>
    new UserkitError('ERR_PAYLOAD_TOO_LARGE', `The picture is larger than ${maxBytes / (1024 * 1024)} MB.`)
  return async (c, next) => {
    if (!isAvatarUpload(c)) return jsonBody(c, next)
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
    if (mediaType && simpleTypes.has(mediaType)) {
      throw new UserkitError('ERR_UNSUPPORTED_MEDIA_TYPE', `A picture must not be sent as ${mediaType}; send its own type (image/png, image/jpeg…).`)
    }
    if (Number(c.req.header('content-length') ?? Number.NaN) > maxBytes) throw tooLarge()
    c.set('picture', await readAtMost(c.req.raw.body, maxBytes, tooLarge))
    await next()
  }
}
