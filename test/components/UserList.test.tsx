import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UserList, type UserListProps } from '../../src/components/UserList/index.js'
import { createReactHarness, type ReactHarness } from '../react/harness.js'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

// Sorted by name, as the server lists them.
const people = [
  { uid: 'ada', name: 'Ada Lovelace', role: 'admin', tags: ['founders'] },
  { uid: 'alan', name: 'Alan Turing', tags: ['research'] },
  { uid: 'barbara', name: 'Barbara Liskov', tags: ['research'] },
  { uid: 'edsger', name: 'Edsger Dijkstra', tags: ['research'] },
  { uid: 'grace', name: 'Grace Hopper' },
  { uid: 'katherine', name: 'Katherine Johnson' },
]

async function harness(users: Parameters<ReactHarness['seed']> = people, viewer = 'ada'): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed(...users)
  // Logging in makes the viewer online.
  await h.loginAs(viewer)
  return h
}

/** `user-000` … : `count` users named so that the server's order is their number's. */
function many(count: number): { uid: string; name: string }[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index).padStart(3, '0')
    return { uid: `user-${number}`, name: `User ${number}` }
  })
}

function listRequests(h: ReactHarness): string[] {
  return h.sent.filter((sent) => sent.method === 'GET' && sent.path.startsWith('/v3.0/users')).map((sent) => sent.path)
}

function renderList(h: ReactHarness, props: UserListProps = {}) {
  return render(<UserList {...props} />, { wrapper: h.wrapper })
}

// Generous: other suites share the two cores.
const slow = { timeout: 5_000 }
const listbox = (): HTMLElement => screen.getByRole('listbox')
const options = (): HTMLElement[] => {
  const list = screen.queryByRole('listbox')
  return list ? within(list).queryAllByRole('option') : []
}
const option = (name: string): HTMLElement => within(listbox()).getByRole('option', { name: new RegExp(name) })
const activeName = (): string | undefined => {
  const id = listbox().getAttribute('aria-activedescendant')
  return id ? (document.getElementById(id)?.querySelector('[data-part="name"]')?.textContent ?? undefined) : undefined
}
const selectedNames = (): string[] =>
  options()
    .filter((row) => row.getAttribute('aria-selected') === 'true')
    .map((row) => row.querySelector('[data-part="name"]')?.textContent ?? '')

