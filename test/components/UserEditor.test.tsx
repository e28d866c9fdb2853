import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { useState } from 'react'
import { useLeaveGuard } from '../../src/components/form/useLeaveGuard.js'
import { editorLabels } from '../../src/components/editor/editorLabels.js'
import { UserEditor } from '../../src/components/UserEditor/index.js'
import { usersQueryOptions } from '../../src/react/queryOptions.js'
import { createReactHarness, type ReactHarness } from '../react/harness.js'

afterEach(cleanup)

async function harness(viewer: string): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed({ uid: 'ada', name: 'Ada Lovelace', role: 'admin' }, { uid: 'grace', name: 'Grace Hopper', tags: ['navy'] }, { uid: 'alan', name: 'Alan Turing' })
  await h.loginAs(viewer)
  return h
}

async function open(h: ReactHarness, uid: string, props: Partial<Parameters<typeof UserEditor>[0]> = {}) {
  const user = userEvent.setup()
  render(<UserEditor uid={uid} roles={['admin', 'default']} {...props} />, { wrapper: h.wrapper })
  // Loaded: the form, or the read-only view of a user who may not be changed.
  await waitFor(() => expect(document.querySelector('[data-uk="user-editor"] form')).not.toBeNull())
  return user
}

/** A field of the read-only view, as text. */
const readOnlyValue = (field: string): string | undefined =>
  document.querySelector(`[data-part="read-only-field"][data-field="${field}"] dd`)?.textContent ?? undefined

