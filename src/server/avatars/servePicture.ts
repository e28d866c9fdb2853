import { Hono } from 'hono'
import { UserkitError } from '../../model/index.js'
import type { ServerEnv } from '../actor.js'
import type { AvatarStore } from './types.js'

const noPicture = (): UserkitError => new UserkitError('ERR_API_NOT_FOUND', 'No such picture.')

/**
 * `GET /avatars/<hash>.webp`, open to anyone (an `<img>` sends no token). A picture never changes
 * under its name, so caches may keep it for a year; `nosniff` keeps a browser from reading it as
 * anything but the image it is.
 */
export function servePicture(avatars: AvatarStore | undefined): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  app.get('/avatars/:file', async (c) => {
    const hash = /^([0-9a-f]{64})\.webp$/.exec(c.req.param('file'))?.[1]
    if (!hash || !avatars) throw noPicture()
    const etag = `"${hash}"`
    const headers = {
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      ETag: etag,
    }
    if (c.req.header('if-none-match')?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return new Response(null, { status: 304, headers })
    }
    const picture = await avatars.get(hash)
    if (!picture) throw noPicture()
    return new Response(picture.bytes as Uint8Array<ArrayBuffer>, {
      headers: { ...headers, 'Content-Type': picture.contentType, 'Content-Length': String(picture.bytes.byteLength) },
    })
  })
  return app
}