describe('UserList: rows and windowing', () => {
  it('lists users as options with their place in the whole list', async () => {
    const h = await harness()
    renderList(h, { perPage: 2 })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    const first = option('Ada Lovelace')
    expect(listbox().getAttribute('aria-label')).toBe('Users')
    expect(first.getAttribute('aria-setsize')).toBe('6')
    expect(options().map((row) => row.getAttribute('aria-posinset'))).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(first.getAttribute('aria-selected')).toBe('false')
    expect(first.id).toMatch(/-option-ada$/)
    expect(within(first).getByText('Online')).toBeTruthy()
    expect(within(option('Alan Turing')).getByText('Offline')).toBeTruthy()
    // Pages of two until the window was full: three requests.
    expect(listRequests(h).filter((path) => path.includes('perPage=2'))).toHaveLength(3)
    expect(screen.getByRole('status').textContent).toBe('6 users')
  })

  it('renders only the window of a long list, with the total as aria-setsize', async () => {
    const h = await harness(many(120), 'user-000')
    renderList(h, { perPage: 100, showFilters: false })
    await waitFor(() => expect(options().length).toBeGreaterThan(0), slow)
    const rendered = options()
    // 384px / 56px is 7 rows, and 6 more of overscan.
    expect(rendered.length).toBeLessThan(20)
    expect(rendered.every((row) => row.getAttribute('aria-setsize') === '120')).toBe(true)
    expect(rendered[0]?.getAttribute('aria-posinset')).toBe('1')
    expect(listRequests(h)).toHaveLength(1)
    // Scrolled by the wheel, then focused from the keyboard: the first row in view is active.
    act(() => {
      listbox().scrollTop = 56 * 30
      listbox().dispatchEvent(new Event('scroll'))
    })
    await waitFor(() => expect(options()[0]?.getAttribute('aria-posinset')).not.toBe('1'))
    await userEvent.click(screen.getByRole('searchbox'))
    await userEvent.tab()
    expect(activeName()).toBe('User 030')
  })

  it('scrolls to a user the parent selects (one just created, say), and not on a click', async () => {
    const h = await harness(many(120), 'user-000')
    const view = renderList(h, { perPage: 120, showFilters: false, value: [] })
    await waitFor(() => expect(options().length).toBeGreaterThan(0), slow)
    view.rerender(<UserList perPage={120} showFilters={false} value={['user-090']} />)
    await waitFor(() => expect(option('User 090')).toHaveAttribute('aria-selected', 'true'))
    expect(listbox().scrollTop).toBeGreaterThan(56 * 80)
  })

  it('loads as the new user once someone signs in, without waiting for Retry (a cookie session)', async () => {
    // With session="cookie" the list asks even with nobody signed in here (the cookie may say who).
    const h = createReactHarness({ session: 'cookie' })
    await h.seed(...people)
    renderList(h)
    // Signed out, the server refuses: the list shows its error.
    expect(await screen.findByRole('button', { name: 'Retry' }, slow)).toBeTruthy()
    await act(async () => h.loginAs('ada'))
    await waitFor(() => expect(options().length).toBe(6), slow)
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
  })

  it('shows the active filters as chips, each removable, with Clear all', async () => {
    const h = await harness()
    renderList(h, { searchDelayMs: 0, defaultFilters: { role: 'admin', tags: ['founders', 'research'] } })
    await waitFor(() => expect(options().length).toBe(1), slow)
    const chips = screen.getByRole('list', { name: 'Active filters' })
    expect(within(chips).getAllByRole('listitem').map((item) => item.textContent?.replace('×', '').trim())).toEqual([
      'Role: admin',
      'Tag: founders',
      'Tag: research',
    ])
    await userEvent.click(within(chips).getByRole('button', { name: 'Remove filter Tag: founders' }))
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Active filters' })).getAllByRole('listitem')).toHaveLength(2))
    expect(screen.getByRole('textbox', { name: 'Tags' })).toHaveValue('research')
    await userEvent.click(screen.getByRole('button', { name: 'Clear all filters' }))
    await waitFor(() => expect(options().length).toBe(6), slow)
    expect(screen.queryByRole('list', { name: 'Active filters' })).toBeNull()
    // Focus goes back to the search box, not to <body>.
    // Focus moves on the next frame (focusSoon).
    await waitFor(() => expect(screen.getByLabelText('Search users')).toHaveFocus())
  })

  it('matches any of the tags, or all of them when asked', async () => {
    const h = await harness([
      { uid: 'ada', name: 'Ada Lovelace', tags: ['founders', 'research'] },
      { uid: 'alan', name: 'Alan Turing', tags: ['research'] },
      { uid: 'grace', name: 'Grace Hopper', tags: ['navy'] },
    ])
    renderList(h, { searchDelayMs: 0 })
    await waitFor(() => expect(options().length).toBe(3), slow)
    await userEvent.type(screen.getByRole('textbox', { name: 'Tags' }), 'founders, research')
    await waitFor(() => expect(options().length).toBe(2), slow)
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Match' }), 'All of these tags')
    await waitFor(() => expect(options().map((node) => node.textContent)).toEqual([expect.stringContaining('Ada Lovelace')]), slow)
    expect(listRequests(h).at(-1)).toContain('tagsMatch=all')
  })

  it('says quietly that a search is on its way, while the rows shown still answer the previous one', async () => {
    const h = await harness()
    renderList(h)
    await waitFor(() => expect(options().length).toBe(6), slow)
    const root = listbox().closest('[data-uk="user-list"]') as HTMLElement
    expect(root.getAttribute('data-searching')).toBeNull()
    h.gate.hold()
    await userEvent.type(screen.getByLabelText('Search users'), 'gr')
    await waitFor(() => expect(root.getAttribute('data-searching')).toBe('true'))
    expect(listbox().getAttribute('aria-busy')).toBe('true')
    h.gate.release()
    await waitFor(() => expect(options().map((node) => node.textContent)).toEqual([expect.stringContaining('Grace Hopper')]), slow)
    await waitFor(() => expect(root.getAttribute('data-searching')).toBeNull())
    expect(listbox().getAttribute('aria-busy')).toBeNull()
  })

  it('marks a deactivated user (muted, with a badge) and a blocked user in the list', async () => {
    const h = await harness()
    await h.admin.deactivateUser('grace')
    await h.client.blockUsers(['alan'])
    renderList(h, { query: { withDeactivated: true } })
    await waitFor(() => expect(options().length).toBe(6), slow)
    const grace = option('Grace Hopper')
    expect(grace.getAttribute('data-deactivated')).toBe('true')
    expect(within(grace).getByText('Deactivated')).toBeTruthy()
    expect(within(option('Alan Turing')).getByText('Blocked')).toBeTruthy()
    expect(option('Alan Turing').getAttribute('data-deactivated')).toBeNull()
    expect(within(option('Barbara Liskov')).queryByText(/Deactivated|Blocked/)).toBeNull()
  })

  it('says "1,000+ users" when a search matches more than the server counts', async () => {
    const h = await harness(many(1005), 'user-000')
    renderList(h, { perPage: 20, showFilters: false, defaultSearch: 'user' })
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1,000+ users'), slow)
  })

  it('loads the next page when the keyboard reaches the loaded end', async () => {
    const h = await harness(many(60), 'user-000')
    renderList(h, { perPage: 20, showFilters: false })
    await waitFor(() => expect(options().length).toBeGreaterThan(0), slow)
    expect(listRequests(h)).toHaveLength(1)
    await userEvent.click(option('User 000'))
    h.gate.hold()
    await userEvent.keyboard('{End}')
    await waitFor(() => expect(listbox().getAttribute('aria-busy')).toBe('true'))
    expect(listRequests(h).some((path) => path.includes('page=2'))).toBe(true)
    expect(screen.getByText('Loading more users…')).toBeTruthy()
    // The live region keeps the count: no announcement per page.
    expect(screen.getByRole('status').textContent).toBe('60 users')
    h.gate.release()
    await waitFor(() => expect(listbox().getAttribute('aria-busy')).toBeNull())
    expect(activeName()).toBe('User 019')
    expect(option('User 019').getAttribute('aria-posinset')).toBe('20')
    // End goes to the last loaded user: once page 2 is in, that is User 039.
    await waitFor(async () => {
      await userEvent.keyboard('{End}')
      expect(activeName()).toBe('User 039')
    })
    expect(option('User 039').getAttribute('aria-setsize')).toBe('60')
  })
})

