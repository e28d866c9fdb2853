/**
 * CometChat's WebSocket frames, as its JavaScript SDK (4.2) sends and reads them: JSON text, one
 * object per frame. The SDK sends `auth` first, then `{"action":"ping","ack":"true"}` every 15 s
 * (it drops the connection when no `{"action":"pong"}` comes within 3 s), and may send its own
 * `presence`, `typing_indicator`, `receipts` and `transient_message` frames, which this server has
 * no use for. It reads `auth` answers (`body.code` "200" and `body.status` "OK" start its pings)
 * and `presence` frames, which become `onUserOnline` / `onUserOffline`.
 */

/** Close codes: the standard ones where they fit, 44xx after the HTTP status they echo. */
export const closeCodes = {
  /** The server is shutting down. */
  goingAway: 1001,
  /** Something failed on the server's side (the client may reconnect). */
  serverError: 1011,
  /** The user event stream behind the socket ended, or the client read too slowly: reconnect. */
  tryAgain: 1013,
  /** Binary, not JSON, not an object, or without a `type`; or a second `auth`. */
  badFrame: 4400,
  /** No `auth` first (within the deadline), or its token is missing, unknown, revoked or expired. */
  unauthenticated: 4401,
  /** The token is valid but may not open a socket (e.g. a refused session). */
  refused: 4403,
  /** A frame type CometChat's SDK does not send. */
  unknownType: 4415,
  /** The user has as many sockets and event streams open on this server as allowed. */
  tooMany: 4429,
} as const

/** Frames the SDK may send once authenticated that carry nothing for a user-management server. */
const ignoredTypes = new Set(['presence', 'typing_indicator', 'receipts', 'transient_message'])

/** How a client asked to see presence (`presenceSubscription` in its `auth` frame). */
export type PresenceSubscription = { kind: 'all' } | { kind: 'roles'; roles: string[] } | { kind: 'none' }

export type ClientFrame =
  | { kind: 'auth'; token: string | undefined; appId: string | undefined; subscription: PresenceSubscription }
  | { kind: 'ping' }
  | { kind: 'ignored' }
  | { kind: 'bad'; reason: string }
  | { kind: 'unknown'; type: string }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function subscriptionOf(body: Record<string, unknown>): PresenceSubscription {
  if (body.presenceSubscription === 'ALL_USERS') return { kind: 'all' }
  if (body.presenceSubscription === 'ROLES' && Array.isArray(body.roles)) {
    return { kind: 'roles', roles: body.roles.filter((role): role is string => typeof role === 'string') }
  }
  // FRIENDS (Userkit has no friends), NONE, or nothing said.
  return { kind: 'none' }
}

/** Reads one text frame. */
export function readClientFrame(text: string): ClientFrame {
  let frame: unknown
  try {
    frame = JSON.parse(text)
  } catch {
    return { kind: 'bad', reason: 'a frame must be JSON' }
  }
  if (!isObject(frame)) return { kind: 'bad', reason: 'a frame must be a JSON object' }
  if (frame.action === 'ping') return { kind: 'ping' }
  if (typeof frame.type !== 'string') return { kind: 'bad', reason: 'a frame needs a type' }
  if (frame.type === 'auth') {
    const body = isObject(frame.body) ? frame.body : {}
    return {
      kind: 'auth',
      token: typeof body.auth === 'string' && body.auth !== '' ? body.auth : undefined,
      appId: typeof frame.appId === 'string' ? frame.appId : undefined,
      subscription: subscriptionOf(body),
    }
  }
  if (ignoredTypes.has(frame.type)) return { kind: 'ignored' }
  return { kind: 'unknown', type: frame.type }
}

/** The answer to `auth`: the SDK starts pinging on code "200" and status "OK". */
export function authAnswer(appId: string, uid: string | undefined, code: string, status: string): string {
  return JSON.stringify({ appId, type: 'auth', sender: uid ?? '', receiver: uid ?? '', receiverType: 'user', deviceId: '', body: { code, status } })
}

export const pong = JSON.stringify({ action: 'pong' })

/**
 * A user came online or went offline, told to `receiver`. The SDK ignores a frame whose `deviceId`
 * is its own session's; the server's is never one.
 */
export function presenceFrame(appId: string, receiver: string, action: 'online' | 'offline', user: Record<string, unknown>, timestamp: number): string {
  return JSON.stringify({
    appId,
    deviceId: 'userkit-server',
    sender: user.uid,
    receiver,
    receiverType: 'user',
    type: 'presence',
    body: { action, timestamp, user },
  })
}
