import type { Meta, StoryObj } from '@storybook/react-vite'
import type { ComponentProps } from 'react'
import { expect, waitFor, within } from 'storybook/test'
import { BlockButton } from '../src/components/BlockButton/index.js'
import { UserCard } from '../src/components/UserCard/index.js'
import type { User } from '../src/model/index.js'
import { sampleAvatar } from './support/sampleUsers.js'
import type { StoryBackend } from './support/storyBackend.js'

const now = Math.floor(Date.now() / 1000)

const ada: User = {
  uid: 'ada',
  name: 'Ada Lovelace',
  avatar: sampleAvatar('ada'),
  role: 'admin',
  status: 'offline',
  lastActiveAt: now - 12 * 60,
  statusMessage: 'Computing Bernoulli numbers',
  link: 'https://example.com/ada',
  tags: ['engineering', 'founders'],
  createdAt: now - 86_400,
  updatedAt: now - 3600,
}

/** UserCard takes a `user` or a `uid`; the controls show both. */
type UserCardArgs = Omit<ComponentProps<typeof UserCard>, 'user' | 'uid'> & { user?: User | undefined; uid?: string | undefined }

const meta = {
  title: 'Components/UserCard',
  // For autodocs and the controls; `render` picks the variant.
  component: UserCard as (props: UserCardArgs) => ReturnType<typeof UserCard>,
  args: { user: ada },
  render: ({ user, uid, ...rest }) => (user ? <UserCard {...rest} user={user} /> : <UserCard {...rest} uid={uid ?? ''} />),
  decorators: [(Story) => <div style={{ maxInlineSize: '28rem' }}>{Story()}</div>],
} satisfies Meta<UserCardArgs>

export default meta
type Story = StoryObj<typeof meta>

const backendOf = (loaded: Record<string, unknown>): StoryBackend => loaded.backend as StoryBackend

export const Full: Story = {
  play: async ({ canvas }) => {
    const card = canvas.getByRole('article', { name: 'Ada Lovelace' })
    await expect(within(card).getByText('admin')).toBeVisible()
    await expect(within(card).getByText('Computing Bernoulli numbers')).toBeVisible()
    await expect(within(card).getByText('Active 12 minutes ago')).toBeVisible()
    const link = within(card).getByRole('link', { name: 'example.com/ada (opens in a new tab)' })
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    await expect(link).toHaveAttribute('target', '_blank')
    await expect(within(card).getByRole('list', { name: 'Tags' })).toBeVisible()
  },
}

export const Minimal: Story = {
  args: { user: { uid: 'linus', name: 'Linus Torvalds', role: 'default', status: 'online', createdAt: now, updatedAt: now } },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('article', { name: 'Linus Torvalds' })).toBeVisible()
    await expect(canvasElement.querySelector("[data-part='role'], [data-part='tags'], a")).toBeNull()
  },
}

export const UnsafeLink: Story = {
  name: 'Link not http(s): not a link',
  args: { user: { ...ada, link: 'javascript:alert(document.domain)' } },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.queryByRole('link')).toBeNull()
    await expect(canvasElement.querySelector('a')).toBeNull()
  },
}

export const ByUid: Story = {
  name: 'By uid (loaded from the server)',
  args: { user: undefined, uid: 'grace' },
  parameters: { userkit: { loginAs: 'ada' } },
  play: async ({ canvas }) => {
    const card = await canvas.findByRole('article', { name: 'Grace Hopper' })
    await expect(within(card).getByText('Debugging')).toBeVisible()
  },
}

export const Loading: Story = {
  args: { user: undefined, uid: 'grace' },
  parameters: { userkit: { loginAs: 'ada', network: 'hang' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading user…')
    await expect(canvas.getByRole('article')).toHaveAttribute('aria-busy', 'true')
  },
}

export const ErrorWithRetry: Story = {
  name: 'Error, with retry',
  args: { user: undefined, uid: 'grace' },
  parameters: { userkit: { loginAs: 'ada', network: 'down' } },
  play: async ({ canvas, userEvent, loaded }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not load this user.')
    backendOf(loaded).setNetwork('up')
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await expect(await canvas.findByRole('article', { name: 'Grace Hopper' })).toBeVisible()
  },
}

export const NotFound: Story = {
  args: { user: undefined, uid: 'nobody' },
  parameters: { userkit: { loginAs: 'ada' } },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This user does not exist or has been deactivated.')
  },
}

export const Blocked: Story = {
  name: 'Blocked (both ways)',
  args: { user: undefined, uid: 'grace' },
  parameters: { userkit: { loginAs: 'ada' } },
  beforeEach: async ({ loaded }) => {
    const backend = backendOf(loaded)
    await backend.admin.blockUsers(['grace'], { blocker: 'ada' })
    await backend.admin.blockUsers(['ada'], { blocker: 'grace' })
  },
  play: async ({ canvas }) => {
    const card = await canvas.findByRole('article', { name: 'Grace Hopper' })
    await expect(within(card).getByText('You blocked this user')).toBeVisible()
    await expect(within(card).getByText('This user has blocked you')).toBeVisible()
  },
}

export const LongName: Story = {
  args: { user: undefined, uid: 'hubert' },
  parameters: { userkit: { loginAs: 'ada' } },
  decorators: [(Story) => <div style={{ maxInlineSize: '18rem' }}>{Story()}</div>],
  play: async ({ canvas, canvasElement }) => {
    const card = await canvas.findByRole('article', { name: 'Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr.' })
    // The card keeps to its container: nothing sticks out sideways.
    await waitFor(() => expect(card.scrollWidth).toBeLessThanOrEqual(card.clientWidth + 1))
    await expect(canvasElement.querySelector("[data-part='name']")).toHaveAttribute('title', 'Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr.')
  },
}

export const RightToLeft: Story = {
  args: { user: undefined, uid: 'maryam' },
  parameters: { userkit: { loginAs: 'ada' }, dir: 'rtl' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('article', { name: 'مريم ميرزاخاني' })).toBeVisible()
  },
}

export const Dark: Story = {
  args: { user: { ...ada, blockedByMe: true } },
  parameters: { theme: 'dark' },
}

export const WithActions: Story = {
  args: { user: undefined, uid: 'grace', actions: <BlockButton uid="grace" confirm={false} /> },
  parameters: { userkit: { loginAs: 'ada' } },
  play: async ({ canvas, userEvent, loaded }) => {
    const card = await canvas.findByRole('article', { name: 'Grace Hopper' })
    const block = within(card).getByRole('button', { name: 'Block Grace Hopper' })
    await userEvent.click(block)
    // The button and the card read the same cached user: both change at once.
    await expect(within(card).getByRole('button', { name: 'Unblock Grace Hopper' })).toBeVisible()
    await expect(within(card).getByText('You blocked this user')).toBeVisible()
    await waitFor(async () =>
      expect((await backendOf(loaded).admin.getBlockedUsers({}, { blocker: 'ada' })).users.map((user) => user.uid)).toEqual(['grace']),
    )
  },
}
