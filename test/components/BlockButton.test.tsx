import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { BlockButton, useBlockButton } from '../../src/components/BlockButton/index.js'
import { UserCard } from '../../src/components/UserCard/index.js'
import { createReactHarness, type ReactHarness } from '../react/harness.js'

afterEach(cleanup)
// Real requests through the real handler: generous on a busy machine.

async function loggedIn(): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed({ uid: 'ada', name: 'Ada Lovelace' }, { uid: 'grace', name: 'Grace Hopper' })
  await h.loginAs('ada')
  return h
}

const blockedOnServer = async (h: ReactHarness): Promise<string[]> =>
  (await h.admin.getBlockedUsers({}, { blocker: 'ada' })).users.map((user) => user.uid)

const toggle = (): HTMLElement => screen.getByRole('button', { name: /^(Un)?[Bb]lock Grace Hopper$/ })
/** What the button says it will do, and whether "Blocked" stands beside it. */
const shown = (): { button: string | null; label: string | null; blocked: boolean } => ({
  button: toggle().textContent,
  label: toggle().getAttribute('aria-label'),
  blocked: screen.queryByText('Blocked') !== null,
})
const notBlocked = { button: 'Block', label: 'Block Grace Hopper', blocked: false }
const isBlocked = { button: 'Unblock', label: 'Unblock Grace Hopper', blocked: true }

describe('BlockButton', () => {
  it('says what it will do ("Block", "Unblock") and what is ("Blocked"); with confirm off, blocks at once, the server then holds it', async () => {
    const h = await loggedIn()
    const user = userEvent.setup()
    render(<BlockButton uid="grace" confirm={false} />, { wrapper: h.wrapper })
    await waitFor(() => expect(shown()).toEqual(notBlocked))
    expect(toggle().hasAttribute('aria-pressed')).toBe(false)

    h.gate.hold()
    await user.click(toggle())
    // The server cannot answer while the gate holds: this is the optimistic state.
    await waitFor(() => expect(shown()).toEqual(isBlocked))
    h.gate.release()
    await waitFor(async () => expect(await blockedOnServer(h)).toEqual(['grace']))
    await waitFor(() => expect(toggle().getAttribute('aria-busy')).toBeNull())
    expect(shown()).toEqual(isBlocked)

    await user.click(toggle())
    expect(shown()).toEqual(notBlocked)
    await waitFor(async () => expect(await blockedOnServer(h)).toEqual([]))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('flips the user everywhere on screen at once: a card of the same user says so', async () => {
    const h = await loggedIn()
    render(<UserCard uid="grace" actions={<BlockButton uid="grace" confirm={false} />} />, { wrapper: h.wrapper })
    await screen.findByRole('article', { name: 'Grace Hopper' })
    h.gate.hold()
    await userEvent.setup().click(toggle())
    expect(await screen.findByText('You blocked this user')).toBeTruthy()
    h.gate.release()
  })

  it('rolls back and says so when the block fails', async () => {
    const h = await loggedIn()
    const user = userEvent.setup()
    render(<BlockButton uid="grace" confirm={false} />, { wrapper: h.wrapper })
    await waitFor(() => expect(shown()).toEqual(notBlocked))
    h.network.down = true

    await user.click(toggle())

    expect((await screen.findByRole('alert')).textContent).toBe('Could not block Grace Hopper. Please try again.')
    expect(shown()).toEqual(notBlocked)
    h.network.down = false
    expect(await blockedOnServer(h)).toEqual([])
    // Trying again clears the message.
    await user.click(toggle())
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    await waitFor(async () => expect(await blockedOnServer(h)).toEqual(['grace']))
  })

  it('rolls back an unblock that fails', async () => {
    const h = await loggedIn()
    await h.client.blockUsers(['grace'])
    const user = userEvent.setup()
    render(<BlockButton uid="grace" />, { wrapper: h.wrapper })
    await waitFor(() => expect(shown()).toEqual(isBlocked))
    h.network.down = true
    // Unblocking never asks.
    await user.click(toggle())
    expect((await screen.findByRole('alert')).textContent).toBe('Could not unblock Grace Hopper. Please try again.')
    expect(shown()).toEqual(isBlocked)
  })

  it('asks before blocking by default: cancel sends nothing and gives focus back; confirming blocks', async () => {
    const h = await loggedIn()
    const user = userEvent.setup()
    render(<BlockButton uid="grace" user={{ uid: 'grace', name: 'Grace Hopper', blockedByMe: false }} />, { wrapper: h.wrapper })
    const sentBefore = h.sent.length

    await user.click(toggle())
    const question = screen.getByRole('group', { name: 'Block Grace Hopper?' })
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Yes, block' }))
    await user.click(within(question).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('group')).toBeNull()
    expect(document.activeElement).toBe(toggle())
    expect(h.sent.length).toBe(sentBefore)

    await user.click(toggle())
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('group')).toBeNull()

    await user.click(toggle())
    await user.click(screen.getByRole('button', { name: 'Yes, block' }))
    expect(shown()).toEqual(isBlocked)
    await waitFor(async () => expect(await blockedOnServer(h)).toEqual(['grace']))
    // Given the user and nothing cached: no request for the user, and the state stays after the answer.
    expect(h.sent.filter((request) => request.path.startsWith('/v3.0/users'))).toEqual([])
    await waitFor(() => expect(toggle().getAttribute('aria-busy')).toBeNull())
    expect(shown()).toEqual(isBlocked)
  })

  it('is disabled for yourself and when nobody is logged in', async () => {
    const h = await loggedIn()
    render(<BlockButton uid="ada" user={{ uid: 'ada', name: 'Ada Lovelace' }} />, { wrapper: h.wrapper })
    expect((screen.getByRole('button', { name: 'Block Ada Lovelace' }) as HTMLButtonElement).disabled).toBe(true)
    cleanup()
    const anonymous = createReactHarness()
    render(<BlockButton uid="grace" user={{ uid: 'grace', name: 'Grace Hopper' }} />, { wrapper: anonymous.wrapper })
    expect((toggle() as HTMLButtonElement).disabled).toBe(true)
  })

  it('takes labels from its prop', async () => {
    const h = await loggedIn()
    render(<BlockButton uid="grace" user={{ uid: 'grace', name: 'Grace Hopper' }} labels={{ block: 'Sperren', blockUser: (name) => `${name} sperren` }} />, {
      wrapper: h.wrapper,
    })
    expect(screen.getByRole('button', { name: 'Grace Hopper sperren' }).textContent).toBe('Sperren')
  })

  it("leaves a click alone when the app's handler prevents the default (the headless hook)", async () => {
    const h = await loggedIn()
    function Custom() {
      const block = useBlockButton({ uid: 'grace', user: { uid: 'grace', name: 'Grace Hopper' } })
      return <button {...block.getButtonProps({ onClick: (event) => event.preventDefault() })} />
    }
    render(<Custom />, { wrapper: h.wrapper })
    const sentBefore = h.sent.length
    await userEvent.setup().click(toggle())
    expect(toggle().getAttribute('aria-label')).toBe('Block Grace Hopper')
    expect(screen.queryByRole('group')).toBeNull()
    expect(h.sent.length).toBe(sentBefore)
  })
})
