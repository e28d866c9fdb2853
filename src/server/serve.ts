import type { AddressInfo } from 'node:net'
import type { ServerType } from '@hono/node-server'
import { rememberClientAddress } from './clientAddress.js'

export interface ServeOptions {
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
  const [{ serve: serveNode }, { createServer: createHttpsServer }] = await Promise.all([
    import('@hono/node-server'),
    import('node:https'),
  ])
  return new Promise((resolve, reject) => {
    const server: ServerType = serveNode(
      {
        fetch: (request: Request, env: { incoming?: { socket?: { remoteAddress?: string } } }) => {
          rememberClientAddress(request, env.incoming?.socket?.remoteAddress)
          return options.handler(request)
        },
        port: options.port ?? 3000,
        hostname,
        ...(options.https ? { createServer: createHttpsServer, serverOptions: options.https } : {}),
      },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address
        resolve({
          url: `${options.https ? 'https' : 'http'}://${host}:${info.port}`,
          close: () => closeServer(server),
        })
      },
    )
    server.once('error', reject)
  })
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    if ('closeAllConnections' in server) server.closeAllConnections()
  })
}
