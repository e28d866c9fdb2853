import { Hono } from 'hono'
import type { ServerEnv } from '../actor.js'
import { ok } from '../http.js'

/**
 * What `GET /v3.0/settings` answers: the app settings CometChat's SDK and UI Kit read. The SDK keeps
 * a non-empty answer and from then on builds every URL from it, overriding the hosts the app gave:
 * client calls go to `https://{CLIENT_API_HOST}/{CHAT_API_VERSION}/…`, admin calls (`createUser`,
 * `updateUser`, the auth token of `login(uid, authKey)`) to `https://{ADMIN_API_HOST}/{CHAT_API_VERSION}/…`
 * and its WebSocket to `wss://{CHAT_HOST}:{CHAT_WSS_PORT}`. So every host named here is this server:
 * the client API at `/v3.0`, the REST API at `/v3/v3.0` (the same routes as `/v3`: the SDK always
 * puts the version after the admin host), the socket at `/` of the same host and port.
 */
export interface CometChatSettings {
  CHAT_API_VERSION: 'v3.0'
  CLIENT_API_HOST: string
  ADMIN_API_HOST: string
  CHAT_HOST: string
  CHAT_WSS_PORT: string
  CHAT_USE_SSL: boolean
  /** The SDK would otherwise post telemetry to CometChat's own metrics host every few seconds. */
  ANALYTICS_PING_DISABLED: boolean
  /** Feature flags: none is on (no messages, pins, saves, AI here); the SDK reads a missing flag as off. */
  parameters: Record<string, boolean>
  /** No extensions are installed. */
  extensions: never[]
}

/**
 * The settings for a server reached at `url` (the request's own URL: the host the browser used).
 * The SDK speaks only https and wss, so a host named without a port is on 443, whatever scheme
 * reached this server (a proxy may have ended TLS before it).
 */
export function cometChatSettings(url: URL): CometChatSettings {
  const host = url.host
  const port = url.port || '443'
  return {
    CHAT_API_VERSION: 'v3.0',
    CLIENT_API_HOST: host,
    ADMIN_API_HOST: `${host}/v3`,
    CHAT_HOST: url.hostname,
    CHAT_WSS_PORT: port,
    CHAT_USE_SSL: true,
    ANALYTICS_PING_DISABLED: true,
    parameters: {},
    extensions: [],
  }
}

/**
 * `GET /settings` on the client API. Open to any caller: it names only this server's own hosts, and
 * the SDK asks for it before it has a token as well as after.
 */
export function settingsApi(): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  app.get('/settings', (c) => ok(c, cometChatSettings(new URL(c.req.url))))
  return app
}
