import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { closeCodes } from './frames.js'
import { serveConnection } from './connection.js'

export interface CometChatSocketOptions {
  /**
   * Seconds a new socket has to send its `auth` frame before it is closed (4401).
   * @default 10
   */
  authTimeoutSeconds?: number
  /**
   * Bytes a socket may have waiting for a client that reads too slowly; past it the socket is closed
   * (1013) and the client reconnects. Each socket also holds one user event stream, bounded by
   * `events.maxBufferedBytes` and counted in `events.maxStreamsPerUser` (over it: 4429).
   * @default 1048576
   */
  maxBufferedBytes?: number
  /**
   * Largest frame accepted; a larger one closes the socket (1009). The SDK's frames are a few hundred bytes.
   * @default 16384
   */
  maxFrameBytes?: number
}

export interface CometChatSocket {
  readonly open: number
  close(): Promise<void>
}

/**
 * CometChat's WebSocket on a Node server: upgrades to `/` (where the SDK connects, at the host and
 * port `GET /v3.0/settings` names) are served by {@link serveConnection}; any other upgrade is refused.
 * Dead peers are found by a protocol ping every 30 s.
 */
export function attachCometChatSocket(
  server: Server,
  handler: (request: Request) => Promise<Response>,
  options: CometChatSocketOptions & { https: boolean; onError: (error: unknown) => void },
): CometChatSocket {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? 16 * 1024 })
  const alive = new WeakSet<WebSocket>()
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (new URL(request.url ?? '/', 'http://x').pathname !== '/') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      alive.add(ws)
      ws.on('pong', () => alive.add(ws))
      serveConnection(ws, {
        handler,
        origin: `${options.https ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`,
        address: request.socket.remoteAddress,
        authTimeoutMs: (options.authTimeoutSeconds ?? 10) * 1000,
        maxBufferedBytes: options.maxBufferedBytes ?? 1 << 20,
        onError: options.onError,
      })
    })
  }
  server.on('upgrade', onUpgrade)
  const sweep = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!alive.has(ws)) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, 30_000)
  sweep.unref()
  return {
    get open() {
      return sockets.clients.size
    },
    close: () =>
      new Promise((resolve) => {
        clearInterval(sweep)
        server.off('upgrade', onUpgrade)
        for (const ws of sockets.clients) ws.close(closeCodes.goingAway, 'the server is shutting down')
        sockets.close(() => resolve())
        // A client that never answers the close frame is not waited for.
        for (const ws of sockets.clients) setTimeout(() => ws.terminate(), 1000).unref()
      }),
  }
}
