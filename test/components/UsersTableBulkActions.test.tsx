import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UsersTable, UsersTableBulkActions, type UsersTableProps } from '../../src/components/UsersTable/index.js'
import { createReactHarness, type ReactHarness } from '../react/harness.js'

afterEach(cleanup)

// An admin (role may manage users) and 12 others, a third of them tagged "three".
async function harness(): Promise<ReactHarness> {
  const h = createReactHarness({ server: { roles: { admin: { manageUsers: true }, moderator: {}, default: {} } } })
  await h.seed({ uid: 'admin', name: 'Admin', role: 'admin' })
  await h.seed(...Array.from({ length: 12 }, (_, index) => ({ uid: `user-${String(index).padStart(2, '0')}`, name: `User ${String(index).padStart(2, '0')}`, ...(index % 3 === 0 ? { tags: ['three'] } : {}) })))
  await h.loginAs('admin')
  return h
}

const bulkRequests = (h: ReactHarness) => h.sent.filter((sent) => sent.method === 'POST' && sent.path === '/v3.0/bulk_actions')
const grid = (): HTMLElement => screen.getByRole('grid', { name: 'Users' })
const rows = (): HTMLElement[] => within(grid()).getAllByRole('row').slice(1)

function renderTable(h: ReactHarness, props: UsersTableProps = {}, onDeleteUsers?: (target: unknown) => Promise<unknown>) {
  return render(
    <UsersTable
      searchDelayMs={0}
      perPage={2}
      renderBulkActions={(table) => <UsersTableBulkActions table={table} roles={['admin', 'moderator', 'default']} {...(onDeleteUsers ? { onDeleteUsers } : {})} />}
      {...props}
    />,
    { wrapper: h.wrapper },
  )
}

