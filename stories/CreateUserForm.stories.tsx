import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor } from 'storybook/test'
import { CreateUserForm } from '../src/components/CreateUserForm/index.js'
import type { StoryBackend } from './support/storyBackend.js'

const meta = {
  title: 'Components/CreateUserForm',
  component: CreateUserForm,
  args: { onCreated: fn() },
  // ada's role may manage users: her token can create them, no key in the browser.
  parameters: { userkit: { loginAs: 'ada' } },
} satisfies Meta<typeof CreateUserForm>

export default meta
type Story = StoryObj<typeof meta>

const backendOf = (loaded: Record<string, unknown>): StoryBackend => loaded.backend as StoryBackend

export const Default: Story = {
  play: async ({ canvas, userEvent, loaded, args }) => {
    const uid = canvas.getByLabelText('User ID')
    await userEvent.type(uid, 'hedy')
    await waitFor(() => expect(canvas.getByText('hedy is available')).toBeVisible())
    await userEvent.type(canvas.getByLabelText('Name'), 'Hedy Lamarr')
    await userEvent.type(canvas.getByLabelText(/^Avatar URL/), 'https://example.com/hedy.png')
    await userEvent.type(canvas.getByLabelText(/^Tags/), 'inventors{Enter}')
    await userEvent.click(canvas.getByRole('button', { name: 'Create user' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Created Hedy Lamarr (hedy)'))
    await expect(args.onCreated).toHaveBeenCalledWith(expect.objectContaining({ uid: 'hedy' }), undefined)
    await expect(uid).toHaveValue('')
    const stored = await backendOf(loaded).admin.getUser('hedy')
    await expect(stored).toMatchObject({ name: 'Hedy Lamarr', tags: ['inventors'], avatar: 'https://example.com/hedy.png' })
  },
}

export const UidTaken: Story = {
  name: 'Uid taken',
  play: async ({ canvas, userEvent }) => {
    const uid = canvas.getByLabelText('User ID')
    await userEvent.type(uid, 'grace')
    await waitFor(() => expect(canvas.getByText('grace is taken')).toBeVisible())
    await expect(uid).toHaveAttribute('aria-invalid', 'true')
  },
}

export const ValidationErrors: Story = {
  play: async ({ canvas, userEvent }) => {
    const uid = canvas.getByLabelText('User ID')
    await userEvent.type(uid, 'no spaces!')
    await expect(uid).toHaveAttribute('aria-invalid', 'true')
    await expect(canvas.getByText('Use only letters, digits, _ and -.')).toBeVisible()
    const avatar = canvas.getByLabelText(/^Avatar URL/)
    await userEvent.type(avatar, 'javascript:alert(1)')
    await userEvent.tab()
    await expect(avatar).toHaveAccessibleDescription('Enter a web address starting with https://')
    await userEvent.click(canvas.getByRole('button', { name: 'Create user' }))
    await expect(canvas.getByLabelText('Name')).toHaveAccessibleDescription('Enter a name.')
    // Focus moves to the first refused field on the next frame.
    await waitFor(() => expect(uid).toHaveFocus())
  },
}

export const ServerErrorKeepsDraft: Story = {
  name: 'Server error keeps the draft',
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('User ID'), 'offline-user')
    await userEvent.type(canvas.getByLabelText('Name'), 'Off Line')
    await waitFor(() => expect(canvas.getByText('offline-user is available')).toBeVisible())
    backendOf(loaded).setNetwork('down')
    await userEvent.click(canvas.getByRole('button', { name: 'Create user' }))
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/Could not reach the server/))
    await expect(canvas.getByLabelText('User ID')).toHaveValue('offline-user')
    await expect(canvas.getByLabelText('Name')).toHaveValue('Off Line')
  },
}

export const WithRoles: Story = {
  name: 'With roles',
  args: { roles: ['default', 'moderator', 'admin'] },
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.type(canvas.getByLabelText('User ID'), 'mod')
    await userEvent.type(canvas.getByLabelText('Name'), 'Mod Erator')
    await userEvent.selectOptions(canvas.getByLabelText('Role'), 'moderator')
    await userEvent.click(canvas.getByRole('button', { name: 'Add entry' }))
    await userEvent.type(canvas.getByLabelText('Key 1'), 'team')
    await userEvent.type(canvas.getByLabelText('Value 1'), 'Trust & Safety')
    await userEvent.click(canvas.getByRole('button', { name: 'Create user' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Created Mod Erator (mod)'))
    const stored = await backendOf(loaded).admin.getUser('mod')
    await expect(stored).toMatchObject({ role: 'moderator', metadata: { team: 'Trust & Safety' } })
  },
}

export const Filled: Story = {
  name: 'Filled, with preview',
  args: {
    roles: ['default', 'moderator', 'admin'],
    defaultValue: {
      uid: 'margaret-h',
      name: 'Margaret Hamilton',
      avatar: new URL('/avatars/margaret.svg', location.origin).href,
      link: 'https://example.com/margaret',
      tags: ['nasa', 'engineering'],
      metadata: [{ key: 'mission', value: 'Apollo' }],
    },
  },
}

export const Dark: Story = {
  args: { roles: ['default', 'admin'], defaultValue: { uid: 'Bad uid', name: 'Dark Mode', tags: ['night'] } },
  parameters: { theme: 'dark' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Create user' }))
    await expect(canvas.getByLabelText('User ID')).toHaveAttribute('aria-invalid', 'true')
  },
}

export const RightToLeft: Story = {
  args: { defaultValue: { uid: 'maryam2', name: 'مريم ميرزاخاني', tags: ['رياضيات'] } },
  parameters: { dir: 'rtl' },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByText('maryam2 is available')).toBeVisible())
  },
}
