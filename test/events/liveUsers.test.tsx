// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, expect, it, onTestFinished, vi } from 'vitest'
import { UserCard } from '../../src/components/UserCard/index.js'
import { UserList } from '../../src/components/UserList/index.js'
import type { UserEvent } from '../../src/client/readUserEvents.js'
import { useUserEvents } from '../../src/react/index.js'
import { createLiveHarness, type LiveHarness } from './liveHarness.js'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const people = [
  { uid: 'ada', name: 'Ada Lovelace' },
  { uid: 'bob', name: 'Bob Kahn' },
]

async function started(h: LiveHarness): Promise<void> {
  await h.seed(...people)
  await h.loginAs('ada')
}

/** The stream is subscribed once the handler answered its request. */
const streamOpen = (h: LiveHarness, count = 1): Promise<void> =>
  waitFor(() => expect(h.sent.filter((s) => s.path === '/v3.0/events' && s.answered)).toHaveLength(count))

const listRequests = (h: LiveHarness): Sent[] => h.sent.filter((s) => s.method === 'GET' && s.path.startsWith('/v3.0/users'))
type Sent = LiveHarness['sent'][number]

const presence = (container: HTMLElement): string | null | undefined =>
  container.querySelector('[data-uk="presence-badge"]')?.getAttribute('data-state')

it('shows a name changed through another instance in a loaded list, with no request', async () => {
  const h = createLiveHarness()
  await started(h)
  render(<UserList />, { wrapper: h.wrapper })
  expect(await screen.findByText('Bob Kahn')).toBeInTheDocument()
  await streamOpen(h)
  const before = listRequests(h).length
  await h.elsewhere.updateUser('bob', { name: 'Robert Kahn' })
  expect(await screen.findByText('Robert Kahn')).toBeInTheDocument()
  expect(screen.queryByText('Bob Kahn')).not.toBeInTheDocument()
  expect(listRequests(h)).toHaveLength(before)
})

it('flips presence online and offline on login and logout, and offline after a silent timeout', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  const h = createLiveHarness({ presence: { timeoutSeconds: 60 }, events: { sweepSeconds: 1 } })
  await started(h)
  const { container } = render(<UserCard uid="bob" />, { wrapper: h.wrapper })
  await screen.findByText('Bob Kahn')
  await streamOpen(h)
  expect(presence(container)).toBe('offline')
  const bob = await h.loginElsewhere('bob')
  await waitFor(() => expect(presence(container)).toBe('online'))
  await bob.logout()
  await waitFor(() => expect(presence(container)).toBe('offline'))
  await h.loginElsewhere('bob')
  await waitFor(() => expect(presence(container)).toBe('online'))
  const requests = h.sent.length
  h.advance(61)
  await act(() => vi.advanceTimersByTimeAsync(1000))
  await waitFor(() => expect(presence(container)).toBe('offline'))
  expect(h.sent.slice(requests).filter((s) => s.path.startsWith('/v3.0/users'))).toEqual([])
})

it('resumes a dropped stream after its last event and misses nothing', async () => {
  const h = createLiveHarness()
  await started(h)
  render(<UserList />, { wrapper: h.wrapper })
  await screen.findByText('Bob Kahn')
  await streamOpen(h)
  await h.elsewhere.updateUser('bob', { name: 'Bob 1' })
  await screen.findByText('Bob 1')
  const before = listRequests(h).length
  h.cutStreams()
  await h.elsewhere.updateUser('bob', { name: 'Bob 2' })
  await h.elsewhere.updateUser('ada', { name: 'Ada 2' })
  expect(await screen.findByText('Bob 2')).toBeInTheDocument()
  expect(await screen.findByText('Ada 2')).toBeInTheDocument()
  const reopened = h.sent.filter((s) => s.path === '/v3.0/events')
  expect(reopened).toHaveLength(2)
  expect(reopened[1]?.lastEventId).toMatch(/-\d+$/)
  expect(listRequests(h)).toHaveLength(before)
})

it("hands events to useUserEvents without another user's @private metadata", async () => {
  const h = createLiveHarness()
  await started(h)
  const seen: UserEvent[] = []
  function Listener(): null {
    useUserEvents((event) => seen.push(event))
    return null
  }
  render(
    <>
      <Listener />
      <UserList />
    </>,
    { wrapper: h.wrapper },
  )
  await screen.findByText('Bob Kahn')
  await streamOpen(h)
  await h.elsewhere.updateUser('bob', { name: 'Bob K', metadata: { team: 'net', '@private': { phone: '555-0100' } } })
  await screen.findByText('Bob K')
  expect(seen.map((event) => [event.type, event.uid])).toEqual([['user.updated', 'bob']])
  expect(seen[0]?.user?.metadata).toEqual({ team: 'net' })
  expect(JSON.stringify(h.queryClient.getQueryCache().getAll().map((query) => query.state.data))).not.toContain('555-0100')
})

it('reloads what is shown when it was away longer than the server remembers', async () => {
  const h = createLiveHarness({ events: { retain: 1 } })
  await started(h)
  render(<UserList />, { wrapper: h.wrapper })
  await screen.findByText('Bob Kahn')
  await streamOpen(h)
  const before = listRequests(h).length
  h.cutStreams()
  await h.elsewhere.updateUser('bob', { name: 'Bob 2' })
  await h.elsewhere.updateUser('ada', { name: 'Ada 2' })
  await h.elsewhere.updateUser('bob', { name: 'Bob 3' })
  expect(await screen.findByText('Bob 3')).toBeInTheDocument()
  expect(await screen.findByText('Ada 2')).toBeInTheDocument()
  // The resumed stream said reset: the shown list was fetched again, once.
  expect(listRequests(h).length).toBe(before + 1)
})

it('sends a presence heartbeat while the page is visible, and none while it is hidden', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  const h = createLiveHarness()
  await started(h)
  render(<UserList />, { wrapper: h.wrapper })
  await screen.findByText('Bob Kahn')
  await streamOpen(h)
  const heartbeats = (): number => h.sent.filter((s) => s.method === 'POST' && s.path === '/v3.0/user_sessions').length
  await act(() => vi.advanceTimersByTimeAsync(30_000))
  await waitFor(() => expect(heartbeats()).toBe(1))
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
  onTestFinished(() => void Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true }))
  await act(() => vi.advanceTimersByTimeAsync(60_000))
  expect(heartbeats()).toBe(1)
})
