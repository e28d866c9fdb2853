import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { UserStore } from '../../../src/server/index.js'
import { bareRoutes } from './bareAnswer.js'
import type { BareServer } from './bareServer.js'

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    incoming.on('error', reject)
  })
}

/** The bare routes on `node:http` alone. */
export async function bareNodeServer(store: UserStore, apiKey: string): Promise<BareServer> {
  const routes = bareRoutes(store, apiKey)
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://bare')
    routes({
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      header: (name) => incoming.headers[name] as string | undefined,
      text: () => readBody(incoming),
    }).then(
      ({ status, body }) => outgoing.writeHead(status, { 'content-type': 'application/json' }).end(body),
      (error: unknown) => outgoing.writeHead(500).end(String(error)),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
