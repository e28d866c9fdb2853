// @vitest-environment node
import { QueryClient } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createUserClient } from '../../src/client/index.js'
import { BlockButton } from '../../src/components/BlockButton/index.js'
import { BlockedUsersList } from '../../src/components/BlockedUsersList/index.js'
import { PresenceBadge } from '../../src/components/PresenceBadge/index.js'
import { UserCard } from '../../src/components/UserCard/index.js'
import type { User } from '../../src/model/index.js'
import { createCurrentUserStore, UserkitProvider, userKeys } from '../../src/react/index.js'

const now = Math.floor(Date.now() / 1000)
const grace: User = {
  uid: 'grace',
  name: 'Grace Hopper',
  role: 'default',
  status: 'offline',
  lastActiveAt: now - 600,
  link: 'https://example.com/grace',
  blockedByMe: true,
  createdAt: now,
  updatedAt: now,
}

describe('PresenceBadge, UserCard, BlockButton and BlockedUsersList on the server', () => {
  it('render to HTML without a browser (the presentational ones without a provider)', () => {
    const html = renderToString(
      <>
        <PresenceBadge user={grace} />
        <UserCard user={grace} />
      </>,
    )
    expect(html).toContain('Active 10 minutes ago')
    expect(html).toContain('data-uk="user-card"')
    expect(html).toContain('rel="noopener noreferrer"')
  })

  it('render what the cache holds inside a provider', () => {
    const queryClient = new QueryClient()
    const store = createCurrentUserStore()
    store.getState().loginSucceeded({ ...grace, uid: 'ada', name: 'Ada' }, 'token')
    queryClient.setQueryData(userKeys.detail('grace'), grace)
    queryClient.setQueryData(userKeys.blocked(), { users: [grace], pagination: { total: 1, count: 1, perPage: 100, currentPage: 1, totalPages: 1 } })
    const html = renderToString(
      <UserkitProvider client={createUserClient({ baseUrl: 'http://userkit.test' })} queryClient={queryClient} store={store}>
        <UserCard uid="grace" actions={<BlockButton uid="grace" />} />
        <BlockedUsersList />
      </UserkitProvider>,
    )
    expect(html).toContain('<span data-part="state">Blocked</span>')
    expect(html).toContain('You blocked this user')
    expect(html).toContain('aria-label="Unblock Grace Hopper"')
  })
})
