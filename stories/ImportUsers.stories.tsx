import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor } from 'storybook/test'
import { ImportUsers } from '../src/components/ImportUsers/index.js'

const meta = {
  title: 'Components/ImportUsers',
  component: ImportUsers,
  args: { onImported: fn() },
  // Ada may manage users in the story backend.
  parameters: { userkit: { loginAs: 'ada' } },
} satisfies Meta<typeof ImportUsers>

export default meta
type Story = StoryObj<typeof meta>

const patient = { timeout: 5_000 }
const csv = 'uid,name\nnew-from-file,New From File\nnot a uid,Broken\n'

export const CheckThenImport: Story = {
  name: 'Check, then import (one bad row)',
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.upload(canvas.getByLabelText('CSV or JSON Lines file'), new File([csv], 'users.csv', { type: 'text/csv' }))
    // The file is read before Check can be pressed: wait for it, as a person would see it enabled.
    const check = canvas.getByRole('button', { name: 'Check the file' })
    await waitFor(() => expect(check).toBeEnabled(), patient)
    await userEvent.click(check)
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Would create 1'), patient)
    await expect(canvas.getByText(/^Line 3/)).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Import' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Created 1'), patient)
    await expect(args.onImported).toHaveBeenCalled()
  },
}

export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Import users' })).toBeVisible()
  },
}
