import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import type { UserStore } from '../../../src/server/index.js'
import { bareRoutes } from './bareAnswer.js'
import type { BareServer } from './bareServer.js'

/** The bare routes on Hono and @hono/node-server, as Userkit serves: the framework's own cost. */
export async function bareHonoServer(store: UserStore, apiKey: string): Promise<BareServer> {
  const routes = bareRoutes(store, apiKey)
  const app = new Hono()
  app.all('*', async (c) => {
    const url = new URL(c.req.url)
    const { status, body } = await routes({
      method: c.req.method,
      path: url.pathname,
      query: url.searchParams,
      header: (name) => c.req.header(name),
      text: () => c.req.text(),
    })
    return c.body(body, status as 200, { 'content-type': 'application/json' })
  })
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise((done) => {
            ;(server as Server).closeAllConnections()
            server.close(() => done())
          }),
      }),
    )
  })
}
