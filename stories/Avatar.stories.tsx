import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { Avatar } from '../src/components/Avatar/index.js'
import { sampleAvatar } from './support/sampleUsers.js'

const meta = {
  title: 'Components/Avatar',
  component: Avatar,
  args: { user: { uid: 'ada', name: 'Ada Lovelace', avatar: sampleAvatar('ada'), status: 'online' }, size: 'lg' },
} satisfies Meta<typeof Avatar>

export default meta
type Story = StoryObj<typeof meta>

export const Picture: Story = {
  play: async ({ canvas }) => {
    const avatar = canvas.getByRole('img', { name: 'Ada Lovelace' })
    await waitFor(() => expect(avatar).toHaveAttribute('data-state', 'image'))
  },
}

export const Initials: Story = {
  args: { user: { uid: 'alan', name: 'Alan Turing' } },
  play: async ({ canvas }) => {
    const avatar = canvas.getByRole('img', { name: 'Alan Turing' })
    await expect(avatar).toHaveAttribute('data-state', 'fallback')
    await expect(avatar).toHaveTextContent('AT')
  },
}

export const BrokenPicture: Story = {
  args: { user: { uid: 'katherine', name: 'Katherine Johnson', avatar: new URL('/avatars/missing.png', location.origin).href } },
  play: async ({ canvas }) => {
    const avatar = canvas.getByRole('img', { name: 'Katherine Johnson' })
    await waitFor(() => expect(avatar).toHaveAttribute('data-state', 'fallback'))
    await expect(avatar).toHaveTextContent('KJ')
  },
}

export const UnsafeUrl: Story = {
  name: 'Not http(s): never loaded',
  args: { user: { uid: 'mallory', name: 'Mallory', avatar: 'javascript:alert(1)' } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull()
  },
}

export const WithPresence: Story = {
  args: { showPresence: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: 'Ada Lovelace (online)' })).toBeVisible()
  },
}

export const Sizes: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
      {(['sm', 'md', 'lg', 'xl'] as const).map((size) => (
        <Avatar key={size} {...args} size={size} />
      ))}
    </div>
  ),
}

export const RightToLeft: Story = {
  args: { user: { uid: 'maryam', name: 'مريم ميرزاخاني', status: 'offline' }, showPresence: true },
  parameters: { dir: 'rtl' },
}

export const Dark: Story = {
  args: { user: { uid: 'grace', name: 'Grace Hopper' }, showPresence: true },
  parameters: { theme: 'dark' },
}
