import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { UserCard } from '../src/components/UserCard/index.js'
import { UserList } from '../src/components/UserList/index.js'
import type { StoryBackend } from './support/storyBackend.js'

/**
 * `<UserkitProvider events>`: the server's event stream patches the cache, so a user changed
 * elsewhere (here, by the story's admin client) changes in every view at once, with no refetch.
 */
const meta = {
  title: 'Guides/Live updates',
  component: UserList,
  args: { roles: ['admin', 'moderator', 'default'] },
  parameters: { userkit: { loginAs: 'ada', events: true } },
  render: (args) => (
    <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)' }}>
      <UserList {...args} />
      <UserCard uid="grace" />
    </div>
  ),
} satisfies Meta<typeof UserList>

export default meta
type Story = StoryObj<typeof meta>

const patient = { timeout: 5_000 }
const listRequests = (backend: StoryBackend): number => backend.sent.filter((line) => line.startsWith('GET /v3.0/users')).length

export const ChangedElsewhere: Story = {
  play: async ({ canvas, canvasElement, loaded }) => {
    const backend = loaded.backend as StoryBackend
    const listbox = await canvas.findByRole('listbox', { name: 'Users' }, patient)
    await within(listbox).findByRole('option', { name: /Grace Hopper/ }, patient)
    await waitFor(() => expect(backend.answered).toContain('GET /v3.0/events'), patient)
    const before = listRequests(backend)

    await backend.admin.updateUser('grace', { name: 'Grace Brewster Hopper', statusMessage: 'Finding a moth' })
    await within(listbox).findByRole('option', { name: /Grace Brewster Hopper/ }, patient)
    const card = canvasElement.querySelector<HTMLElement>('[data-uk="user-card"]')
    await expect(card).not.toBeNull()
    await within(card as HTMLElement).findByText('Grace Brewster Hopper', {}, patient)
    await expect(within(card as HTMLElement).getByText('Finding a moth')).toBeInTheDocument()
    await expect(listRequests(backend)).toBe(before)
  },
}