describe('UsersTable bulk actions', () => {
  it('changes the role of every user a filter matches in one request, aimed at the filter', async () => {
    const h = await harness()
    renderTable(h, { defaultFilters: { tags: ['three'] } })
    await waitFor(() => expect(rows()).toHaveLength(2))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select every user on this page' }))
    await userEvent.click(screen.getByRole('button', { name: 'Select all 4 matching users' }))
    const actions = screen.getByRole('group', { name: 'With the selected users' })
    await userEvent.selectOptions(within(actions).getByLabelText('New role'), 'moderator')
    await userEvent.click(within(actions).getByRole('button', { name: 'Change role' }))
    await waitFor(() => expect(screen.getByText('4 users changed.')).toBeInTheDocument())
    expect(bulkRequests(h)).toHaveLength(1)
    expect(bulkRequests(h)[0]?.body).toEqual({ action: 'setRole', role: 'moderator', target: { filter: { tags: ['three'] }, expectedCount: 4 } })
    for (const uid of ['user-00', 'user-03', 'user-06', 'user-09']) expect((await h.admin.getUser(uid)).role).toBe('moderator')
    expect((await h.admin.getUser('user-01')).role).toBe('default')
    // The table loads again: the rows show their new role.
    await waitFor(() => expect(rows()[0]?.querySelector('[data-column="role"]')?.textContent).toBe('moderator'))
  })

  /** Six users tagged "team" and a server that answers at most two at once: tagging them all is a job. */
  async function tagAllAsJob(): Promise<ReactHarness> {
    const h = createReactHarness({ server: { roles: { admin: { manageUsers: true }, moderator: {}, default: {} }, bulk: { maxUsers: 2 } } })
    await h.seed({ uid: 'admin', name: 'Admin', role: 'admin' })
    await h.seed(...Array.from({ length: 6 }, (_, index) => ({ uid: `user-${index}`, name: `User ${index}`, tags: ['team'] })))
    await h.loginAs('admin')
    renderTable(h, { defaultFilters: { tags: ['team'] } })
    await waitFor(() => expect(rows()).toHaveLength(2))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select every user on this page' }))
    await userEvent.click(screen.getByRole('button', { name: 'Select all 6 matching users' }))
    const actions = screen.getByRole('group', { name: 'With the selected users' })
    await userEvent.type(within(actions).getByLabelText('Tag'), 'vip')
    await userEvent.click(within(actions).getByRole('button', { name: 'Add tag' }))
    await waitFor(() => expect(bulkRequests(h)).toHaveLength(1))
    return h
  }
  const allTagged = async (h: ReactHarness): Promise<void> => {
    for (let index = 0; index < 6; index++) expect((await h.admin.getUser(`user-${index}`)).tags).toEqual(['team', 'vip'])
  }

  it('follows a large action the server runs as a job: a progress bar, then the outcome, the users all changed', async () => {
    const h = await tagAllAsJob()
    // The server took it as a job: hold its progress reads to see the bar as it stands.
    h.gate.hold()
    const bar = await screen.findByRole('progressbar', { name: '0 of 6 users done…' })
    expect(bar).toHaveAttribute('max', '6')
    h.gate.release()
    await waitFor(() => expect(screen.getByText('6 users changed.')).toBeInTheDocument())
    expect(screen.queryByRole('progressbar')).toBeNull()
    expect(bulkRequests(h)).toHaveLength(1)
    expect(h.sent.some((sent) => sent.method === 'GET' && sent.path.startsWith('/v3.0/bulk_actions/'))).toBe(true)
    await allTagged(h)
  })

  it('says a job stopped part way, not that nothing changed, when its progress can no longer be read', async () => {
    const h = await tagAllAsJob()
    // The job started; then the network goes away for good while its progress is followed.
    h.network.down = true
    expect(await screen.findByRole('alert', {}, { timeout: 8000 })).toHaveTextContent(/^The action stopped after \d of 6 users, or could no longer be followed: what it did stays done\./)
    h.network.down = false
    // It did run to its end on the server.
    await allTagged(h)
  }, 15_000)

  it('shows what could not be changed row by row, keeps those rows selected, and the rest done', async () => {
    const h = await harness()
    renderTable(h)
    await waitFor(() => expect(rows()).toHaveLength(2))
    // Admin (yourself) and User 00: nobody changes their own role.
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Admin' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select User 00' }))
    const actions = screen.getByRole('group', { name: 'With the selected users' })
    await userEvent.selectOptions(within(actions).getByLabelText('New role'), 'moderator')
    await userEvent.click(within(actions).getByRole('button', { name: 'Change role' }))
    await waitFor(() => expect(screen.getByText('1 user changed; 1 user could not be.')).toBeInTheDocument())
    expect(screen.getByText(/^admin: /)).toBeInTheDocument()
    expect((await h.admin.getUser('admin')).role).toBe('admin')
    expect((await h.admin.getUser('user-00')).role).toBe('moderator')
    expect(screen.getByText('1 user selected')).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Select Admin' })).toBeChecked()
  })

  it('deletes for good only through the app’s callback, after the word is typed', async () => {
    const h = await harness()
    const onDeleteUsers = vi.fn(async () => undefined)
    renderTable(h, {}, onDeleteUsers)
    await waitFor(() => expect(rows()).toHaveLength(2))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select User 00' }))
    await userEvent.click(screen.getByRole('button', { name: 'Delete permanently' }))
    const dialog = screen.getByRole('group', { name: 'Delete permanently' })
    expect(dialog).toHaveTextContent('Delete 1 user permanently? Their data is erased and this cannot be undone.')
    const confirm = within(dialog).getByRole('button', { name: 'Delete permanently' })
    expect(confirm).toBeDisabled()
    await userEvent.type(within(dialog).getByLabelText('Type DELETE to confirm'), 'DELETE')
    await userEvent.click(confirm)
    await waitFor(() => expect(onDeleteUsers).toHaveBeenCalledWith({ uids: ['user-00'] }))
    expect(bulkRequests(h)).toHaveLength(0)
    cleanup()
    // Without the callback there is no such button.
    renderTable(h)
    await waitFor(() => expect(rows()).toHaveLength(2))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select User 00' }))
    expect(screen.queryByRole('button', { name: 'Delete permanently' })).toBeNull()
  })
})
