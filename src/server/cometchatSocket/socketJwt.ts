import type { User } from '../../model/index.js'

/**
 * The `PUT /v3.0/me` answer with a `jwt` when CometChat's SDK asks (it sends an `sdk` header on every
 * call): the SDK sends `user.jwt` in the `auth` frame of its WebSocket, and as `Authorization: Bearer`
 * to the hosts the settings name, all of them this server. Other callers get the documented answer.
 * The `jwt` is the auth token the answer already carries, not a JWT: the socket then accepts exactly
 * what the client API accepts, and a revoked or expired token closes it as it ends an event stream.
 */
export function withSocketJwt(user: User & { authToken?: string }, request: Request): User & { jwt?: string } {
  return user.authToken && request.headers.has('sdk') ? { ...user, jwt: user.authToken } : user
}
