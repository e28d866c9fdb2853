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
})
