import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { UsersTable, UsersTableBulkActions } from '../src/components/UsersTable/index.js'
import type { StoryBackend } from './support/storyBackend.js'

const meta = {
  title: 'Components/UsersTable',
  component: UsersTable,
  args: { onSelectionChange: fn(), onSortChange: fn() },
  parameters: { userkit: { loginAs: 'ada' } },
} satisfies Meta<typeof UsersTable>

export default meta
type Story = StoryObj<typeof meta>

// Generous waits: the whole suite shares two cores.
const patient = { timeout: 5_000 }

export const Default: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const grid = await canvas.findByRole('grid', { name: 'Users' }, patient)
    await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(1), patient)
    // Sorted by name on the server; the header says so, and a click turns it around.
    const header = within(grid).getByRole('columnheader', { name: 'User' })
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    await userEvent.click(within(header).getByRole('button', { name: 'User' }))
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'))
    await expect(args.onSortChange).toHaveBeenLastCalledWith({ by: 'name', order: 'desc' })
    // The whole page selected from the header checkbox.
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select every user on this page' }))
    await expect(canvas.getByText(/users selected$/)).toBeVisible()
  },
}

const backendOf = (loaded: Record<string, unknown>): StoryBackend => loaded.backend as StoryBackend
const withBulkActions = {
  renderBulkActions: (table: Parameters<typeof UsersTableBulkActions>[0]['table']) => <UsersTableBulkActions table={table} roles={['admin', 'moderator', 'default']} />,
}

export const BulkActions: Story = {
  name: 'Bulk actions: what could not change, said row by row',
  args: withBulkActions,
  play: async ({ canvas, userEvent, loaded }) => {
    const grid = await canvas.findByRole('grid', { name: 'Users' }, patient)
    await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(2), patient)
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select Ada Lovelace' }))
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select Alan Turing' }))
    const actions = canvas.getByRole('group', { name: 'With the selected users' })
    await userEvent.selectOptions(within(actions).getByLabelText('New role'), 'moderator')
    await userEvent.click(within(actions).getByRole('button', { name: 'Change role' }))
    // Nobody changes their own role: Ada's row stays selected, with why.
    await expect(await canvas.findByText('1 user changed; 1 user could not be.', {}, patient)).toBeVisible()
    await expect(canvas.getByText(/^ada: you may not change this user/)).toBeVisible()
    await expect((await backendOf(loaded).admin.getUser('alan')).role).toBe('moderator')
    await expect((await backendOf(loaded).admin.getUser('ada')).role).toBe('admin')
  },
}

export const LargeActionAsJob: Story = {
  name: 'A large action runs on the server as a job, with progress',
  args: { ...withBulkActions, defaultFilters: { tags: ['research'] } },
  parameters: { userkit: { loginAs: 'ada', bulkMaxUsers: 2, latencyMs: 40 } },
  play: async ({ canvas, userEvent, loaded }) => {
    const grid = await canvas.findByRole('grid', { name: 'Users' }, patient)
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(6), patient)
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select every user on this page' }))
    const actions = canvas.getByRole('group', { name: 'With the selected users' })
    await userEvent.type(within(actions).getByLabelText('Tag'), 'review')
    await userEvent.click(within(actions).getByRole('button', { name: 'Add tag' }))
    await expect(await canvas.findByRole('progressbar', {}, patient)).toHaveAttribute('max', '5')
    await expect(await canvas.findByText('5 users changed.', {}, patient)).toBeVisible()
    await expect(canvas.queryByRole('progressbar')).toBeNull()
    await expect((await backendOf(loaded).admin.getUser('edsger')).tags).toEqual(['research', 'review'])
    await expect(backendOf(loaded).sent.some((line) => line.startsWith('GET /v3.0/bulk_actions/'))).toBe(true)
  },
}

export const Compact: Story = {
  args: { defaultDensity: 'compact', columns: ['user', 'role', 'presence', 'tags'] },
  play: async ({ canvas }) => {
    const grid = await canvas.findByRole('grid', {}, patient)
    await expect(within(grid).getAllByRole('columnheader')).toHaveLength(5)
  },
}

export const KeyboardOnly: Story = {
  name: 'Keyboard only',
  play: async ({ canvas, userEvent }) => {
    const grid = await canvas.findByRole('grid', {}, patient)
    await waitFor(() => expect(within(grid).getAllByRole('row').length).toBeGreaterThan(2), patient)
    const first = grid.querySelector<HTMLElement>('[tabindex="0"]') as HTMLElement
    first.focus()
    await userEvent.keyboard('{ArrowDown}')
    await userEvent.keyboard(' ')
    await waitFor(() => expect(within(grid).getAllByRole('row')[1]).toHaveAttribute('aria-selected', 'true'))
    await userEvent.keyboard('{ArrowDown}{Shift>} {/Shift}')
    await waitFor(() => expect(within(grid).getAllByRole('row')[2]).toHaveAttribute('aria-selected', 'true'))
  },
}

export const SignedOut: Story = {
  name: 'Signed out',
  // '' is nobody: the meta signs Ada in.
  parameters: { userkit: { loginAs: '' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('Sign in to see users.', { selector: '[data-part="empty"]' }, patient)).toBeVisible()
  },
}

export const Dark: Story = {
  name: 'Dark, with filters in force',
  // The chips and the tags hint are checked for contrast (axe) in the dark theme too.
  args: { defaultFilters: { tags: ['engineering', 'research'], tagsMatch: 'all' } },
  parameters: { theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('grid', {}, patient)).toBeVisible()
    await expect(canvas.getByRole('list', { name: 'Active filters' })).toHaveTextContent('Tag: engineering×Tag: research×')
    await waitFor(() => expect(within(canvas.getByRole('grid')).getAllByRole('row')).toHaveLength(2), patient)
  },
}
