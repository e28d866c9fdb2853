import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UserMenu } from '../../src/components/UserMenu/index.js'
import { createReactHarness, type ReactHarness } from '../react/harness.js'

afterEach(cleanup)

async function loggedIn(): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed({ uid: 'ada', name: 'Ada Lovelace', role: 'admin' })
  await h.admin.updateUser('ada', { statusMessage: 'Computing' })
  await h.loginAs('ada')
  return h
}

const trigger = () => screen.getByRole('button', { name: /Account menu for Ada Lovelace/ })
const focused = () => document.activeElement?.textContent

/** Logged in as Ada, the menu rendered, and its status-message form open. */
async function openStatusForm() {
  const h = await loggedIn()
  const user = userEvent.setup()
  render(<UserMenu />, { wrapper: h.wrapper })
  await user.click(trigger())
  await user.click(screen.getByRole('menuitem', { name: 'Set status message' }))
  return { h, user, input: screen.getByLabelText('Status message') as HTMLInputElement }
}

describe('UserMenu', () => {
  it('opens from the keyboard, moves with arrows, Home and End, and gives focus back on Escape', async () => {
    const h = await loggedIn()
    const user = userEvent.setup()
    render(<UserMenu onEditProfile={() => {}} />, { wrapper: h.wrapper })
    expect(trigger().getAttribute('aria-haspopup')).toBe('menu')
    expect(trigger().getAttribute('aria-expanded')).toBe('false')
    await user.tab()
    await user.keyboard('{ArrowDown}')
    const menu = screen.getByRole('menu')
    expect(trigger().getAttribute('aria-expanded')).toBe('true')
    expect(trigger().getAttribute('aria-controls')).toBe(menu.id)
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Edit profile', 'Set status message', 'Log out'])
    expect(focused()).toBe('Edit profile')
    await user.keyboard('{ArrowDown}')
    expect(focused()).toBe('Set status message')
    await user.keyboard('{End}')
    expect(focused()).toBe('Log out')
    await user.keyboard('{ArrowDown}')
    expect(focused()).toBe('Edit profile')
    await user.keyboard('{ArrowUp}')
    expect(focused()).toBe('Log out')
    await user.keyboard('{Home}')
    expect(focused()).toBe('Edit profile')
    await user.keyboard('s')
    expect(focused()).toBe('Set status message')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(trigger())
    expect(trigger().getAttribute('aria-expanded')).toBe('false')

    await user.keyboard('{Enter}')
    expect(focused()).toBe('Edit profile')
    await user.keyboard('{Tab}')
    expect(screen.queryByRole('menu')).toBeNull()

    trigger().focus()
    await user.keyboard('{ArrowUp}')
    expect(focused()).toBe('Log out')
    await user.click(trigger())
    expect(screen.queryByRole('menu')).toBeNull()
    await user.click(trigger())
    expect(screen.getByRole('menu')).toBeTruthy()
    await user.click(document.body)
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('Edit profile and extra items call back after the menu closed and focus went back to the button', async () => {
    const h = await loggedIn()
    const user = userEvent.setup()
    const onEditProfile = vi.fn(() => expect(document.activeElement).toBe(trigger()))
    const onSelect = vi.fn()
    render(<UserMenu onEditProfile={onEditProfile} items={[{ id: 'billing', label: 'Billing', onSelect }]} />, { wrapper: h.wrapper })
    await user.click(trigger())
    await user.keyboard('{Enter}')
    expect(onEditProfile).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('menu')).toBeNull()
    await user.click(trigger())
    await user.click(screen.getByRole('menuitem', { name: 'Billing' }))
    expect(onSelect).toHaveBeenCalledTimes(1)
    expect(document.activeElement).toBe(trigger())
  })

  it('sets the status message: shown at once, held by the server, focus back on the button', async () => {
    const { h, user, input } = await openStatusForm()
    expect(document.activeElement).toBe(input)
    expect(input.value).toBe('Computing')
    await user.clear(input)
    await user.type(input, 'At lunch')
    h.gate.hold()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(h.store.getState().user?.statusMessage).toBe('At lunch'))
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeTruthy()
    h.gate.release()
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull())
    expect(document.activeElement).toBe(trigger())
    expect(screen.getByText('Status message saved')).toBeTruthy()
    expect((await h.admin.getUser('ada')).statusMessage).toBe('At lunch')
    expect(h.sent.some((sent) => sent.method === 'PUT' && sent.path === '/v3.0/me')).toBe(true)
  })

  it('a refused status message goes back everywhere, and the form keeps the draft and says why', async () => {
    const { h, user, input } = await openStatusForm()
    await user.clear(input)
    await user.type(input, 'Offline thoughts')
    h.network.down = true
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/not saved/)
    expect(input.value).toBe('Offline thoughts')
    expect(h.store.getState().user?.statusMessage).toBe('Computing')
    expect((await h.admin.getUser('ada')).statusMessage).toBe('Computing')
  })

  it('logs out: DELETE /me, the store is cleared, and the loggedOut slot shows', async () => {
    const h = await loggedIn()
    const user = userEvent.setup()
    render(<UserMenu loggedOut={<a href="/login">Log in</a>} />, { wrapper: h.wrapper })
    await user.click(trigger())
    await user.click(screen.getByRole('menuitem', { name: 'Log out' }))
    await waitFor(() => expect(h.store.getState().status).toBe('anonymous'))
    expect(h.store.getState().user).toBeNull()
    expect(h.sent.some((sent) => sent.method === 'DELETE' && sent.path === '/v3.0/me')).toBe(true)
    expect(screen.getByRole('link', { name: 'Log in' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /Account menu/ })).toBeNull()
  })

  it('renders nothing when nobody is logged in and no slot is given', () => {
    const h = createReactHarness()
    const { container } = render(<UserMenu />, { wrapper: h.wrapper })
    expect(container.innerHTML).toBe('')
  })

  it('renders on the server as logged out (the store hydrates on the client), then with labels from its prop', async () => {
    const h = await loggedIn()
    const html = renderToString(h.wrapper({ children: <UserMenu loggedOut={<a href="/login">Log in</a>} /> }))
    expect(html).toBe('<a href="/login">Log in</a>')
    render(<UserMenu labels={{ trigger: (name) => `Konto: ${name}` }} />, { wrapper: h.wrapper })
    expect(screen.getByRole('button', { name: 'Konto: Ada Lovelace' }).getAttribute('aria-expanded')).toBe('false')
  })
})
