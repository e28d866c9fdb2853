import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { BlockedUsersList } from '../src/components/BlockedUsersList/index.js'
import type { CreateUserInput } from '../src/model/index.js'
import { sampleUsers } from './support/sampleUsers.js'
import type { StoryBackend } from './support/storyBackend.js'

const backendOf = (loaded: Record<string, unknown>): StoryBackend => loaded.backend as StoryBackend
const blockedOnServer = async (loaded: Record<string, unknown>): Promise<string[]> =>
  (await backendOf(loaded).admin.getBlockedUsers({}, { blocker: 'ada' })).users.map((user) => user.uid)

const meta = {
  title: 'Components/BlockedUsersList',
  component: BlockedUsersList,
  args: { onUnblock: fn() },
  parameters: { userkit: { loginAs: 'ada' } },
  decorators: [(Story) => <div style={{ maxInlineSize: '26rem' }}>{Story()}</div>],
  beforeEach: async ({ loaded, parameters }) => {
    const uids = (parameters.blocked as string[] | undefined) ?? ['grace', 'hubert', 'alan']
    if (uids.length > 0) await backendOf(loaded).admin.blockUsers(uids, { blocker: 'ada' })
  },
} satisfies Meta<typeof BlockedUsersList>

export default meta
type Story = StoryObj<typeof meta>

export const WithEntries: Story = {
  name: 'With entries: unblock one',
  play: async ({ canvas, userEvent, loaded, args }) => {
    const list = await canvas.findByRole('list', { name: 'Blocked users' })
    await expect(within(list).getAllByRole('listitem')).toHaveLength(3)
    await userEvent.click(within(list).getByRole('button', { name: 'Unblock Grace Hopper' }))
    await waitFor(() => expect(within(list).queryByText('Grace Hopper')).toBeNull())
    // Focus stays in the list, on the next row's button.
    await expect(within(list).getByRole('button', { name: /^Unblock Hubert/ })).toHaveFocus()
    await waitFor(async () => expect(await blockedOnServer(loaded)).toEqual(['alan', 'hubert']))
    await waitFor(() => expect(args.onUnblock).toHaveBeenCalledWith(expect.objectContaining({ uid: 'grace' })))
  },
}

export const UnblockFails: Story = {
  name: 'Unblock fails: put back, with a message',
  play: async ({ canvas, userEvent, loaded }) => {
    const list = await canvas.findByRole('list', { name: 'Blocked users' })
    backendOf(loaded).setNetwork('down')
    await userEvent.click(within(list).getByRole('button', { name: 'Unblock Alan Turing' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not unblock Alan Turing. Please try again.')
    await expect(within(canvas.getByRole('list', { name: 'Blocked users' })).getByText('Alan Turing')).toBeVisible()
    backendOf(loaded).setNetwork('up')
    await expect(await blockedOnServer(loaded)).toEqual(['alan', 'grace', 'hubert'])
  },
}

export const Empty: Story = {
  parameters: { blocked: [] },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText("You haven't blocked anyone")).toBeVisible()
  },
}

export const Loading: Story = {
  parameters: { userkit: { loginAs: 'ada', network: 'hang' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading blocked users…')
  },
}

export const ErrorWithRetry: Story = {
  name: 'Error, with retry',
  parameters: { userkit: { loginAs: 'ada', network: 'down' } },
  play: async ({ canvas, userEvent, loaded }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not load the users you blocked.')
    backendOf(loaded).setNetwork('up')
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    const list = await canvas.findByRole('list', { name: 'Blocked users' })
    await expect(within(list).getAllByRole('listitem')).toHaveLength(3)
  },
}

export const RightToLeft: Story = {
  parameters: { dir: 'rtl', blocked: ['maryam', 'yuki'] },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('button', { name: 'Unblock مريم ميرزاخاني' })).toBeVisible()
  },
}

export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: async ({ canvas }) => {
    await canvas.findByRole('list', { name: 'Blocked users' })
  },
}

/** Blocked people in the server's order: `Person 01` … */
function people(count: number): CreateUserInput[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(2, '0')
    return { uid: `person-${number}`, name: `Person ${number}` }
  })
}
const MANY = people(45)
const manyBlocked = {
  args: { query: { perPage: 20 } },
  parameters: { userkit: { loginAs: 'ada', users: [...sampleUsers(), ...MANY] }, blocked: MANY.map((user) => user.uid) },
} satisfies Partial<Story>

export const ManyBlocked: Story = {
  ...manyBlocked,
  name: 'Many blocked: Show more',
  play: async ({ canvas, userEvent }) => {
    const list = await canvas.findByRole('list', { name: 'Blocked users' })
    await expect(within(list).getAllByRole('listitem')).toHaveLength(20)
    await userEvent.click(canvas.getByRole('button', { name: 'Show more' }))
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(40))
    await userEvent.click(canvas.getByRole('button', { name: 'Show more' }))
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(45))
    await expect(canvas.queryByRole('button', { name: 'Show more' })).toBeNull()
    // The button gone with the last page, focus moves on to the first row it brought.
    await expect(within(list).getByRole('button', { name: 'Unblock Person 41' })).toHaveFocus()
  },
}

export const ShowMoreFails: Story = {
  ...manyBlocked,
  name: 'Many blocked: the next page fails, the rows stay',
  play: async ({ canvas, userEvent, loaded }) => {
    const list = await canvas.findByRole('list', { name: 'Blocked users' })
    backendOf(loaded).setNetwork('down')
    await userEvent.click(canvas.getByRole('button', { name: 'Show more' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not load more blocked users.')
    await expect(within(list).getAllByRole('listitem')).toHaveLength(20)
    backendOf(loaded).setNetwork('up')
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(40))
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