describe('UserEditor', () => {
  it('lets an admin change another user’s role, sending only the role', async () => {
    const h = await harness('ada')
    const user = await open(h, 'grace')
    const role = screen.getByLabelText('Role')
    expect(role).toBeEnabled()
    expect(within(role).getAllByRole('option').map((option) => option.textContent)).toEqual(['default', 'admin'])
    await user.selectOptions(role, 'admin')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('User saved.'))
    const put = h.sent.filter((request) => request.method === 'PUT').at(-1)
    expect(put?.path).toMatch(/\/users\/grace$/)
    expect(put?.body).toEqual({ role: 'admin' })
    expect((await h.admin.getUser('grace')).role).toBe('admin')
  })

  it('offers Delete permanently only through the app’s onDelete, after a question naming the user, then says it is done', async () => {
    const h = await harness('ada')
    await open(h, 'grace')
    expect(screen.queryByRole('button', { name: 'Delete permanently' })).toBeNull()
    cleanup()

    const erased: string[] = []
    const deleted: string[] = []
    // The app's backend does the erasure with its key; here, the test's own backend client.
    const onDelete = async (uid: string) => {
      erased.push(uid)
      await h.admin.deleteUser(uid)
    }
    const user = await open(h, 'grace', { onDelete, onDeleted: (uid) => deleted.push(uid) })
    await user.click(screen.getByRole('button', { name: 'Delete permanently' }))
    const question = screen.getByRole('group', { name: /Delete Grace Hopper permanently\?.*cannot be undone/ })
    await user.click(within(question).getByRole('button', { name: 'Cancel' }))
    expect(erased).toEqual([])
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete permanently' })).toHaveFocus())

    await user.click(screen.getByRole('button', { name: 'Delete permanently' }))
    await user.click(within(screen.getByRole('group', { name: /Delete Grace Hopper permanently/ })).getByRole('button', { name: 'Delete permanently' }))
    await waitFor(() => expect(deleted).toEqual(['grace']))
    expect(erased).toEqual(['grace'])
    await expect(h.admin.getUser('grace')).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND' })
    const notice = await screen.findByRole('status')
    expect(notice).toHaveTextContent('Grace Hopper was deleted.')
    // Focus lands on what happened, never on <body>.
    await waitFor(() => expect(notice).toHaveFocus())
  })

  it('keeps the user and says why when the app’s onDelete fails', async () => {
    const h = await harness('ada')
    const user = await open(h, 'grace', {
      onDelete: async () => {
        throw new Error('The backend is down')
      },
    })
    await user.click(screen.getByRole('button', { name: 'Delete permanently' }))
    await user.click(within(screen.getByRole('group', { name: /Delete Grace Hopper permanently/ })).getByRole('button', { name: 'Delete permanently' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The backend is down')
    await expect(h.admin.getUser('grace')).resolves.toMatchObject({ uid: 'grace' })
  })

  it('asks before another user replaces an editor with unsaved changes (useLeaveGuard): no keeps the draft, yes moves on', async () => {
    const h = await harness('ada')
    function Console() {
      const guard = useLeaveGuard()
      const [selected, setSelected] = useState('grace')
      const select = async (uid: string): Promise<void> => {
        if (await guard.confirmLeave()) setSelected(uid)
      }
      return (
        <>
          <button type="button" onClick={() => void select('alan')}>
            Edit Alan
          </button>
          <UserEditor key={selected} uid={selected} roles={['admin', 'default']} leaveGuard={guard} />
        </>
      )
    }
    const user = userEvent.setup()
    render(<Console />, { wrapper: h.wrapper })
    const name = await screen.findByLabelText(/^Name/)
    await waitFor(() => expect(name).toHaveValue('Grace Hopper'))
    await user.clear(name)
    await user.type(name, 'Grace B. Hopper')

    await user.click(screen.getByRole('button', { name: 'Edit Alan' }))
    const question = await screen.findByText('Discard your unsaved changes?')
    const group = question.closest('[role="group"]') as HTMLElement
    await user.click(within(group).getByRole('button', { name: editorLabels.discardCancel }))
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Grace B. Hopper')
    expect(screen.getByRole('heading', { name: 'Edit Grace Hopper' })).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Edit Alan' }))
    await user.click(within((await screen.findByText('Discard your unsaved changes?')).closest('[role="group"]') as HTMLElement).getByRole('button', { name: editorLabels.discardConfirm }))
    expect(await screen.findByRole('heading', { name: 'Edit Alan Turing' })).toBeTruthy()
    expect((await h.admin.getUser('grace')).name).toBe('Grace Hopper')
  })

  it('says whom it edits: uid, when created and last changed, and presence', async () => {
    const h = await harness('ada')
    await open(h, 'grace')
    const meta = screen.getByText('User ID').closest('dl') as HTMLElement
    expect(within(meta).getByText('User ID').nextElementSibling?.textContent).toBe('grace')
    expect(within(meta).getByText('Created')).toBeTruthy()
    expect(within(meta).getByText('Last changed')).toBeTruthy()
    const stored = await h.admin.getUser('grace')
    expect(within(meta).getByText('Created').nextElementSibling?.textContent).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(stored.createdAt * 1000)),
    )
    expect(within(meta).getByText(/Offline|Online|Active/)).toBeTruthy()
  })

  it('offers the server’s roles by their names when the app names none', async () => {
    const h = createReactHarness({ server: { roles: { admin: { manageUsers: true, label: 'Administrator' }, default: { label: 'Member' }, guest: { label: 'Guest' } } } })
    await h.seed({ uid: 'ada', name: 'Ada Lovelace', role: 'admin' }, { uid: 'grace', name: 'Grace Hopper' })
    await h.loginAs('ada')
    render(<UserEditor uid="grace" />, { wrapper: h.wrapper })
    const role = await screen.findByLabelText('Role')
    await waitFor(() => expect(within(role).getAllByRole('option').map((option) => option.textContent)).toEqual(['Member', 'Administrator', 'Guest']))
    expect(within(role).getAllByRole('option').map((option) => (option as HTMLOptionElement).value)).toEqual(['default', 'admin', 'guest'])
  })

  it('deactivates and reactivates after asking', async () => {
    const h = await harness('ada')
    const user = await open(h, 'grace')
    await user.click(screen.getByRole('button', { name: 'Deactivate user' }))
    const question = screen.getByRole('group', { name: /Deactivate Grace Hopper\?/ })
    await user.click(within(question).getByRole('button', { name: 'Cancel' }))
    await expect(h.admin.getUser('grace')).resolves.toMatchObject({ uid: 'grace' })

    await user.click(screen.getByRole('button', { name: 'Deactivate user' }))
    await user.click(within(screen.getByRole('group', { name: /Deactivate Grace Hopper\?/ })).getByRole('button', { name: 'Deactivate user' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Grace Hopper was deactivated.'))
    await expect(h.admin.getUser('grace')).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND' })
    expect(await screen.findByText(/Grace Hopper is deactivated/)).toBeInTheDocument()
    // Every field of a deactivated user is plain text: nothing looks typeable.
    expect(screen.queryByRole('textbox')).toBeNull()
    expect(readOnlyValue('name')).toBe('Grace Hopper')

    await user.click(await screen.findByRole('button', { name: 'Reactivate user' }))
    await user.click(within(screen.getByRole('group', { name: /Reactivate Grace Hopper\?/ })).getByRole('button', { name: 'Reactivate user' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Grace Hopper was reactivated.'))
    await expect(h.admin.getUser('grace')).resolves.toMatchObject({ uid: 'grace' })
    await waitFor(() => expect(screen.getByLabelText(/^Name/)).not.toHaveAttribute('readonly'))
    expect(document.querySelector('[data-part="read-only"]')).toBeNull()
  })

  it('finds a user who is already deactivated, and offers to reactivate them', async () => {
    const h = await harness('ada')
    await h.admin.deactivateUser('alan')
    const user = await open(h, 'alan')
    expect(screen.getByText(/Alan Turing is deactivated/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Reactivate user' }))
    await user.click(within(screen.getByRole('group', { name: /Reactivate Alan Turing\?/ })).getByRole('button', { name: 'Reactivate user' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Alan Turing was reactivated.'))
  })

  it('disables the role when the admin edits themselves, and saves the rest', async () => {
    const h = await harness('ada')
    const user = await open(h, 'ada')
    const role = screen.getByLabelText('Role')
    expect(role).toBeDisabled()
    expect(role).toHaveAccessibleDescription('Nobody can change their own role.')
    expect(screen.queryByRole('button', { name: 'Deactivate user' })).toBeNull()
    await user.type(screen.getByLabelText('Status message'), 'Here')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('User saved.'))
    expect(await h.admin.getUser('ada')).toMatchObject({ role: 'admin', statusMessage: 'Here' })
  })

  it('is read-only when told so', async () => {
    const h = await harness('alan')
    await open(h, 'grace', { readOnly: true })
    expect(screen.getByText('You can see this user but not change them.')).toBeInTheDocument()
    expect(screen.queryByRole('textbox')).toBeNull()
    expect(screen.queryByRole('combobox')).toBeNull()
    expect(readOnlyValue('name')).toBe('Grace Hopper')
    expect(readOnlyValue('role')).toBe('default')
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Deactivate user' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Remove tag navy' })).toBeNull()
    expect(screen.getByText('navy')).toBeInTheDocument()
  })

  it('turns read-only, saying why, when the server answers 403', async () => {
    const h = await harness('alan')
    const user = await open(h, 'grace')
    const name = screen.getByLabelText(/^Name/)
    await user.type(name, ' Jr')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('You are not allowed to manage users'))
    expect(name).toHaveAttribute('readonly')
    expect(name).toHaveValue('Grace Hopper Jr')
    expect((await h.admin.getUser('grace')).name).toBe('Grace Hopper')
  })

  it('edits what the server holds now, not a copy cached before someone else changed the user', async () => {
    const h = await harness('ada')
    await h.queryClient.fetchQuery(usersQueryOptions(h.client, { uids: ['grace'] }))
    await h.admin.updateUser('grace', { statusMessage: 'Changed meanwhile' })
    const user = await open(h, 'grace')
    await waitFor(() => expect(screen.getByLabelText('Status message')).toHaveValue('Changed meanwhile'))
    const name = screen.getByLabelText(/^Name/)
    await user.clear(name)
    await user.type(name, 'Rear Admiral Hopper')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('User saved.'))
    expect(await h.admin.getUser('grace')).toMatchObject({ name: 'Rear Admiral Hopper', statusMessage: 'Changed meanwhile' })
  })

  it('says so when there is no such user', async () => {
    const h = await harness('ada')
    render(<UserEditor uid="nobody" />, { wrapper: h.wrapper })
    expect(await screen.findByText('There is no such user.')).toBeInTheDocument()
  })
})
