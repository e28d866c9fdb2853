import type { Decorator, Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { PresenceBadge } from '../src/components/PresenceBadge/index.js'
import { UserkitProvider } from '../src/react/index.js'
import type { StoryBackend } from './support/storyBackend.js'

/** Unix seconds, `seconds` before the story loads. */
const secondsAgo = (seconds: number): number => Math.floor(Date.now() / 1000) - seconds

const meta = {
  title: 'Components/PresenceBadge',
  component: PresenceBadge,
  args: { status: 'offline' },
} satisfies Meta<typeof PresenceBadge>

export default meta
type Story = StoryObj<typeof meta>

const timeOf = (canvasElement: HTMLElement): HTMLTimeElement | null => canvasElement.querySelector('time')

export const Online: Story = {
  args: { user: { status: 'online', lastActiveAt: secondsAgo(30) }, status: undefined },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('Online')).toBeVisible()
    await expect(timeOf(canvasElement)).toBeNull()
  },
}

export const Offline: Story = {
  name: 'Offline, last activity unknown',
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Offline')).toBeVisible()
  },
}

export const JustNow: Story = {
  args: { lastActiveAt: secondsAgo(10) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Active just now')).toBeVisible()
  },
}

export const MinutesAgo: Story = {
  args: { lastActiveAt: secondsAgo(5 * 60) },
  play: async ({ canvasElement }) => {
    const time = timeOf(canvasElement) as HTMLTimeElement
    await expect(time).toHaveTextContent(/^Active [56] minutes ago$/)
    // A machine-readable date, about five minutes before now.
    await expect(Math.abs(Date.parse(time.dateTime) - (Date.now() - 5 * 60_000))).toBeLessThan(2 * 60_000)
    await expect(time.title).not.toBe('')
  },
}

export const HoursAgo: Story = {
  args: { lastActiveAt: secondsAgo(3 * 3600 + 120) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Active 3 hours ago')).toBeVisible()
  },
}

export const DaysAgo: Story = {
  args: { lastActiveAt: secondsAgo(4 * 86_400 + 60) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Active 4 days ago')).toBeVisible()
  },
}

/** A nested provider over the same backend, with German dates and labels. */
const inGerman: Decorator = (Story, { loaded }) => {
  const backend = loaded.backend as StoryBackend
  return (
    <UserkitProvider
      client={backend.client}
      queryClient={backend.queryClient}
      store={backend.store}
      locale="de"
      labels={{ presenceBadge: { online: 'Online', offline: 'Offline', activeJustNow: 'Gerade eben aktiv', activeAgo: (ago) => `Aktiv ${ago}` } }}
    >
      <Story />
    </UserkitProvider>
  )
}

export const Localised: Story = {
  name: 'Localised (de)',
  args: { lastActiveAt: secondsAgo(2 * 3600 + 60) },
  decorators: [inGerman],
  play: async ({ canvas }) => {
    const time = canvas.getByText('Aktiv vor 2 Stunden')
    await expect(time.title).toMatch(/\d{4}/)
  },
}

export const RightToLeft: Story = {
  args: { lastActiveAt: secondsAgo(20 * 60) },
  parameters: { dir: 'rtl' },
}

export const Dark: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: '1.5rem' }}>
      <PresenceBadge {...args} status="online" />
      <PresenceBadge {...args} lastActiveAt={secondsAgo(45 * 60)} />
    </div>
  ),
  parameters: { theme: 'dark' },
}
