import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { BlockedUsersList } from '../../src/components/BlockedUsersList/index.js'
import { createReactHarness, type ReactHarness } from '../react/harness.js'

afterEach(cleanup)
// Real requests through the real handler: generous on a busy machine.

async function blockingThree(): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed({ uid: 'ada', name: 'Ada Lovelace' }, { uid: 'alan', name: 'Alan Turing' }, { uid: 'bob', name: 'Bob Kahn' }, { uid: 'cy', name: 'Cy Young' })
  await h.loginAs('ada')
  await h.client.blockUsers(['alan', 'bob', 'cy'])
  return h
}

/** ada has blocked 30 users, `u01`…`u30` ("User 01"…), listed in that order. */
async function blockingThirty(): Promise<ReactHarness> {
  const h = createReactHarness()
  const numbers = Array.from({ length: 30 }, (_, i) => String(i + 1).padStart(2, '0'))
  await h.seed({ uid: 'ada', name: 'Ada Lovelace' }, ...numbers.map((n) => ({ uid: `u${n}`, name: `User ${n}` })))
  await h.loginAs('ada')
  await h.client.blockUsers(numbers.map((n) => `u${n}`))
  return h
}

const userNames = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `User ${String(from + i).padStart(2, '0')}`)

// Each row as its Unblock button names it (the avatar's initials of "User 01" would blur the text).
const rows = (): string[] =>
  within(screen.getByRole('list', { name: 'Blocked users' }))
    .queryAllByRole('button', { name: /^Unblock / })
    .map((button) => button.getAttribute('aria-label')?.replace(/^Unblock /, '') ?? '')