describe('UserList: search and filters', () => {
  it('waits for a pause in typing, then sends one request with searchKey', async () => {
    const h = await harness()
    renderList(h)
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const before = listRequests(h).length
    await user.type(screen.getByRole('searchbox', { name: 'Search users' }), 'gra')
    await act(() => vi.advanceTimersByTimeAsync(200))
    expect(listRequests(h)).toHaveLength(before)
    await act(() => vi.advanceTimersByTimeAsync(100))
    await waitFor(() => expect(options()).toHaveLength(1), slow)
    const sent = listRequests(h).slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toContain('searchKey=gra')
    expect(option('Grace Hopper')).toBeTruthy()
  })

  it('says no user matches the search', async () => {
    const h = await harness()
    renderList(h, { searchDelayMs: 0 })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search users' }), 'zzz')
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No users match “zzz”'))
    expect(screen.getByText('No users match “zzz”', { selector: '[data-part="empty"]' })).toBeTruthy()
    expect(screen.queryByRole('listbox')).toBeNull()
  })

  it('filters by role, status and tags on the server, and reports the filters', async () => {
    const h = await harness()
    const onFiltersChange = vi.fn()
    renderList(h, { roles: ['admin', 'default'], onFiltersChange, searchDelayMs: 0 })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'admin')
    await waitFor(() => expect(options()).toHaveLength(1), slow)
    expect(listRequests(h).at(-1)).toContain('role=admin')
    expect(onFiltersChange).toHaveBeenLastCalledWith({ role: 'admin' })
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role' }), '')
    await userEvent.type(screen.getByRole('textbox', { name: 'Tags' }), 'research, founders')
    await waitFor(() => expect(options()).toHaveLength(4), slow)
    expect(listRequests(h).at(-1)).toContain('tags=research,founders')
    // Ada is online: she logged in.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'offline')
    await waitFor(() => expect(options()).toHaveLength(3), slow)
    expect(listRequests(h).at(-1)).toContain('status=offline')
    expect(onFiltersChange).toHaveBeenLastCalledWith({ role: undefined, tags: ['research', 'founders'], status: 'offline' })
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'admin')
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No users match these filters'))
  })

  it('offers the server’s roles by their names in the role filter and its chip', async () => {
    const h = createReactHarness({
      server: { roles: { admin: { manageUsers: true, label: 'Administrator' }, default: { label: 'Member' }, moderator: { label: 'Moderator' } } },
    })
    await h.seed(...people)
    await h.loginAs('ada')
    renderList(h, { searchDelayMs: 0 })
    const role = await screen.findByRole('combobox', { name: 'Role' })
    // In the server's order, after "Any role".
    await waitFor(() => expect(within(role).getAllByRole('option')).toHaveLength(4))
    const names = within(role).getAllByRole('option').map((option) => option.textContent)
    expect(names[0]).toBe('Any role')
    expect(names.slice(1).sort()).toEqual(['Administrator', 'Member', 'Moderator'])
    await userEvent.selectOptions(role, 'moderator')
    const chips = await screen.findByRole('list', { name: 'Active filters' })
    expect(within(chips).getByRole('listitem').textContent?.replace('×', '').trim()).toBe('Role: Moderator')
  })

  it('takes the search and filters from the parent', async () => {
    const h = await harness()
    renderList(h, { search: 'a', filters: { tags: ['research'] }, showFilters: false })
    await waitFor(() => expect(options()).toHaveLength(1), slow)
    expect(option('Alan Turing')).toBeTruthy()
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('a')
    expect(screen.queryByRole('group', { name: 'Filters' })).toBeNull()
  })
})

