import type { Meta, StoryObj } from '@storybook/react-vite'
import * as v from 'valibot'
import { expect, waitFor, within } from 'storybook/test'
import { ProfileEditor } from '../src/components/ProfileEditor/index.js'
import type { StoryBackend } from './support/storyBackend.js'

const meta = {
  title: 'Components/ProfileEditor',
  component: ProfileEditor,
  parameters: { userkit: { loginAs: 'ada' } },
} satisfies Meta<typeof ProfileEditor>

export default meta
type Story = StoryObj<typeof meta>

const backendOf = (loaded: Record<string, unknown>): StoryBackend => loaded.backend as StoryBackend

export const Default: Story = {
  play: async ({ canvas, userEvent, loaded }) => {
    const name = await canvas.findByLabelText(/^Name/)
    await waitFor(() => expect(name).toHaveValue('Ada Lovelace'))
    await userEvent.clear(name)
    await userEvent.type(name, 'Ada King')
    await userEvent.type(canvas.getByLabelText('Tags'), 'poetry{Enter}')
    await expect(canvas.getByRole('button', { name: 'Remove tag poetry' })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Profile saved.'))
    const stored = await backendOf(loaded).admin.getUser('ada')
    await expect(stored.name).toBe('Ada King')
    await expect(stored.tags).toEqual(['engineering', 'founders', 'poetry'])
  },
}

export const ValidationErrors: Story = {
  parameters: { userkit: { loginAs: 'grace' } },
  play: async ({ canvas, userEvent }) => {
    const link = await canvas.findByLabelText('Profile link')
    await userEvent.type(link, 'not a link')
    await userEvent.tab()
    await expect(link).toHaveAttribute('aria-invalid', 'true')
    await expect(link).toHaveAccessibleDescription('Enter a web address starting with https://')
  },
}

export const ServerFieldError: Story = {
  name: 'Server field error',
  // The client's checks off, so the message beside the field is the server's own answer.
  args: { schema: v.any() },
  parameters: { userkit: { loginAs: 'grace' } },
  play: async ({ canvas, userEvent, loaded }) => {
    const link = await canvas.findByLabelText('Profile link')
    await userEvent.type(link, 'ftp://example.com/grace')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(link).toHaveAttribute('aria-invalid', 'true'))
    await expect(link).toHaveAccessibleDescription('Enter a web address starting with https://')
    await expect(link).toHaveValue('ftp://example.com/grace')
    await expect((await backendOf(loaded).admin.getUser('grace')).link).toBeUndefined()
  },
}

export const Conflict: Story = {
  name: 'Conflict (412)',
  parameters: { userkit: { loginAs: 'grace' } },
  play: async ({ canvas, userEvent, loaded }) => {
    const name = await canvas.findByLabelText(/^Name/)
    await waitFor(() => expect(name).toHaveValue('Grace Hopper'))
    await userEvent.clear(name)
    await userEvent.type(name, 'Amazing Grace')
    const status = canvas.getByLabelText('Status message')
    await userEvent.clear(status)
    await userEvent.type(status, 'Writing a compiler')
    // Meanwhile, someone else edits the same profile.
    await backendOf(loaded).admin.updateUser('grace', { name: 'Rear Admiral Hopper', statusMessage: 'At sea' })

    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    const panel = await canvas.findByRole('group', { name: /changed this profile/ })
    const nameChoice = within(panel).getByRole('group', { name: 'Name' })
    await userEvent.click(within(nameChoice).getByRole('radio', { name: /Rear Admiral Hopper/ }))
    await userEvent.click(within(panel).getByRole('button', { name: 'Use these choices' }))
    await expect(name).toHaveValue('Rear Admiral Hopper')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Profile saved.'))
    const stored = await backendOf(loaded).admin.getUser('grace')
    await expect(stored).toMatchObject({ name: 'Rear Admiral Hopper', statusMessage: 'Writing a compiler' })
  },
}

export const Loading: Story = {
  parameters: { userkit: { loginAs: 'ada', network: 'hang' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading…')
  },
}

export const LoadError: Story = {
  name: 'Load error',
  parameters: { userkit: { loginAs: 'ada', network: 'down' } },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('Could not load your profile.')
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeEnabled()
  },
}

export const SignedOut: Story = {
  name: 'Signed out',
  // Parameters merge deeply: an empty uid is how a story says "nobody".
  parameters: { userkit: { loginAs: '' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Log in to edit your profile.')).toBeVisible()
  },
}

export const LongNames: Story = {
  name: 'Long names',
  parameters: { userkit: { loginAs: 'hubert' } },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByLabelText(/^Name/)).toHaveValue('Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr.'))
  },
}

export const RightToLeft: Story = {
  name: 'Right to left',
  parameters: { userkit: { loginAs: 'maryam' }, dir: 'rtl' },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByLabelText(/^Name/)).toHaveValue('مريم ميرزاخاني'))
  },
}

export const Dark: Story = {
  parameters: { userkit: { loginAs: 'ada' }, theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('group', { name: 'Private metadata' })).toBeVisible()
  },
}
