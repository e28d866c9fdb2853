import type { RawData, WebSocket } from 'ws'
import { authAnswer, closeCodes, pong, presenceFrame, readClientFrame, type PresenceSubscription } from './frames.js'
import { errorCodeOf, readUserEvents, tokenCaller, type TokenCall } from './userEventFeed.js'

export interface ConnectionOptions {
  handler: (request: Request) => Promise<Response>
  /** Where the socket's own requests to the handler go, e.g. `https://host:port`. */
  origin: string
  address: string | undefined
  authTimeoutMs: number
  maxBufferedBytes: number
  onError: (error: unknown) => void
}

type Me = { uid: string; call: TokenCall; appId: string; subscription: PresenceSubscription }

const presenceActions: Record<string, 'online' | 'offline'> = { 'user.online': 'online', 'user.offline': 'offline', 'user.deactivated': 'offline' }

// A close reason is at most 123 bytes.
const reasonOf = (text: string): string => (text.length > 120 ? `${text.slice(0, 117)}...` : text)

/** Statuses of the handler's refusals, as close codes. */
function closeCodeFor(status: number): number {
  if (status === 401) return closeCodes.unauthenticated
  if (status === 403) return closeCodes.refused
  if (status === 429) return closeCodes.tooMany
  return closeCodes.serverError
}

/**
 * One CometChat socket: waits for `auth`, checks its token through the handler, then pushes a
 * `presence` frame for each user who comes online or goes offline that the user may see and asked
 * to (`presenceSubscription`), and answers pings; each ping also keeps the user online.
 */
export function serveConnection(socket: WebSocket, options: ConnectionOptions): void {
  let me: Me | undefined
  let authenticating = false
  let events: AsyncGenerator<unknown> | undefined
  const close = (code: number, reason: string): void => {
    clearTimeout(deadline)
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reasonOf(reason))
    void events?.return(undefined)
  }
  const deadline = setTimeout(() => close(closeCodes.unauthenticated, `no auth frame within ${options.authTimeoutMs / 1000} s`), options.authTimeoutMs)

  const send = (text: string): void => {
    if (socket.readyState !== socket.OPEN) return
    socket.send(text)
    // A client that stops reading must not grow the server: past the bound it is let go.
    if (socket.bufferedAmount > options.maxBufferedBytes) {
      close(closeCodes.tryAgain, `the client fell ${socket.bufferedAmount} bytes behind; reconnect`)
      setTimeout(() => socket.terminate(), 1000).unref?.()
    }
  }

  async function authenticate(token: string | undefined, appId: string, subscription: PresenceSubscription): Promise<void> {
    if (token === undefined) {
      send(authAnswer(appId, undefined, '401', 'AUTH_ERR_EMPTY_AUTH_TOKEN'))
      return close(closeCodes.unauthenticated, 'AUTH_ERR_EMPTY_AUTH_TOKEN: the auth frame carries no token (body.auth)')
    }
    const call = tokenCaller(options.handler, options.origin, token, options.address)
    const mine = await call('GET', '/v3.0/me')
    if (!mine.ok) return refuse(appId, mine)
    const { data } = (await mine.json()) as { data: { uid: string } }
    const stream = await call('GET', '/v3.0/events')
    if (!stream.ok || !stream.body) return refuse(appId, stream)
    if (socket.readyState !== socket.OPEN) {
      await stream.body.cancel()
      return
    }
    me = { uid: data.uid, call, appId, subscription }
    clearTimeout(deadline)
    send(authAnswer(appId, me.uid, '200', 'OK'))
    void relay(me, stream.body)
  }

  async function refuse(appId: string, answer: Response): Promise<void> {
    const code = await errorCodeOf(answer)
    send(authAnswer(appId, undefined, String(answer.status), code))
    close(closeCodeFor(answer.status), code)
  }

  async function relay(viewer: Me, body: ReadableStream<Uint8Array>): Promise<void> {
    const feed = readUserEvents(body)
    events = feed
    for await (const { type, data } of feed) {
      const action = presenceActions[type]
      const user = data.user as Record<string, unknown> | undefined
      if (!action || !user || user.uid === viewer.uid || !subscribed(viewer.subscription, user)) continue
      const timestamp = typeof user.lastActiveAt === 'number' ? user.lastActiveAt : Math.floor(Date.now() / 1000)
      send(presenceFrame(viewer.appId, viewer.uid, action, { ...user, status: action }, timestamp))
    }
    if (socket.readyState !== socket.OPEN) return
    // The stream ended under an open socket: the token was revoked, or the hub let the stream go.
    const still = await viewer.call('GET', '/v3.0/me')
    if (!still.ok) close(closeCodeFor(still.status), await errorCodeOf(still))
    else close(closeCodes.tryAgain, 'the user event stream ended; reconnect')
  }

  socket.on('message', (raw: RawData, isBinary: boolean) => {
    if (isBinary) return close(closeCodes.badFrame, 'text frames only')
    const frame = readClientFrame(raw.toString())
    if (frame.kind === 'bad') return close(closeCodes.badFrame, frame.reason)
    if (frame.kind === 'unknown') return close(closeCodes.unknownType, `unknown frame type ${JSON.stringify(frame.type)}`)
    if (frame.kind === 'auth') {
      if (me || authenticating) return close(closeCodes.badFrame, 'auth was already sent')
      authenticating = true
      authenticate(frame.token, frame.appId ?? '', frame.subscription).catch((error: unknown) => {
        options.onError(error)
        close(closeCodes.serverError, 'the server could not check the token')
      })
      return
    }
    if (!me) return close(closeCodes.unauthenticated, 'send auth first')
    if (frame.kind === 'ping') {
      send(pong)
      // The SDK's ping is its sign of life: like any request with the token it keeps a logged-in user
      // online (written at most once a second, and told to other instances only after a silence).
      me.call('GET', '/v3.0/me').catch(options.onError)
    }
  })
  socket.on('close', () => close(closeCodes.goingAway, 'closed'))
  socket.on('error', () => close(closeCodes.serverError, 'socket error'))
}

function subscribed(subscription: PresenceSubscription, user: Record<string, unknown>): boolean {
  if (subscription.kind === 'all') return true
  if (subscription.kind === 'roles') return subscription.roles.includes(String(user.role ?? 'default'))
  return false
}
