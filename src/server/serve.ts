import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { ServerType } from '@hono/node-server'
import type { CometChatSocketOptions } from './cometchatSocket/attach.js'
import { UserkitError } from '../model/index.js'
import { rememberClientAddress } from './clientAddress.js'
import { errorAnswer } from './http.js'

export interface ServeOptions {
  /**
   * Answers every request. A `UserkitError` it throws (say from a client call in your own route)
   * becomes its JSON error answer with its status; anything else a 500 `ERR_INTERNAL`, never an empty one.
   */
  handler: (request: Request) => Promise<Response>
  /**
   * 0 picks a free port.
   * @default 3000
   */
  port?: number
  /** @default '127.0.0.1' */
  hostname?: string
  /** Serve https with this PEM key and certificate (CometChat's SDK always speaks https). */
  https?: { key: string; cert: string }
  /**
   * Receives what the handler threw that was not a `UserkitError`.
   * @default console.error
   */
  onError?: (error: unknown) => void
  /**
   * CometChat's WebSocket at `/` of the same host and port (where `GET /v3.0/settings` points the
   * SDK): live presence for its UI Kit. `false` serves no socket; upgrades are then refused.
   * @default {}
   */
  cometchatSocket?: false | CometChatSocketOptions
}

export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:3000`. */
  url: string
  /** Stops accepting connections and drops idle keep-alive ones, so the process can exit at once. */
  close(): Promise<void>
}

/** Runs a handler on Node's HTTP server. */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1'
  // Loaded here, not at the top: `userkit/server` also runs in browsers (Storybook), where only
  // the handler and memoryStore are used and Node's modules do not exist.
  const [{ serve: serveNode }, { createServer: createHttpsServer }, socketModule] = await Promise.all([
    import('@hono/node-server'),
    import('node:https'),
    options.cometchatSocket === false ? undefined : import('./cometchatSocket/attach.js'),
  ])
  return new Promise((resolve, reject) => {
    const server: ServerType = serveNode(
      {
        fetch: async (request: Request, env: { incoming?: { socket?: { remoteAddress?: string } } }) => {
          rememberClientAddress(request, env.incoming?.socket?.remoteAddress)
          try {
            return await options.handler(request)
          } catch (error) {
            if (error instanceof UserkitError) return errorAnswer(error)
            ;(options.onError ?? ((thrown: unknown) => console.error('userkit: serve(): the handler threw', thrown)))(error)
            return errorAnswer(new UserkitError('ERR_INTERNAL', 'The server could not complete the request.'))
          }
        },
        port: options.port ?? 3000,
        hostname,
        ...(options.https ? { createServer: createHttpsServer, serverOptions: options.https } : {}),
      },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
        resolve({
          url: `${options.https ? 'https' : 'http'}://${host}:${info.port}`,
          close: async () => {
            await sockets?.close()
            await closeServer(server)
          },
        })
      },
    )
    const sockets =
      socketModule && options.cometchatSocket !== false
        ? socketModule.attachCometChatSocket(server as Server, options.handler, {
            ...options.cometchatSocket,
            https: !!options.https,
            onError: options.onError ?? ((thrown: unknown) => console.error('userkit: the CometChat socket failed', thrown)),
          })
        : undefined
    server.once('error', reject)
  })
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    if ('closeAllConnections' in server) server.closeAllConnections()
  })
}
