import type { User } from '../../model/index.js'
import { cometChatSettings, type CometChatSettings } from '../routes/settings.js'

/**
 * The `PUT /v3.0/me` answer as CometChat's SDK needs it (it sends an `sdk` header on every call;
 * other callers get the documented answer):
 * - `jwt`, which the SDK sends in the `auth` frame of its WebSocket (and as `Authorization: Bearer`
 *   to the hosts the settings name, all of them this server). It is the auth token the answer already
 *   carries, not a JWT: the socket accepts exactly what the client API accepts, and a revoked or
 *   expired token closes it as it ends an event stream.
 * - `settings`, the app settings of `GET /v3.0/settings`: the SDK decides at login whether to post
 *   telemetry, from these alone, and would otherwise post it to a host it never learns.
 */
export function withSdkLogin(
  user: User & { authToken?: string },
  request: Request,
): User & { jwt?: string; settings?: CometChatSettings } {
  if (!request.headers.has('sdk')) return user
  return { ...user, ...(user.authToken ? { jwt: user.authToken } : {}), settings: cometChatSettings(new URL(request.url)) }
}