const names = (): string[] =>
  within(screen.getByRole('list', { name: 'Blocked users' }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent?.replace(/Unblock$/, '').replace(/^[A-Z]{1,2}/, '') ?? '')

const blockedOnServer = async (h: ReactHarness): Promise<string[]> =>
  (await h.admin.getBlockedUsers({}, { blocker: 'ada' })).users.map((user) => user.uid)

describe('BlockedUsersList', () => {
  it('lists the blocked users; Unblock removes one at once, the server agrees, focus moves to the next row', async () => {
    const h = await blockingThree()
    const user = userEvent.setup()
    render(<BlockedUsersList />, { wrapper: h.wrapper })
    expect(screen.getByRole('status').textContent).toBe('Loading blocked users…')
    await screen.findByRole('list', { name: 'Blocked users' })
    expect(names()).toEqual(['Alan Turing', 'Bob Kahn', 'Cy Young'])

    h.gate.hold()
    await user.click(screen.getByRole('button', { name: 'Unblock Bob Kahn' }))
    await waitFor(() => expect(names()).toEqual(['Alan Turing', 'Cy Young']))
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Unblock Cy Young' }))
    h.gate.release()

    await waitFor(async () => expect(await blockedOnServer(h)).toEqual(['alan', 'cy']))
    await waitFor(() => expect(h.queryClient.isFetching()).toBe(0))
    expect(names()).toEqual(['Alan Turing', 'Cy Young'])
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('puts the user back and says so when the unblock fails', async () => {
    const h = await blockingThree()
    const user = userEvent.setup()
    render(<BlockedUsersList />, { wrapper: h.wrapper })
    await screen.findByRole('list', { name: 'Blocked users' })
    h.network.down = true

    await user.click(screen.getByRole('button', { name: 'Unblock Bob Kahn' }))

    expect((await screen.findByRole('alert')).textContent).toBe('Could not unblock Bob Kahn. Please try again.')
    expect(names()).toEqual(['Alan Turing', 'Bob Kahn', 'Cy Young'])
    h.network.down = false
    expect(await blockedOnServer(h)).toEqual(['alan', 'bob', 'cy'])
  })

  it('says when nobody is blocked, also once the last one is unblocked', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'ada', name: 'Ada Lovelace' }, { uid: 'alan', name: 'Alan Turing' })
    await h.loginAs('ada')
    render(<BlockedUsersList />, { wrapper: h.wrapper })
    expect(await screen.findByText("You haven't blocked anyone")).toBeTruthy()
    cleanup()

    await h.client.blockUsers(['alan'])
    h.queryClient.clear()
    render(<BlockedUsersList labels={{ empty: 'Nobody blocked' }} />, { wrapper: h.wrapper })
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Unblock Alan Turing' }))
    const empty = await screen.findByText('Nobody blocked')
    expect(document.activeElement).toBe(empty)
    await waitFor(async () => expect(await blockedOnServer(h)).toEqual([]))
  })

  it('shows an error with a retry that loads the list', async () => {
    const h = await blockingThree()
    h.network.down = true
    render(<BlockedUsersList />, { wrapper: h.wrapper })
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load the users you blocked.')
    h.network.down = false
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    await screen.findByRole('list', { name: 'Blocked users' })
    expect(names()).toEqual(['Alan Turing', 'Bob Kahn', 'Cy Young'])
  })

  it('shows a page at a time: "Show more" adds the next until there is none, focus goes on to the first new row', async () => {
    const h = await blockingThirty()
    const user = userEvent.setup()
    render(<BlockedUsersList query={{ perPage: 10 }} />, { wrapper: h.wrapper })
    await screen.findByRole('list', { name: 'Blocked users' })
    expect(rows()).toEqual(userNames(1, 10))

    await user.click(screen.getByRole('button', { name: 'Show more' }))
    await waitFor(() => expect(rows()).toEqual(userNames(1, 20)))
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show more' }))

    h.gate.hold()
    await user.click(screen.getByRole('button', { name: 'Show more' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Show more' }).getAttribute('aria-busy')).toBe('true'))
    expect(screen.getByRole('list', { name: 'Blocked users' }).getAttribute('aria-busy')).toBe('true')
    h.gate.release()
    await waitFor(() => expect(rows()).toEqual(userNames(1, 30)))
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Unblock User 21' }))
    const reads = h.sent.filter((request) => request.method === 'GET' && request.path.startsWith('/v3.0/blockedusers'))
    expect(reads.map((request) => request.path)).toEqual([
      '/v3.0/blockedusers?perPage=10&page=1',
      '/v3.0/blockedusers?perPage=10&page=2',
      '/v3.0/blockedusers?perPage=10&page=3',
    ])
  })

  it('unblocks a user from page 2 at once, and puts them back in place when the server refuses', async () => {
    const h = await blockingThirty()
    const user = userEvent.setup()
    render(<BlockedUsersList query={{ perPage: 10 }} />, { wrapper: h.wrapper })
    await user.click(await screen.findByRole('button', { name: 'Show more' }))
    await waitFor(() => expect(rows()).toEqual(userNames(1, 20)))
    await user.click(screen.getByRole('button', { name: 'Show more' }))
    await waitFor(() => expect(rows()).toEqual(userNames(1, 30)))
    // Deactivated meanwhile: the server refuses to unblock a user it no longer knows.
    await h.admin.deleteUser('u13')

    h.gate.hold()
    await user.click(screen.getByRole('button', { name: 'Unblock User 13' }))
    await waitFor(() => expect(rows()).toEqual([...userNames(1, 12), ...userNames(14, 30)]))
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Unblock User 14' }))
    // The refusal through, the refetch that follows it held: the screen as the rollback left it.
    h.gate.release()
    h.gate.hold()
    await waitFor(() => expect(rows()).toEqual(userNames(1, 30)))
    h.gate.release()

    expect((await screen.findByRole('alert')).textContent).toBe('Could not unblock User 13. Please try again.')
    await waitFor(() => expect(h.queryClient.isFetching()).toBe(0))
  })

  it('keeps the rows when a later page fails, says so, and retries', async () => {
    const h = await blockingThirty()
    const user = userEvent.setup()
    render(<BlockedUsersList query={{ perPage: 10 }} />, { wrapper: h.wrapper })
    await screen.findByRole('list', { name: 'Blocked users' })
    h.network.down = true

    await user.click(screen.getByRole('button', { name: 'Show more' }))

    expect((await screen.findByRole('alert')).textContent).toBe('Could not load more blocked users.')
    expect(rows()).toEqual(userNames(1, 10))
    h.network.down = false
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(rows()).toEqual(userNames(1, 20)))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('button', { name: 'Show more' })).toBeTruthy()
  })
})