describe('UserList: keyboard and selection', () => {
  it('moves with arrows, Home, End and Page keys, and selects one with Enter or Space', async () => {
    const h = await harness()
    const onValueChange = vi.fn()
    const onSelect = vi.fn()
    renderList(h, { showFilters: false, onValueChange, onSelect })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    await userEvent.tab()
    await userEvent.tab()
    expect(document.activeElement).toBe(listbox())
    expect(listbox().getAttribute('aria-multiselectable')).toBeNull()
    expect(activeName()).toBe('Ada Lovelace')
    await userEvent.keyboard('{ArrowDown}{ArrowDown}')
    expect(activeName()).toBe('Barbara Liskov')
    await userEvent.keyboard('{ArrowUp}')
    expect(activeName()).toBe('Alan Turing')
    await userEvent.keyboard('{End}')
    expect(activeName()).toBe('Katherine Johnson')
    await userEvent.keyboard('{Home}')
    expect(activeName()).toBe('Ada Lovelace')
    await userEvent.keyboard('{PageDown}')
    expect(activeName()).toBe('Katherine Johnson')
    await userEvent.keyboard('{PageUp}')
    expect(activeName()).toBe('Ada Lovelace')
    await userEvent.keyboard('{Enter}')
    expect(selectedNames()).toEqual(['Ada Lovelace'])
    await userEvent.keyboard('{ArrowDown}[Space]')
    expect(selectedNames()).toEqual(['Alan Turing'])
    expect(onValueChange.mock.calls).toEqual([[['ada']], [['alan']]])
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ uid: 'alan' }))
    expect(option('Alan Turing').getAttribute('data-state')).toBe('selected')
  })

  it('toggles several in multiple mode, with the selection owned by the parent', async () => {
    const h = await harness()
    function Picker() {
      const [uids, setUids] = useState<string[]>(['grace'])
      return (
        <>
          <UserList selectionMode="multiple" value={uids} onValueChange={setUids} showFilters={false} />
          <output aria-label="picked">{uids.join(' ')}</output>
        </>
      )
    }
    render(<Picker />, { wrapper: h.wrapper })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    expect(listbox().getAttribute('aria-multiselectable')).toBe('true')
    expect(selectedNames()).toEqual(['Grace Hopper'])
    act(() => listbox().focus())
    // Focus lands on the selected user first.
    expect(activeName()).toBe('Grace Hopper')
    await userEvent.keyboard('{Home}[Space]{ArrowDown}{ArrowDown}{Enter}')
    expect(screen.getByRole('status', { name: 'picked' }).textContent).toBe('grace ada barbara')
    expect(selectedNames()).toEqual(['Ada Lovelace', 'Barbara Liskov', 'Grace Hopper'])
    await userEvent.keyboard('{Home}[Space]')
    expect(selectedNames()).toEqual(['Barbara Liskov', 'Grace Hopper'])
    await userEvent.click(option('Katherine Johnson'))
    expect(screen.getByRole('status', { name: 'picked' }).textContent).toBe('grace barbara katherine')
  })

  it('extends the selection with Shift+arrows and selects every loaded row with Ctrl+A (multiple mode)', async () => {
    const h = await harness()
    const onValueChange = vi.fn()
    renderList(h, { selectionMode: 'multiple', onValueChange, showFilters: false })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    act(() => listbox().focus())
    await userEvent.keyboard('{Home}[Space]{Shift>}{ArrowDown}{ArrowDown}{/Shift}')
    expect(activeName()).toBe('Barbara Liskov')
    expect(selectedNames()).toEqual(['Ada Lovelace', 'Alan Turing', 'Barbara Liskov'])
    // Back up over a selected row toggles it, as the APG listbox does.
    await userEvent.keyboard('{Shift>}{ArrowUp}{/Shift}')
    expect(selectedNames()).toEqual(['Ada Lovelace', 'Barbara Liskov'])
    await userEvent.keyboard('{Control>}a{/Control}')
    expect(selectedNames()).toHaveLength(6)
    expect(onValueChange).toHaveBeenLastCalledWith(['ada', 'barbara', 'alan', 'edsger', 'grace', 'katherine'])
    // Ctrl+A is no selection shortcut in single mode: nothing changes.
    cleanup()
    const single = vi.fn()
    renderList(h, { onValueChange: single, showFilters: false })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    act(() => listbox().focus())
    await userEvent.keyboard('{Control>}a{/Control}{Shift>}{ArrowDown}{/Shift}')
    expect(single).not.toHaveBeenCalled()
    expect(selectedNames()).toEqual([])
  })

  it('keeps a controlled value that the parent does not change', async () => {
    const h = await harness()
    const onValueChange = vi.fn()
    renderList(h, { value: ['alan'], onValueChange, showFilters: false })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    await userEvent.click(option('Grace Hopper'))
    expect(onValueChange).toHaveBeenCalledWith(['grace'])
    expect(selectedNames()).toEqual(['Alan Turing'])
  })

  it('starts from defaultValue when it owns the selection', async () => {
    const h = await harness()
    renderList(h, { defaultValue: ['edsger'], selectionMode: 'multiple', showFilters: false })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    expect(selectedNames()).toEqual(['Edsger Dijkstra'])
    await userEvent.click(option('Ada Lovelace'))
    expect(selectedNames()).toEqual(['Ada Lovelace', 'Edsger Dijkstra'])
  })

  it('jumps to the next name starting with the letters typed', async () => {
    const h = await harness()
    renderList(h, { showFilters: false })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const pause = () => act(() => vi.advanceTimersByTimeAsync(600))
    act(() => listbox().focus())
    await user.keyboard('g')
    expect(activeName()).toBe('Grace Hopper')
    // "gk" names nobody: the row stays.
    await user.keyboard('k')
    expect(activeName()).toBe('Grace Hopper')
    await pause()
    await user.keyboard('k')
    expect(activeName()).toBe('Katherine Johnson')
    await pause()
    await user.keyboard('a')
    expect(activeName()).toBe('Ada Lovelace')
    await pause()
    await user.keyboard('a')
    expect(activeName()).toBe('Alan Turing')
    await pause()
    // A run of letters names one user; a space inside it is part of the name, not a selection.
    await user.keyboard('ada[Space]l')
    expect(activeName()).toBe('Ada Lovelace')
    expect(selectedNames()).toEqual([])
  })
})

