import { afterEach, expect, it } from 'vitest'
import { UserkitError } from '../../src/model/index.js'
import { serve, type RunningServer } from '../../src/server/index.js'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

// An app's own route that calls the client (the README's /session) must never answer an empty 500.
it('answers a UserkitError thrown by the handler with its JSON error and status', async () => {
  server = await serve({
    port: 0,
    handler: async () => {
      throw new UserkitError('ERR_UID_NOT_FOUND', 'The user nobody does not exist.')
    },
  })
  const response = await fetch(`${server.url}/session`, { method: 'POST' })
  expect(response.status).toBe(404)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(await response.json()).toEqual({ error: { code: 'ERR_UID_NOT_FOUND', message: 'The user nobody does not exist.' } })
})

it('answers anything else thrown with a JSON 500 ERR_INTERNAL, telling onError', async () => {
  const reported: unknown[] = []
  const thrown = new Error('SELECT secret FROM somewhere failed')
  server = await serve({
    port: 0,
    onError: (error) => reported.push(error),
    handler: async () => {
      throw thrown
    },
  })
  const response = await fetch(`${server.url}/anything`)
  expect(response.status).toBe(500)
  const text = await response.text()
  expect(JSON.parse(text)).toEqual({ error: { code: 'ERR_INTERNAL', message: expect.any(String) } })
  expect(text).not.toContain('secret')
  expect(reported).toEqual([thrown])
})
