import { request as httpRequest, type IncomingMessage } from 'node:http'
import { afterEach, expect, it, vi } from 'vitest'
import { createUserClient } from '../../src/client/index.js'
import { createUserHandler, memoryStore, serve, type RunningServer } from '../../src/server/index.js'

let server: RunningServer | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await server?.close()
  server = undefined
})

// Over real HTTP: a reader that stops reading fills the socket, then the stream's own buffer.
it('drops a stalled reader over HTTP through onError, with nothing printed by the HTTP adapter', async () => {
  const printed = [vi.spyOn(console, 'error').mockImplementation(() => {}), vi.spyOn(console, 'info').mockImplementation(() => {})]
  const reported: unknown[] = []
  const handler = createUserHandler({
    store: memoryStore(),
    keys: [{ key: 'full', scope: 'fullAccess' }],
    events: { maxBufferedBytes: 64 * 1024 },
    onError: (error) => reported.push(error),
  })
  server = await serve({ handler, port: 0 })
  const admin = createUserClient({ baseUrl: server.url, apiKey: 'full' })
  await admin.createUser({ uid: 'ada', name: 'Ada' })

  const stalled = await new Promise<IncomingMessage>((resolve, reject) => {
    httpRequest(`${server!.url}/v3/events`, { headers: { apikey: 'full' } }, resolve).on('error', reject).end()
  })
  expect(stalled.statusCode).toBe(200)
  stalled.pause()
  const ended = new Promise<void>((resolve) => stalled.socket.once('close', () => resolve()))

  const metadata = { notes: 'n'.repeat(4000) }
  for (let i = 0; i < 4000 && reported.length === 0; i++) {
    await admin.updateUser('ada', { name: `Ada ${i}`, metadata: { ...metadata, i } })
  }
  expect(reported).toHaveLength(1)
  expect(String(reported[0])).toMatch(/dropped the event stream of a fullAccess key/)
  stalled.resume()
  await ended
  for (const spy of printed) expect(spy).not.toHaveBeenCalled()
}, 60_000)
