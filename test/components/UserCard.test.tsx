import { cleanup, render, screen, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { UserCard } from '../../src/components/UserCard/index.js'
import type { User } from '../../src/model/index.js'
import { UserkitProvider } from '../../src/react/index.js'
import { createReactHarness } from '../react/harness.js'

afterEach(cleanup)
// Real requests through the real handler: generous on a busy machine.

const ada: User = {
  uid: 'ada',
  name: 'Ada Lovelace',
  role: 'admin',
  status: 'online',
  statusMessage: 'Computing Bernoulli numbers',
  link: 'https://example.com/ada',
  tags: ['engineering', 'founders'],
  createdAt: 1_700_000_000,
  updatedAt: 1_700_000_000,
}

const card = (): HTMLElement => screen.getByRole('article')

describe('UserCard with a user', () => {
  it('shows name, role, presence, status message, tags and the link, without a provider', () => {
    render(<UserCard user={ada} />)
    expect(screen.getByRole('article', { name: 'Ada Lovelace' })).toBeTruthy()
    expect(within(card()).getByText('admin')).toBeTruthy()
    expect(within(card()).getByText('Online')).toBeTruthy()
    expect(within(card()).getByText('Computing Bernoulli numbers')).toBeTruthy()
    const tags = within(card()).getByRole('list', { name: 'Tags' })
    expect(within(tags).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['engineering', 'founders'])
    // The avatar is decorative: the name is beside it.
    expect(within(card()).queryByRole('img')).toBeNull()
  })

  it('opens an http(s) link in a new tab, safely, and says so', () => {
    render(<UserCard user={ada} />)
    const link = screen.getByRole('link', { name: 'example.com/ada (opens in a new tab)' })
    expect(link.getAttribute('href')).toBe('https://example.com/ada')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
  })

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.com/x', 'not a url', '//example.com'])(
    'never renders %s as a link',
    (link) => {
      const { container } = render(<UserCard user={{ ...ada, link }} />)
      expect(screen.queryByRole('link')).toBeNull()
      expect(container.querySelector('a')).toBeNull()
      expect(container.innerHTML).not.toContain(link.slice(0, 10))
    },
  )

  it('hides the default role and shows what is absent as nothing', () => {
    render(<UserCard user={{ uid: 'b', name: 'Bo', role: 'default', status: 'offline', createdAt: 1, updatedAt: 1 }} />)
    expect(card().querySelector("[data-part='role']")).toBeNull()
    expect(card().querySelector("[data-part='status-message'], [data-part='tags'], [data-part='blocked'], a")).toBeNull()
    expect(within(card()).getByText('Offline')).toBeTruthy()
  })

  it('says who blocked whom', () => {
    render(<UserCard user={{ ...ada, blockedByMe: true, hasBlockedMe: true }} />)
    expect(within(card()).getByText('You blocked this user')).toBeTruthy()
    expect(within(card()).getByText('This user has blocked you')).toBeTruthy()
    expect(card().getAttribute('data-blocked')).toBe('blocked-by-me has-blocked-me')
  })

  it('renders the actions slot, labels from the prop, and className on the root', () => {
    render(
      <UserCard user={ada} actions={<button type="button">Message</button>} labels={{ tags: 'Interests' }} className="mine" showPresence={false} />,
    )
    expect(within(card()).getByRole('button', { name: 'Message' })).toBeTruthy()
    expect(within(card()).getByRole('list', { name: 'Interests' })).toBeTruthy()
    expect(within(card()).queryByText('Online')).toBeNull()
    expect(card().classList.contains('mine')).toBe(true)
  })

  it('takes labels from the provider', () => {
    const h = createReactHarness()
    render(
      <UserkitProvider client={h.client} labels={{ userCard: { opensInNewTab: '(neuer Tab)' } }}>
        <UserCard user={ada} />
      </UserkitProvider>,
    )
    expect(screen.getByRole('link', { name: 'example.com/ada (neuer Tab)' })).toBeTruthy()
  })
})

describe('UserCard with a uid', () => {
  it('shows a skeleton while loading, then the user from the server', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'grace', name: 'Grace Hopper', tags: ['navy'] })
    await h.loginAs('grace')
    await h.seed({ uid: 'alan', name: 'Alan Turing' })
    h.gate.hold()
    render(<UserCard uid="alan" />, { wrapper: h.wrapper })
    expect(screen.getByRole('status').textContent).toBe('Loading user…')
    expect(card().getAttribute('aria-busy')).toBe('true')
    h.gate.release()
    expect(await screen.findByRole('article', { name: 'Alan Turing' })).toBeTruthy()
  })

  it('shows an error with a retry that loads the user', async () => {
    const h = createReactHarness()
    await h.seed({ uid: 'grace', name: 'Grace Hopper' }, { uid: 'alan', name: 'Alan Turing' })
    await h.loginAs('grace')
    h.network.down = true
    render(<UserCard uid="alan" />, { wrapper: h.wrapper })
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load this user.')
    h.network.down = false
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('article', { name: 'Alan Turing' })).toBeTruthy()
  })

  it('says when the user does not exist', async () => {
    const h = createReactHarness()
    await h.seed('grace')
    await h.loginAs('grace')
    render(<UserCard uid="nobody" />, { wrapper: h.wrapper })
    expect((await screen.findByRole('alert')).textContent).toBe('This user does not exist or has been deactivated.')
  })
})
