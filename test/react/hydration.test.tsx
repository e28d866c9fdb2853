import { QueryClient } from '@tanstack/react-query'
import { act, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import { createUserClient, type UserClient } from '../../src/client/index.js'
import { createCurrentUserStore, useCurrentUser, UserkitProvider, type CurrentUserStore } from '../../src/react/index.js'
import { BASE, createReactHarness } from './harness.js'
import { prefetchTeam } from './teamPage.js'

// The browser half of server rendering: markup made by renderToString (see ssr.test.tsx for the
// server half, in Node), then hydrated here. A mismatch would be a recoverable error or a warning.

let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  root = undefined
  document.body.innerHTML = ''
  localStorage.clear()
  vi.restoreAllMocks()
})

/** Puts `html` on the page as a server would send it, and hydrates it with `app`; resolves the mismatches. */
async function hydrate(html: string, app: ReactNode): Promise<unknown[]> {
  const mismatches: unknown[] = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void mismatches.push(args.join(' ')))
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  await act(async () => {
    root = hydrateRoot(container, app, { onRecoverableError: (error) => void mismatches.push(error) })
  })
  return mismatches
}

it('shows users prefetched and dehydrated on the server at once, with no mismatch and no request', async () => {
  const h = createReactHarness()
  await h.seed({ uid: 'ada', name: 'Ada', tags: ['team'] }, { uid: 'bob', name: 'Bob', tags: ['team'] })
  const { server, serverQueries, page } = await prefetchTeam(h)
  vi.spyOn(console, 'warn').mockImplementation(() => {}) // the server's client holds a key, and this is jsdom
  const html = renderToString(page(server, serverQueries))

  const browserQueries = new QueryClient()
  expect(await hydrate(html, page(h.client, browserQueries))).toEqual([])
  expect(screen.getByText('team: Ada, Bob; ada: Ada')).toBeTruthy()
  await act(async () => {})
  expect(browserQueries.isFetching()).toBe(0)
  expect(h.sent).toEqual([])
})

it('hydrates a persisted login without a mismatch: the server’s anonymous markup first, then the user once mounted', async () => {
  const h = createReactHarness()
  await h.seed({ uid: 'ada', name: 'Ada' })
  const { authToken } = await h.admin.createAuthToken('ada')
  const earlier = createCurrentUserStore({ persist: 'local' })
  earlier.getState().loginSucceeded(await h.admin.getUser('ada'), authToken)
  expect(localStorage.getItem('userkit:current-user')).toContain(authToken)

  const rendered: string[] = []
  function Greeting() {
    const name = useCurrentUser((state) => state.user?.name)
    const text = name ? `Hello ${name}` : 'Please log in'
    rendered.push(text)
    return <p>{text}</p>
  }
  const page = (client: UserClient, store: CurrentUserStore): ReactNode => (
    <UserkitProvider client={client} queryClient={new QueryClient()} store={store}>
      <Greeting />
    </UserkitProvider>
  )
  const html = renderToString(page(createUserClient({ baseUrl: BASE }), createCurrentUserStore({ persist: 'local' })))
  expect(html).toBe('<p>Please log in</p>')
  rendered.length = 0

  const store = createCurrentUserStore({ persist: 'local' })
  expect(await hydrate(html, page(h.client, store))).toEqual([])
  await waitFor(() => expect(screen.getByText('Hello Ada')).toBeTruthy())
  expect(rendered[0]).toBe('Please log in')
  expect(h.client.authToken).toBe(authToken)
})
