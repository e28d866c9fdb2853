import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { BlockButton } from '../../src/components/BlockButton/index.js'
import { BlockedUsersList } from '../../src/components/BlockedUsersList/index.js'
import { CreateUserForm } from '../../src/components/CreateUserForm/index.js'
import { UserCard } from '../../src/components/UserCard/index.js'
import { UserEditor } from '../../src/components/UserEditor/index.js'
import { UserList } from '../../src/components/UserList/index.js'
import { UsersTable } from '../../src/components/UsersTable/index.js'
import { createReactHarness } from '../react/harness.js'

afterEach(cleanup)

// Nobody is signed in and the browser holds no token: every request would be a 401. The components
// say so and send nothing; once someone signs in they load.
const components: [string, ReactNode, RegExp][] = [
  ['UserList', <UserList key="list" />, /Sign in to see users/],
  ['UsersTable', <UsersTable key="table" />, /Sign in to see users/],
  ['UserCard', <UserCard key="card" uid="grace" />, /Sign in to see this user/],
  ['BlockedUsersList', <BlockedUsersList key="blocked" />, /Sign in to see whom you blocked/],
  ['UserEditor', <UserEditor key="editor" uid="grace" />, /Sign in to edit users/],
  ['CreateUserForm', <CreateUserForm key="create" />, /Sign in to create users/],
]

/** Long enough for a query that would fire to have fired (they start on mount). */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)))

describe('components signed out', () => {
  it.each(components)('%s says to sign in and sends nothing', async (_name, element, message) => {
    const h = createReactHarness()
    await h.seed('ada', 'grace')
    render(element, { wrapper: h.wrapper })
    await settle()
    expect(screen.getAllByText(message).length).toBeGreaterThan(0)
    expect(h.sent).toEqual([])
  })

  it('BlockButton is disabled and sends nothing', async () => {
    const h = createReactHarness()
    await h.seed('ada', 'grace')
    render(<BlockButton uid="grace" />, { wrapper: h.wrapper })
    await settle()
    expect(screen.getByRole('button', { name: /^Block/ })).toBeDisabled()
    expect(h.sent).toEqual([])
  })

  it('loads once someone signs in', async () => {
    const h = createReactHarness()
    await h.seed('ada', 'grace')
    render(<UserList />, { wrapper: h.wrapper })
    await settle()
    expect(h.sent).toEqual([])
    await act(async () => h.loginAs('ada'))
    await waitFor(() => expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(2))
  })

  it('sends at once when the session is a cookie the browser holds (session="cookie")', async () => {
    const h = createReactHarness({ session: 'cookie' })
    await h.seed('ada', 'grace')
    render(<UserList />, { wrapper: h.wrapper })
    // No cookie here: the server refuses, and the list says it failed (not that nobody signed in).
    expect(await screen.findByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(h.sent.length).toBeGreaterThan(0)
  })
})
