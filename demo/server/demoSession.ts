import { isUserkitError, type UserClient } from 'userkit/client'

/**
 * `POST /demo/session {uid}` → `{data: {uid, authToken}}`: the demo's sign-in, CometChat's prototype
 * path done on the server. Anyone can sign in as anyone here — fine for a demo on 127.0.0.1, never
 * for an app, whose backend issues a token only after its own login.
 */
export function demoSession(admin: UserClient): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') return Response.json({ error: { code: 'ERR_API_NOT_FOUND', message: 'POST only' } }, { status: 404 })
    let uid: unknown
    try {
      uid = ((await request.json()) as { uid?: unknown }).uid
    } catch {
      uid = undefined
    }
    if (typeof uid !== 'string' || uid.trim() === '') {
      return Response.json({ error: { code: 'ERR_BAD_REQUEST', message: 'Give a uid.', details: { uid: ['Give a uid.'] } } }, { status: 400 })
    }
    try {
      const { authToken } = await admin.createAuthToken(uid.trim())
      return Response.json({ data: { uid: uid.trim().toLowerCase(), authToken } })
    } catch (error) {
      if (isUserkitError(error)) {
        return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status || 500 })
      }
      throw error
    }
  }
}
