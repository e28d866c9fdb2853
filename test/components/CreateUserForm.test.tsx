import { QueryClient } from '@tanstack/react-query'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUserClient } from '../../src/client/index.js'
import { CreateUserForm } from '../../src/components/CreateUserForm/index.js'
import type { User } from '../../src/model/index.js'
import { UserkitProvider } from '../../src/react/index.js'
import { AUTH_KEY, BASE, createReactHarness, type ReactHarness } from '../react/harness.js'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

async function adminHarness(): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed({ uid: 'ada', name: 'Ada Lovelace', role: 'admin' }, { uid: 'grace', name: 'Grace Hopper' })
  await h.loginAs('ada')
  return h
}

const lookups = (h: ReactHarness) => h.sent.filter((sent) => sent.method === 'GET' && sent.path.includes('/users'))
const posts = (h: ReactHarness) => h.sent.filter((sent) => sent.method === 'POST' && /\/users$/.test(sent.path))
const uidInput = () => screen.getByLabelText('User ID') as HTMLInputElement
const submit = () => screen.getByRole('button', { name: 'Create user' })

describe('CreateUserForm', () => {
  it('checks availability once the typing settles: one request for the whole uid, then "available"', async () => {
    const h = await adminHarness()
    const user = userEvent.setup()
    render(<CreateUserForm />, { wrapper: h.wrapper })
    await user.type(uidInput(), 'newbie')
    expect(screen.getByText('Checking…')).toBeTruthy()
    await waitFor(() => expect(screen.getByText('newbie is available')).toBeTruthy())
    expect(lookups(h).map((sent) => sent.path)).toEqual(['/v3.0/users/newbie'])
    expect(uidInput().getAttribute('aria-invalid')).toBeNull()
  })

  it('debounces with fake timers too: nothing is asked until 300 ms after the last keystroke', async () => {
    const h = await adminHarness()
    vi.useFakeTimers()
    render(<CreateUserForm />, { wrapper: h.wrapper })
    const typed = 'brand-new'
    // fireEvent, not user-event: Testing Library's async wrapper waits on a setTimeout that fake timers hold.
    for (let length = 1; length <= typed.length; length++) {
      fireEvent.change(uidInput(), { target: { value: typed.slice(0, length) } })
      await act(() => vi.advanceTimersByTimeAsync(120))
    }
    await act(() => vi.advanceTimersByTimeAsync(150))
    expect(lookups(h)).toHaveLength(0)
    expect(screen.getByText('Checking…')).toBeTruthy()
    await act(() => vi.advanceTimersByTimeAsync(60))
    await vi.waitFor(() => expect(screen.getByText('brand-new is available')).toBeTruthy())
    expect(lookups(h).map((sent) => sent.path)).toEqual(['/v3.0/users/brand-new'])
  })

  it('says a uid is taken (any case), marks the field invalid and does not send a create for it', async () => {
    const h = await adminHarness()
    const user = userEvent.setup()
    render(<CreateUserForm />, { wrapper: h.wrapper })
    await user.type(uidInput(), 'Grace')
    await waitFor(() => expect(screen.getByText('grace is taken')).toBeTruthy())
    expect(uidInput().getAttribute('aria-invalid')).toBe('true')
    expect(uidInput().getAttribute('aria-describedby')).toContain(screen.getByText('grace is taken').id)
    await user.type(screen.getByLabelText('Name'), 'Another Grace')
    await user.click(submit())
    expect(posts(h)).toHaveLength(0)
    // Focus moves on the next frame (focusSoon).
    await waitFor(() => expect(document.activeElement).toBe(uidInput()))
  })

  it('shows the uid rules as the user types, and the other fields’ rules once visited or on submit', async () => {
    const h = await adminHarness()
    const user = userEvent.setup()
    render(<CreateUserForm />, { wrapper: h.wrapper })
    expect(screen.getByText(/letters, digits, _ or -/)).toBeTruthy()
    await user.type(uidInput(), 'no spaces')
    expect(screen.getByText('Use only letters, digits, _ and -.')).toBeTruthy()
    expect(uidInput().getAttribute('aria-invalid')).toBe('true')
    await user.type(screen.getByLabelText(/Avatar URL/), 'javascript:alert(1)')
    expect(screen.queryByText('Enter a web address starting with https://')).toBeNull()
    await user.tab()
    expect(screen.getByText('Enter a web address starting with https://')).toBeTruthy()
    await user.click(submit())
    expect(screen.getByText('Enter a name.')).toBeTruthy()
    // Focus moves on the next frame (focusSoon).
    await waitFor(() => expect(document.activeElement).toBe(uidInput()))
    expect(posts(h)).toHaveLength(0)
  })

  it('starts on the default role whatever order the roles come in', async () => {
    const h = await adminHarness()
    render(<CreateUserForm roles={['admin', 'moderator', 'default']} />, { wrapper: h.wrapper })
    expect(await screen.findByLabelText('Role')).toHaveValue('default')
  })

  it('as an admin (token): creates the user with tags, metadata and role, calls back without a token, resets', async () => {
    const h = await adminHarness()
    const user = userEvent.setup()
    const onCreated = vi.fn<(user: User, token: string | undefined) => void>()
    render(<CreateUserForm roles={['default', 'admin']} onCreated={onCreated} />, { wrapper: h.wrapper })
    await user.type(uidInput(), 'Hedy')
    await user.type(screen.getByLabelText('Name'), 'Hedy Lamarr')
    await user.type(screen.getByLabelText(/Avatar URL/), 'https://example.com/hedy.png')
    await user.selectOptions(screen.getByLabelText('Role'), 'admin')
    await user.type(screen.getByLabelText(/Tags/), 'inventors,film{Enter}')
    await user.click(screen.getByRole('button', { name: 'Add entry' }))
    await user.type(screen.getByLabelText('Key 1'), 'invention')
    await user.type(screen.getByLabelText('Value 1'), 'frequency hopping')
    await user.click(submit())
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1))
    const [created, token] = onCreated.mock.calls[0]!
    expect(created.uid).toBe('hedy')
    expect(token).toBeUndefined()
    expect(screen.getByRole('status').textContent).toBe('Created Hedy Lamarr (hedy)')
    expect(uidInput().value).toBe('')
    const stored = await h.admin.getUser('hedy')
    expect(stored).toMatchObject({ name: 'Hedy Lamarr', role: 'admin', tags: ['inventors', 'film'], metadata: { invention: 'frequency hopping' } })
    expect(stored.avatar).toBe('https://example.com/hedy.png')
  })

  it('with a key and withAuthToken: calls back with the user and a token that logs in as them', async () => {
    // The provider warns about a key in a browser: here the key plays a backend's.
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const h = createReactHarness()
    const keyClient = h.client.withCredentials({ apiKey: AUTH_KEY })
    const wrapper = ({ children }: { children: ReactNode }): ReactNode => (
      <UserkitProvider client={keyClient} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} store={h.store}>
        {children}
      </UserkitProvider>
    )
    const user = userEvent.setup()
    const onCreated = vi.fn<(user: User, token: string | undefined) => void>()
    render(<CreateUserForm withAuthToken checkAvailability={false} onCreated={onCreated} resetOnSuccess={false} />, { wrapper })
    await user.type(uidInput(), 'proto')
    await user.type(screen.getByLabelText('Name'), 'Proto Type')
    await user.click(submit())
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1))
    const [created, token] = onCreated.mock.calls[0]!
    expect(created.uid).toBe('proto')
    expect(created.authToken).toBeUndefined()
    expect(typeof token).toBe('string')
    const me = await createUserClient({ baseUrl: BASE, fetch: h.handler, authToken: token! }).getMe()
    expect(me.uid).toBe('proto')
    expect(uidInput().value).toBe('proto')
    expect(lookups(h)).toHaveLength(0)
  })

  it('keeps the draft when the server cannot be reached, says so in an alert, and succeeds on retry', async () => {
    const h = await adminHarness()
    const user = userEvent.setup()
    render(<CreateUserForm />, { wrapper: h.wrapper })
    await user.type(uidInput(), 'offline-user')
    await user.type(screen.getByLabelText('Name'), 'Off Line')
    h.network.down = true
    await user.click(submit())
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/Could not reach the server/)
    expect(uidInput().value).toBe('offline-user')
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Off Line')
    h.network.down = false
    await user.click(submit())
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Created Off Line (offline-user)'))
    expect(screen.queryByRole('alert')).toBeNull()
    expect((await h.admin.getUser('offline-user')).name).toBe('Off Line')
  })

  it('puts ERR_UID_ALREADY_EXISTS beside the uid and focuses it', async () => {
    const h = await adminHarness()
    const user = userEvent.setup()
    render(<CreateUserForm checkAvailability={false} />, { wrapper: h.wrapper })
    await user.type(uidInput(), 'grace')
    await user.type(screen.getByLabelText('Name'), 'Second Grace')
    await user.click(submit())
    await waitFor(() => expect(screen.getByText('A user with this ID already exists')).toBeTruthy())
    expect(uidInput().getAttribute('aria-invalid')).toBe('true')
    // Focus moves on the next frame (focusSoon).
    await waitFor(() => expect(document.activeElement).toBe(uidInput()))
    expect(screen.queryByRole('alert')).toBeNull()
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Second Grace')
    await user.type(uidInput(), '2')
    expect(screen.queryByText('A user with this ID already exists')).toBeNull()
  })

  it('flags a metadata key used twice beside its row, focuses it on submit, and removes tags by their chip button', async () => {
    const h = await adminHarness()
    const user = userEvent.setup()
    render(<CreateUserForm checkAvailability={false} />, { wrapper: h.wrapper })
    await user.type(uidInput(), 'twice')
    await user.type(screen.getByLabelText('Name'), 'Twice Keyed')
    await user.type(screen.getByLabelText(/Tags/), 'one,two,')
    await user.click(screen.getByRole('button', { name: 'Remove tag one' }))
    expect(screen.queryByRole('button', { name: 'Remove tag one' })).toBeNull()
    expect(document.activeElement).toBe(screen.getByLabelText(/Tags/))
    await user.click(screen.getByRole('button', { name: 'Add entry' }))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Key 1')))
    await user.type(screen.getByLabelText('Key 1'), 'team')
    await user.click(screen.getByRole('button', { name: 'Add entry' }))
    await user.type(screen.getByLabelText('Key 2'), 'team')
    await user.click(submit())
    expect(posts(h)).toHaveLength(0)
    const second = screen.getByLabelText('Key 2')
    expect(second.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(second.getAttribute('aria-describedby')!)?.textContent).toBe('The key team is used twice')
    await waitFor(() => expect(document.activeElement).toBe(second))
    await user.click(screen.getAllByRole('button', { name: 'Remove entry team' })[1]!)
    await user.click(submit())
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Created Twice Keyed (twice)'))
    expect(await h.admin.getUser('twice')).toMatchObject({ tags: ['two'], metadata: { team: '' } })
  })

  it('renders on the server, and takes labels from the provider and from its own prop', async () => {
    const h = await adminHarness()
    const html = renderToString(h.wrapper({ children: <CreateUserForm roles={['default']} /> }))
    expect(html).toContain('data-uk="create-user-form"')
    expect(html).toContain('User ID')
    render(<CreateUserForm labels={{ submit: 'Add person', uid: 'Handle' }} />, { wrapper: h.wrapper })
    expect(screen.getByRole('button', { name: 'Add person' })).toBeTruthy()
    expect(screen.getByLabelText('Handle')).toBeTruthy()
  })
})
