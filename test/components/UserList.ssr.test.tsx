// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UserList } from '../../src/components/UserList/index.js'
import { infiniteUsersQueryOptions } from '../../src/react/index.js'
import { createReactHarness } from '../react/harness.js'

// A server render: Node, no DOM, no layout. Nothing here may reach for `window`.

afterEach(() => {
  vi.restoreAllMocks()
})

describe('UserList on the server', () => {
  it('renders the loading state before any data', async () => {
    const h = createReactHarness()
    await h.seed('ada')
    await h.loginAs('ada')
    const errors = vi.spyOn(console, 'error')
    const html = renderToString(<h.wrapper><UserList /></h.wrapper>)
    expect(html).toContain('data-uk="user-list"')
    expect(html).toContain('Loading users…')
    expect(html).not.toContain('role="listbox"')
    expect(errors).not.toHaveBeenCalled()
    expect(h.sent).toEqual([])
  })

  it('renders the signed-out state, sending nothing, when nobody is signed in', () => {
    const h = createReactHarness()
    const html = renderToString(<h.wrapper><UserList /></h.wrapper>)
    expect(html).toContain('Sign in to see users.')
    expect(html).not.toContain('Loading users…')
    expect(h.sent).toEqual([])
  })

  it('renders a window of prefetched rows, sized by estimatedViewportHeight', async () => {
    const h = createReactHarness()
    await h.seed(...Array.from({ length: 80 }, (_, index) => `user-${String(index).padStart(2, '0')}`))
    await h.loginAs('user-00')
    await h.queryClient.prefetchInfiniteQuery(infiniteUsersQueryOptions(h.client, { perPage: 50 }))
    const errors = vi.spyOn(console, 'error')
    const html = renderToString(<h.wrapper><UserList estimatedViewportHeight={224} /></h.wrapper>)
    const options = html.match(/role="option"/g) ?? []
    // 224px of 56px rows is 4, and 6 rows of overscan below.
    expect(options).toHaveLength(10)
    expect(html).toContain('aria-setsize="80"')
    expect(html).toContain('role="listbox"')
    expect(errors).not.toHaveBeenCalled()
  })
})
