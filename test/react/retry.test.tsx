import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { createUserClient } from '../../src/client/index.js'
import { retryTransient, UserkitProvider, useUser } from '../../src/react/index.js'
import { UserkitError } from '../../src/model/index.js'
import { BASE, createReactHarness } from './harness.js'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function Who({ uid }: { uid: string }) {
  const { data, error } = useUser(uid)
  return <p>{error ? error.code : (data?.name ?? 'loading')}</p>
}

it('shows a missing user at once with the provider’s own QueryClient: a 404 is not retried', { timeout: 15_000 }, async () => {
  const h = createReactHarness()
  const paths: string[] = []
  const client = createUserClient({ baseUrl: BASE, fetch: (request) => (paths.push(new URL(request.url).pathname), h.handler(request)) })
  await h.seed('ada')
  await h.loginAs('ada')
  client.setAuthToken(h.store.getState().authToken ?? undefined)
  render(
    <UserkitProvider client={client}>
      <Who uid="nobody" />
    </UserkitProvider>,
  )
  // Long enough for three retries (1 + 2 + 4 s): what fails without the fix is the count below.
  expect(await screen.findByText('ERR_UID_NOT_FOUND', {}, { timeout: 10_000 })).toBeTruthy()
  expect(paths.filter((path) => path.includes('users'))).toHaveLength(1)
})

it('retries only what may pass on another try, once', () => {
  const error = (status: number) => new UserkitError(status === 0 ? 'ERR_NETWORK' : 'ERR_BAD_REQUEST', 'failed', { status })
  expect([0, 429, 500, 503].map((status) => retryTransient(0, error(status)))).toEqual([true, true, true, true])
  expect([400, 401, 403, 404, 412].map((status) => retryTransient(0, error(status)))).toEqual([false, false, false, false, false])
  expect(retryTransient(1, error(503))).toBe(false)
  expect(retryTransient(0, new Error('thrown by a queryFn of the app'))).toBe(true)
  expect(retryTransient(1, new Error('thrown by a queryFn of the app'))).toBe(false)
})

it('shows a failing server’s error within 3 seconds, after one quick retry, with the provider’s own QueryClient', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  const h = createReactHarness()
  let requests = 0
  const down = new Response(JSON.stringify({ error: { code: 'ERR_SERVICE_UNAVAILABLE', message: 'The database is away.' } }), {
    status: 503,
    headers: { 'content-type': 'application/json' },
  })
  const client = createUserClient({ baseUrl: BASE, authToken: 'any', fetch: async () => (requests++, down.clone()) })
  void h
  render(
    <UserkitProvider client={client}>
      <Who uid="ada" />
    </UserkitProvider>,
  )
  await vi.advanceTimersByTimeAsync(3000)
  expect(screen.getByText('ERR_SERVICE_UNAVAILABLE')).toBeTruthy()
  expect(requests).toBe(2)
})
