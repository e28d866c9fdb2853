import { createUserClient, isUserkitError, type UserClient } from 'userkit/client'

type Handler = (request: Request) => Promise<Response>

const failure = (status: number, code: string, message: string): Response => Response.json({ error: { code, message } }, { status })

/**
 * `DELETE /demo/users/{uid}`: permanent deletion, which only a backend may do (a fullAccess key),
 * offered to a signed-in manager. The browser sends its own auth token; this server asks the
 * handler who that is, and erases only for a user whose role may manage users. An app's backend does
 * the same behind its own session.
 */
export function demoDelete(admin: UserClient, handler: Handler): Handler {
  return async (request) => {
    const uid = decodeURIComponent(new URL(request.url).pathname.slice('/demo/users/'.length))
    if (request.method !== 'DELETE' || uid === '' || uid.includes('/')) return failure(404, 'ERR_API_NOT_FOUND', 'DELETE /demo/users/{uid} only.')
    const authToken = request.headers.get('authtoken')
    if (!authToken) return failure(401, 'AUTH_ERR_EMPTY_AUTH_TOKEN', 'Sign in first.')
    try {
      const asCaller = createUserClient({ baseUrl: 'http://demo.internal', authToken, fetch: handler })
      const [me, roles] = await Promise.all([asCaller.getMe(), asCaller.listRoles()])
      if (!roles.some((role) => role.role === me.role && role.manageUsers)) {
        return failure(403, 'AUTH_ERR_NO_ACCESS', 'Only a user whose role may manage users can delete someone.')
      }
      if (me.uid === uid.toLowerCase()) return failure(403, 'AUTH_ERR_NO_ACCESS', 'Nobody can delete themselves here.')
      return Response.json({ data: await admin.deleteUser(uid) })
    } catch (error) {
      if (isUserkitError(error)) return failure(error.status || 500, error.code, error.message)
      throw error
    }
  }
}
