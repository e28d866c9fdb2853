import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { UsersTable } from '../src/components/UsersTable/index.js'

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
  parameters: { theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('grid', {}, patient)).toBeVisible()
  },
}
