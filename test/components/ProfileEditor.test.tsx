import { act, cleanup, render, renderHook, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import * as v from 'valibot'
import { afterEach, describe, expect, it } from 'vitest'
import { ProfileEditor, useProfileEditor } from '../../src/components/ProfileEditor/index.js'
import { userEtag } from '../../src/model/index.js'
import { createReactHarness, type ReactHarness } from '../react/harness.js'

afterEach(cleanup)

async function loggedInAsAda(options: Parameters<typeof createReactHarness>[0] = {}): Promise<ReactHarness> {
  const h = createReactHarness(options)
  await h.admin.createUser({
    uid: 'ada',
    name: 'Ada Lovelace',
    tags: ['engineering'],
    statusMessage: 'Computing',
    link: 'https://example.com/ada',
    metadata: { team: 'Engine', '@private': { phone: '0123' } },
  })
  await h.loginAs('ada')
  return h
}

const puts = (h: ReactHarness) => h.sent.filter((request) => request.method === 'PUT' && request.path.endsWith('/me'))

async function renderEditor(h: ReactHarness, props: Parameters<typeof ProfileEditor>[0] = {}) {
  const user = userEvent.setup()
  render(<ProfileEditor {...props} />, { wrapper: h.wrapper })
  const name = await screen.findByLabelText(/^Name/)
  await waitFor(() => expect(name).toHaveValue('Ada Lovelace'))
  return { user, name }
}

describe('ProfileEditor', () => {
  it('sends only the changed fields, with If-Match, and resets to the saved user', async () => {
    const h = await loggedInAsAda()
    const { user, name } = await renderEditor(h)
    await user.clear(name)
    await user.type(name, 'Ada King')
    const tags = screen.getByLabelText('Tags')
    await user.type(tags, 'math{Enter}poetry,')
    await user.click(screen.getByRole('button', { name: 'Remove tag engineering' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Profile saved.'))
    const [put] = puts(h)
    expect(put?.body).toEqual({ name: 'Ada King', tags: ['math', 'poetry'] })
    expect(put?.ifMatch).toBeDefined()
    const stored = await h.admin.getUser('ada')
    expect(stored).toMatchObject({ name: 'Ada King', tags: ['math', 'poetry'], statusMessage: 'Computing' })
    expect(screen.getByRole('button', { name: 'Discard changes' })).toBeDisabled()
  })

  it('turns emptied optional fields into unset', async () => {
    const h = await loggedInAsAda()
    const { user } = await renderEditor(h)
    await user.clear(screen.getByLabelText('Status message'))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Profile saved.'))
    expect(puts(h)[0]?.body).toEqual({ unset: ['statusMessage'] })
    expect(await h.admin.getUser('ada')).not.toHaveProperty('statusMessage')
  })

  it('checks fields with the model schema once touched, and on submit without sending', async () => {
    const h = await loggedInAsAda()
    const { user } = await renderEditor(h)
    const link = screen.getByLabelText('Profile link')
    await user.clear(link)
    await user.type(link, 'javascript:alert(1)')
    expect(link).not.toHaveAttribute('aria-invalid')
    await user.tab()
    expect(link).toHaveAttribute('aria-invalid', 'true')
    expect(link).toHaveAccessibleDescription('Enter a web address starting with https://')

    await user.clear(screen.getByLabelText(/^Name/))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription('Enter a name.')
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need fixing.')
    expect(puts(h)).toHaveLength(0)
  })

  it('keeps the draft after a refused save and shows the server’s errors beside the fields', async () => {
    const h = await loggedInAsAda()
    // Checks off on the client, so what the user sees is the server's answer.
    const { user, name } = await renderEditor(h, { schema: v.any() })
    await user.clear(name)
    await user.type(name, 'Ada B')
    const link = screen.getByLabelText('Profile link')
    await user.clear(link)
    await user.type(link, 'ftp://example.com')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(link).toHaveAttribute('aria-invalid', 'true'))
    expect(link).toHaveAccessibleDescription('Enter a web address starting with https://')
    expect(link).toHaveValue('ftp://example.com')
    expect(name).toHaveValue('Ada B')
    expect((await h.admin.getUser('ada')).name).toBe('Ada Lovelace')
    // Editing the field clears the server's message.
    await user.clear(link)
    await user.type(link, 'https://example.com/b')
    expect(link).not.toHaveAttribute('aria-invalid')
  })

  it('says the server’s refusal in the labels’ words, by rule code, not in the server’s English', async () => {
    const h = await loggedInAsAda()
    const fieldError = (field: string, rule: string): string => `${field}:${rule} (en français)`
    const { user } = await renderEditor(h, { schema: v.any(), labels: { fieldError } })
    const link = screen.getByLabelText('Profile link')
    await user.clear(link)
    await user.type(link, 'ftp://example.com')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(link).toHaveAccessibleDescription('link:url (en français)'))
    expect(document.body.textContent).not.toContain('must be')
  })

  it('rolls back and keeps the draft when the network fails', async () => {
    const h = await loggedInAsAda()
    const { user, name } = await renderEditor(h)
    await user.clear(name)
    await user.type(name, 'Offline Ada')
    h.network.down = true
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Could not reach the server'))
    expect(name).toHaveValue('Offline Ada')
    expect(h.store.getState().user?.name).toBe('Ada Lovelace')
    h.network.down = false
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Profile saved.'))
    expect((await h.admin.getUser('ada')).name).toBe('Offline Ada')
  })

  it('resolves a 412 field by field and saves the mix against the server’s version', async () => {
    const h = await loggedInAsAda()
    const { user, name } = await renderEditor(h)
    await user.clear(name)
    await user.type(name, 'Mine')
    const status = screen.getByLabelText('Status message')
    await user.clear(status)
    await user.type(status, 'My status')
    const theirs = await h.admin.updateUser('ada', { name: 'Theirs', statusMessage: 'Their status', tags: ['server'] })

    await user.click(screen.getByRole('button', { name: 'Save' }))
    const panel = await screen.findByRole('group', { name: /changed this profile/ })
    const nameChoice = within(panel).getByRole('group', { name: 'Name' })
    expect(within(nameChoice).getByRole('radio', { name: /Yours\s*Mine/ })).toBeChecked()
    await user.click(within(nameChoice).getByRole('radio', { name: /On the server\s*Theirs/ }))
    const statusChoice = within(panel).getByRole('group', { name: 'Status message' })
    expect(within(statusChoice).getByRole('radio', { name: /Yours\s*My status/ })).toBeChecked()
    // Tags changed only on the server: no question asked.
    expect(within(panel).queryByRole('group', { name: 'Tags' })).toBeNull()
    await user.click(within(panel).getByRole('button', { name: 'Use these choices' }))

    expect(name).toHaveValue('Theirs')
    expect(status).toHaveValue('My status')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Profile saved.'))
    const last = puts(h).at(-1)
    expect(last?.ifMatch).toBe(userEtag(theirs))
    expect(last?.body).toEqual({ statusMessage: 'My status' })
    expect(await h.admin.getUser('ada')).toMatchObject({ name: 'Theirs', statusMessage: 'My status', tags: ['server'] })
  })

  it('asks before discarding, and guards unload while dirty', async () => {
    const h = await loggedInAsAda()
    const { user, name } = await renderEditor(h)
    const unload = (): boolean => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(unload()).toBe(false)
    await user.type(name, ' II')
    expect(unload()).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Discard changes' }))
    const question = screen.getByRole('group', { name: 'Discard your unsaved changes?' })
    await user.click(within(question).getByRole('button', { name: 'Keep editing' }))
    expect(name).toHaveValue('Ada Lovelace II')

    await user.click(screen.getByRole('button', { name: 'Discard changes' }))
    await user.click(screen.getByRole('button', { name: 'Discard' }))
    expect(name).toHaveValue('Ada Lovelace')
    expect(unload()).toBe(false)
  })

  it('confirmLeave() resolves at once when clean, and with the answer when dirty', async () => {
    const h = await loggedInAsAda()
    const { result } = renderHook(() => useProfileEditor(), { wrapper: h.wrapper })
    await waitFor(() => expect(result.current.state.load).toBe('ready'))
    await expect(result.current.actions.confirmLeave()).resolves.toBe(true)
    act(() => result.current.actions.setField('name', 'Changed'))
    expect(result.current.state.isDirty).toBe(true)
    let answer: Promise<boolean> | undefined
    act(() => {
      answer = result.current.actions.confirmLeave()
    })
    expect(result.current.state.confirming).toBe(true)
    act(() => result.current.actions.answer(false))
    await expect(answer).resolves.toBe(false)
    expect(result.current.state.isDirty).toBe(true)
    act(() => {
      answer = result.current.actions.confirmLeave()
    })
    act(() => result.current.actions.answer(true))
    await expect(answer).resolves.toBe(true)
    expect(result.current.state.isDirty).toBe(false)
  })

  it('keeps metadata["@private"] marked private and saves it', async () => {
    const h = await loggedInAsAda()
    const { user } = await renderEditor(h)
    const privatePart = screen.getByRole('group', { name: 'Private metadata' })
    expect(within(privatePart).getByRole('textbox', { name: 'Private key 1' })).toHaveValue('phone')
    expect(within(privatePart).getByText('Private')).toBeVisible()
    const shared = screen.getByRole('group', { name: 'Metadata' })
    expect(within(shared).getByRole('textbox', { name: 'Key 1' })).toHaveValue('team')

    await user.click(within(privatePart).getByRole('button', { name: 'Add a private field' }))
    await user.type(within(privatePart).getByRole('textbox', { name: 'Private key 2' }), 'pin')
    await user.type(within(privatePart).getByRole('textbox', { name: 'Private value of pin' }), '42')
    await user.click(within(shared).getByRole('button', { name: 'Remove “team”' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Profile saved.'))
    expect(puts(h)[0]?.body).toEqual({ metadata: { '@private': { phone: '0123', pin: '42' } } })
    expect((await h.admin.getUser('ada')).metadata).toEqual({ '@private': { phone: '0123', pin: '42' } })
  })

  it('flags a metadata key used twice', async () => {
    const h = await loggedInAsAda()
    const { user } = await renderEditor(h)
    const shared = screen.getByRole('group', { name: 'Metadata' })
    await user.click(within(shared).getByRole('button', { name: 'Add a field' }))
    await user.type(within(shared).getByRole('textbox', { name: 'Key 2' }), 'team')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(within(shared).getByRole('textbox', { name: 'Key 2' })).toHaveAccessibleDescription('The key “team” is used twice.')
    expect(puts(h)).toHaveLength(0)
  })

  it('shows the role by its name on the server, as text, without letting it be edited', async () => {
    const h = await loggedInAsAda({ server: { roles: { admin: { manageUsers: true }, default: { label: 'Member' } } } })
    const { user, name } = await renderEditor(h)
    // Plain text, not an input that would not take typing.
    expect(screen.queryByLabelText('Role')).toBeNull()
    const role = document.querySelector('[data-part="read-only-field"][data-field="role"]')
    expect(role?.querySelector('dt')?.textContent).toBe('Role')
    await waitFor(() => expect(role?.querySelector('dd')?.textContent).toBe('Member Only an admin can change your role.'))
    await user.type(name, '!')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Profile saved.'))
    expect(puts(h).every((put) => !('role' in (put.body as object)))).toBe(true)
  })

  it('previews the avatar as it is typed', async () => {
    const h = await loggedInAsAda()
    const { user } = await renderEditor(h)
    const preview = screen.getByRole('img', { name: 'Avatar preview for Ada Lovelace' })
    expect(preview.querySelector('img')).toBeNull()
    await user.type(screen.getByLabelText('Avatar URL'), 'https://example.com/a.png')
    expect(preview.querySelector('img')).toHaveAttribute('src', 'https://example.com/a.png')
  })

  it('asks to log in when nobody is', () => {
    const h = createReactHarness()
    render(<ProfileEditor />, { wrapper: h.wrapper })
    expect(screen.getByText('Log in to edit your profile.')).toBeVisible()
  })
})
