import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, waitFor, within } from 'storybook/test'
import { UserMenu } from '../src/components/UserMenu/index.js'
import type { StoryBackend } from './support/storyBackend.js'

const meta = {
  title: 'Components/UserMenu',
  component: UserMenu,
  args: { onEditProfile: fn(), loggedOut: <a href="#login">Log in</a> },
  parameters: { userkit: { loginAs: 'ada' } },
  // Where an app puts it: the inline end of a header, with room below for the menu.
  decorators: [
    (Story) => (
      <header style={{ display: 'flex', justifyContent: 'flex-end', minBlockSize: '22rem', alignItems: 'flex-start' }}>
        <Story />
      </header>
    ),
  ],
} satisfies Meta<typeof UserMenu>

export default meta
type Story = StoryObj<typeof meta>

const backendOf = (loaded: Record<string, unknown>): StoryBackend => loaded.backend as StoryBackend
const triggerOf = (canvas: ReturnType<typeof within>, name = 'Ada Lovelace') =>
  canvas.getByRole('button', { name: new RegExp(`Account menu for ${name}`) })

export const OpenWithKeyboard: Story = {
  name: 'Open with the keyboard',
  play: async ({ canvas, userEvent, args }) => {
    const trigger = triggerOf(canvas)
    await userEvent.tab()
    await expect(trigger).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    await expect(trigger).toHaveAttribute('aria-expanded', 'true')
    const items = within(canvas.getByRole('menu')).getAllByRole('menuitem')
    await expect(items.map((item) => item.textContent)).toEqual(['Edit profile', 'Set status message', 'Log out'])
    await expect(items[0]).toHaveFocus()
    await userEvent.keyboard('{End}')
    await expect(items[2]).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    await expect(items[0]).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await expect(canvas.queryByRole('menu')).toBeNull()
    await expect(trigger).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    await userEvent.keyboard('{Enter}')
    await expect(args.onEditProfile).toHaveBeenCalledTimes(1)
    await expect(trigger).toHaveFocus()
  },
}

export const SetStatusMessage: Story = {
  name: 'Set status message',
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(triggerOf(canvas))
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Set status message' }))
    const input = canvas.getByLabelText('Status message')
    await expect(input).toHaveFocus()
    await expect(input).toHaveValue('Computing Bernoulli numbers')
    await userEvent.clear(input)
    await userEvent.type(input, 'Writing notes on the Engine{Enter}')
    await waitFor(() => expect(canvas.queryByRole('form')).toBeNull())
    await expect(triggerOf(canvas)).toHaveFocus()
    await expect((await backendOf(loaded).admin.getUser('ada')).statusMessage).toBe('Writing notes on the Engine')
    await userEvent.click(triggerOf(canvas))
    await expect(canvas.getByText('Writing notes on the Engine')).toBeVisible()
  },
}

export const LogOut: Story = {
  name: 'Log out',
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(triggerOf(canvas))
    await userEvent.click(canvas.getByRole('menuitem', { name: 'Log out' }))
    await waitFor(() => expect(canvas.getByRole('link', { name: 'Log in' })).toBeVisible())
    await expect(backendOf(loaded).store.getState().status).toBe('anonymous')
  },
}

export const LoggedOut: Story = {
  // Parameters merge deeply: an empty uid is how a story says "nobody" over the meta's ada.
  parameters: { userkit: { loginAs: '' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: 'Log in' })).toBeVisible()
  },
}

export const LongName: Story = {
  parameters: { userkit: { loginAs: 'hubert' } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(triggerOf(canvas, 'Hubert Blaine'))
    await expect(canvas.getByText(/^Hubert Blaine Wolfeschlegelsteinhausenbergerdorff/)).toBeVisible()
    await expect(canvas.getByRole('menu')).toBeVisible()
  },
}

export const RightToLeft: Story = {
  parameters: { userkit: { loginAs: 'maryam' }, dir: 'rtl' },
  args: { defaultOpen: true },
}

export const Dark: Story = {
  parameters: { theme: 'dark' },
  args: { defaultOpen: true, items: [{ id: 'billing', label: 'Billing', onSelect: () => {} }] },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('menuitem', { name: 'Billing' })).toBeVisible()
  },
}