describe('UserList: loading, errors and custom rows', () => {
  it('shows loading until the first page comes', async () => {
    const h = await harness()
    h.gate.hold()
    renderList(h)
    expect(screen.getByRole('status').textContent).toBe('Loading users…')
    expect(screen.queryByRole('listbox')).toBeNull()
    h.gate.release()
    await waitFor(() => expect(options()).toHaveLength(6), slow)
  })

  it('shows an alert with Retry when the list fails, and loads on retry', async () => {
    const h = await harness()
    h.network.down = true
    renderList(h)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The users could not be loaded.')
    h.network.down = false
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('keeps loaded rows when a later page fails, and retries that page', async () => {
    const h = await harness(many(40), 'user-000')
    renderList(h, { perPage: 20, showFilters: false })
    await waitFor(() => expect(options().length).toBeGreaterThan(0), slow)
    h.network.down = true
    await userEvent.click(option('User 000'))
    await userEvent.keyboard('{End}')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('More users could not be loaded.')
    expect(option('User 019')).toBeTruthy()
    h.network.down = false
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    act(() => listbox().focus())
    await waitFor(async () => {
      await userEvent.keyboard('{End}')
      expect(activeName()).toBe('User 039')
    })
  })

  it('renders custom rows inside options it still owns', async () => {
    const h = await harness()
    renderList(h, {
      showFilters: false,
      renderRow: (user, state) => (
        <span>
          {user.uid}
          {state.selected ? ' (picked)' : ''}
          {state.active ? ' (here)' : ''} #{state.index}
        </span>
      ),
    })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    await userEvent.click(within(listbox()).getByRole('option', { name: 'grace #4' }))
    expect(within(listbox()).getByRole('option', { name: 'grace (picked) (here) #4' }).getAttribute('aria-selected')).toBe('true')
  })

  it('takes its strings from the labels prop, and className on the root', async () => {
    const h = await harness()
    const { container } = renderList(h, { className: 'mine', labels: { list: 'People', search: 'Find people' } })
    await waitFor(() => expect(options()).toHaveLength(6), slow)
    expect(screen.getByRole('listbox', { name: 'People' })).toBeTruthy()
    expect(screen.getByRole('searchbox', { name: 'Find people' })).toBeTruthy()
    const root = container.querySelector('[data-uk="user-list"]')
    expect(root?.classList.contains('mine')).toBe(true)
    expect(root?.querySelectorAll('[data-part="row"]')).toHaveLength(6)
  })
})
