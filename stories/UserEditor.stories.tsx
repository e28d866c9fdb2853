import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { UserEditor } from '../src/components/UserEditor/index.js'
import type { StoryBackend } from './support/storyBackend.js'

const meta = {
  title: 'Components/UserEditor',
  component: UserEditor,
  args: { uid: 'grace', roles: ['admin', 'moderator', 'default'] },
  parameters: { userkit: { loginAs: 'ada' } },
} satisfies Meta<typeof UserEditor>

export default meta
type Story = StoryObj<typeof meta>

const backendOf = (loaded: Record<string, unknown>): StoryBackend => loaded.backend as StoryBackend

export const AdminEditsRole: Story = {
  name: 'Admin edits a role',
  play: async ({ canvas, userEvent, loaded }) => {
    const role = await canvas.findByLabelText('Role')
    await waitFor(() => expect(role).toHaveValue('default'))
    await userEvent.selectOptions(role, 'moderator')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('User saved.'))
    await expect((await backendOf(loaded).admin.getUser('grace')).role).toBe('moderator')
  },
}

export const DeactivateAndReactivate: Story = {
  name: 'Deactivate and reactivate',
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Deactivate user' }))
    const ask = canvas.getByRole('group', { name: /Deactivate Grace Hopper\?/ })
    await userEvent.click(within(ask).getByRole('button', { name: 'Deactivate user' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Grace Hopper was deactivated.'))
    await expect(backendOf(loaded).admin.getUser('grace')).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND' })

    await userEvent.click(await canvas.findByRole('button', { name: 'Reactivate user' }))
    const again = canvas.getByRole('group', { name: /Reactivate Grace Hopper\?/ })
    await userEvent.click(within(again).getByRole('button', { name: 'Reactivate user' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Grace Hopper was reactivated.'))
    await expect(backendOf(loaded).admin.getUser('grace')).resolves.toMatchObject({ uid: 'grace' })
  },
}

export const ReadOnly: Story = {
  name: 'Read-only',
  args: { uid: 'alan', readOnly: true },
  parameters: { userkit: { loginAs: 'grace' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('You can see this user but not change them.')).toBeVisible()
    // Plain text: nothing that looks like an input.
    await expect(canvas.queryByRole('textbox')).toBeNull()
    await expect(canvas.getByText('Alan Turing', { selector: 'dd bdi' })).toBeVisible()
    await expect(canvas.queryByRole('button', { name: 'Save' })).toBeNull()
  },
}

export const Forbidden: Story = {
  name: 'Refused by the server (403)',
  args: { uid: 'alan' },
  parameters: { userkit: { loginAs: 'grace' } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(await canvas.findByLabelText('Status message'), ' again')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('You are not allowed to manage users'))
    await expect(canvas.getByLabelText(/^Name/)).toHaveAttribute('readonly')
  },
}

export const EditingSelf: Story = {
  name: 'Editing self (role disabled)',
  args: { uid: 'ada' },
  play: async ({ canvas }) => {
    const role = await canvas.findByLabelText('Role')
    await expect(role).toBeDisabled()
    await expect(role).toHaveAccessibleDescription('Nobody can change their own role.')
  },
}

export const Dark: Story = {
  args: { uid: 'katherine' },
  parameters: { theme: 'dark' },
}
