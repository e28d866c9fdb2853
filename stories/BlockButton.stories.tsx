import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { BlockButton } from '../src/components/BlockButton/index.js'
import type { StoryBackend } from './support/storyBackend.js'

const meta = {
  title: 'Components/BlockButton',
  component: BlockButton,
  args: { uid: 'grace', onBlockedChange: fn() },
  parameters: { userkit: { loginAs: 'ada' } },
} satisfies Meta<typeof BlockButton>

export default meta
type Story = StoryObj<typeof meta>

const backendOf = (loaded: Record<string, unknown>): StoryBackend => loaded.backend as StoryBackend
const blockedOnServer = async (loaded: Record<string, unknown>): Promise<string[]> =>
  (await backendOf(loaded).admin.getBlockedUsers({}, { blocker: 'ada' })).users.map((user) => user.uid)

export const Default: Story = {
  name: 'Asks before blocking',
  play: async ({ canvas, userEvent, loaded, args }) => {
    const button = await canvas.findByRole('button', { name: 'Block Grace Hopper' })
    await expect(button).toHaveTextContent('Block')
    await userEvent.click(button)
    await userEvent.click(within(canvas.getByRole('group', { name: 'Block Grace Hopper?' })).getByRole('button', { name: 'Yes, block' }))
    await expect(canvas.getByRole('button', { name: 'Unblock Grace Hopper' })).toHaveTextContent('Unblock')
    await expect(canvas.getByText('Blocked')).toBeVisible()
    await waitFor(async () => expect(await blockedOnServer(loaded)).toEqual(['grace']))
    await waitFor(() => expect(args.onBlockedChange).toHaveBeenCalledWith(true))
  },
}

export const Blocked: Story = {
  name: 'Blocked: press to unblock',
  beforeEach: async ({ loaded }) => {
    await backendOf(loaded).admin.blockUsers(['grace'], { blocker: 'ada' })
  },
  play: async ({ canvas, userEvent, loaded }) => {
    const button = await canvas.findByRole('button', { name: 'Unblock Grace Hopper' })
    await expect(canvas.getByText('Blocked')).toBeVisible()
    // Unblocking never asks.
    await userEvent.click(button)
    await expect(canvas.getByRole('button', { name: 'Block Grace Hopper' })).toHaveTextContent('Block')
    await expect(canvas.queryByText('Blocked')).toBeNull()
    await waitFor(async () => expect(await blockedOnServer(loaded)).toEqual([]))
  },
}

export const WithConfirm: Story = {
  name: 'Asking: cancel gives focus back',
  play: async ({ canvas, userEvent, loaded }) => {
    const button = await canvas.findByRole('button', { name: 'Block Grace Hopper' })
    await userEvent.click(button)
    const question = canvas.getByRole('group', { name: 'Block Grace Hopper?' })
    const yes = within(question).getByRole('button', { name: 'Yes, block' })
    await expect(yes).toHaveFocus()
    await userEvent.click(within(question).getByRole('button', { name: 'Cancel' }))
    await expect(button).toHaveFocus()
    await expect(button).toHaveAccessibleName('Block Grace Hopper')
    await expect(await blockedOnServer(loaded)).toEqual([])
  },
}

export const WithoutConfirm: Story = {
  name: 'Without asking (confirm={false})',
  args: { confirm: false },
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Block Grace Hopper' }))
    await expect(canvas.getByRole('button', { name: 'Unblock Grace Hopper' })).toBeVisible()
    await waitFor(async () => expect(await blockedOnServer(loaded)).toEqual(['grace']))
  },
}

export const FailureRollsBack: Story = {
  name: 'Failure: rolled back, with a message',
  args: { confirm: false },
  play: async ({ canvas, userEvent, loaded }) => {
    const button = await canvas.findByRole('button', { name: 'Block Grace Hopper' })
    backendOf(loaded).setNetwork('down')
    await userEvent.click(button)
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not block Grace Hopper. Please try again.')
    await expect(button).toHaveAccessibleName('Block Grace Hopper')
    backendOf(loaded).setNetwork('up')
    await expect(await blockedOnServer(loaded)).toEqual([])
  },
}

export const Yourself: Story = {
  name: 'Yourself: disabled',
  args: { uid: 'ada', user: { uid: 'ada', name: 'Ada Lovelace' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Block Ada Lovelace' })).toBeDisabled()
  },
}

export const RightToLeft: Story = {
  args: { uid: 'maryam' },
  parameters: { dir: 'rtl' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('button', { name: 'Block مريم ميرزاخاني' }))
    await expect(canvas.getByRole('group')).toBeVisible()
  },
}

export const Dark: Story = {
  parameters: { theme: 'dark' },
  beforeEach: async ({ loaded }) => {
    await backendOf(loaded).admin.blockUsers(['grace'], { blocker: 'ada' })
  },
  render: (args) => (
    <div style={{ display: 'flex', gap: '1rem' }}>
      <BlockButton {...args} />
      <BlockButton {...args} uid="alan" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Unblock Grace Hopper' })).toBeVisible()
    await expect(await canvas.findByRole('button', { name: 'Block Alan Turing' })).toBeVisible()
  },
}
