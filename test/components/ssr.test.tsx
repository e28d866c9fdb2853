// @vitest-environment node
import { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, expect, it, vi } from 'vitest'
import {
  Avatar,
  BlockButton,
  BlockedUsersList,
  CreateUserForm,
  PresenceBadge,
  ProfileEditor,
  UserCard,
  UserEditor,
  UserList,
  UserMenu,
} from '../../src/index.js'
import { createUserClient } from '../../src/client/index.js'
import { userQueryOptions, UserkitProvider } from '../../src/react/index.js'
import { BASE, createReactHarness, FULL_KEY } from '../react/harness.js'

// The server half of a Next.js App Router page: every component renders to HTML in Node, with no
// DOM, no window and no request sent during the render.
afterEach(() => vi.restoreAllMocks())

const ada = { uid: 'ada', name: 'Ada Lovelace', role: 'default', status: 'online' as const, createdAt: 1, updatedAt: 1, lastActiveAt: 1 }

const components: [string, ReactNode][] = [
  ['avatar', <Avatar user={ada} showPresence />],
  ['presence-badge', <PresenceBadge user={ada} />],
  ['user-card', <UserCard user={ada} />],
  ['user-card', <UserCard uid="ada" />],
  ['block-button', <BlockButton uid="ada" />],
  ['blocked-users-list', <BlockedUsersList />],
  ['user-list', <UserList />],
  ['profile-editor', <ProfileEditor />],
  ['user-editor', <UserEditor uid="ada" />],
  ['create-user-form', <CreateUserForm />],
  // Nobody is logged in during a server render (the store restores a login once mounted).
  ['user-menu', <UserMenu loggedOut={<a href="/login">Log in</a>} />],
]

it.each(components.map(([name, element], index) => [`${name} #${index}`, name, element] as const))(
  '%s renders on the server without a window, an error or a request',
  async (_, name, element) => {
    expect(typeof window).toBe('undefined')
    const h = createReactHarness()
    const errors = vi.spyOn(console, 'error')
    const html = renderToString(
      <UserkitProvider client={h.client} queryClient={new QueryClient()}>
        {element}
      </UserkitProvider>,
    )
    expect(html).toContain(name === 'user-menu' ? '<a href="/login">Log in</a>' : `data-uk="${name}"`)
    expect(errors).not.toHaveBeenCalled()
    expect(h.sent).toEqual([])
  },
)

it('renders a user prefetched on the server into the card’s HTML', async () => {
  const h = createReactHarness()
  await h.seed({ uid: 'ada', name: 'Ada Lovelace' })
  const server = createUserClient({ baseUrl: BASE, apiKey: FULL_KEY, fetch: h.handler })
  const queryClient = new QueryClient()
  await queryClient.prefetchQuery(userQueryOptions(server, 'ada'))
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const html = renderToString(
    <UserkitProvider client={server} queryClient={queryClient}>
      <UserCard uid="ada" />
    </UserkitProvider>,
  )
  expect(html).toContain('Ada Lovelace')
})
