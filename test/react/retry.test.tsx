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

it('retries only what may pass on another try, three times', () => {
  const error = (status: number) => new UserkitError(status === 0 ? 'ERR_NETWORK' : 'ERR_BAD_REQUEST', 'failed', { status })
  expect([0, 429, 500, 503].map((status) => retryTransient(0, error(status)))).toEqual([true, true, true, true])
  expect([400, 401, 403, 404, 412].map((status) => retryTransient(0, error(status)))).toEqual([false, false, false, false, false])
  expect(retryTransient(3, error(503))).toBe(false)
  expect(retryTransient(1, new Error('thrown by a queryFn of the app'))).toBe(true)
})
