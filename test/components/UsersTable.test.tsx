import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UsersTable, type UsersTableProps } from '../../src/components/UsersTable/index.js'
import type { UseUsersTableResult } from '../../src/components/UsersTable/index.js'
import { createReactHarness, type ReactHarness } from '../react/harness.js'

afterEach(cleanup)

/** `User 00` … : `count` users whose names sort as their numbers. */
function many(count: number): { uid: string; name: string; tags?: string[] }[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index).padStart(2, '0')
    return { uid: `user-${number}`, name: `User ${number}`, ...(index % 3 === 0 ? { tags: ['three'] } : {}) }
  })
}

async function harness(count = 30): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed(...many(count))
  await h.loginAs('user-00')
  return h
}

const grid = (): HTMLElement => screen.getByRole('grid', { name: 'Users' })
const bodyRows = (): HTMLElement[] => within(grid()).getAllByRole('row').slice(1)
const names = (): string[] => bodyRows().map((row) => row.querySelector('[data-column="user"] bdi')?.textContent ?? '')
const listRequests = (h: ReactHarness): string[] => h.sent.filter((sent) => sent.method === 'GET' && sent.path.startsWith('/v3.0/users?')).map((sent) => sent.path)

function renderTable(h: ReactHarness, props: UsersTableProps = {}) {
  return render(<UsersTable searchDelayMs={0} {...props} />, { wrapper: h.wrapper })
}

describe('UsersTable', () => {
  it('shows a page of users as a grid, with its columns, and pages through the server', async () => {
    const h = await harness()
    renderTable(h)
    await waitFor(() => expect(bodyRows()).toHaveLength(25))
    expect(within(grid()).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      '',
      'User',
      'User ID',
      'Role',
      'Last active',
      'Status message',
      'Tags',
      'Created',
      'Updated',
    ])
    expect(grid()).toHaveAttribute('aria-rowcount', '31')
    expect(bodyRows()[0]).toHaveAttribute('aria-rowindex', '2')
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('30 users')
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }))
    await waitFor(() => expect(names()).toEqual(['User 25', 'User 26', 'User 27', 'User 28', 'User 29']))
    expect(listRequests(h).at(-1)).toContain('page=2')
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled()
  })

  it('sorts by a column on the server, ascending then descending, saying so with aria-sort', async () => {
    const h = await harness(5)
    const onSortChange = vi.fn()
    renderTable(h, { onSortChange })
    await waitFor(() => expect(bodyRows()).toHaveLength(5))
    const header = within(grid()).getByRole('columnheader', { name: 'User' })
    expect(header).toHaveAttribute('aria-sort', 'ascending')
    await userEvent.click(within(header).getByRole('button', { name: 'User' }))
    await waitFor(() => expect(names()).toEqual(['User 04', 'User 03', 'User 02', 'User 01', 'User 00']))
    expect(header).toHaveAttribute('aria-sort', 'descending')
    expect(listRequests(h).at(-1)).toMatch(/sortBy=name.*sortOrder=desc|sortOrder=desc.*sortBy=name/)
    expect(onSortChange).toHaveBeenLastCalledWith({ by: 'name', order: 'desc' })
    expect(within(grid()).getByRole('columnheader', { name: 'User ID' })).not.toHaveAttribute('aria-sort')
  })

  it('selects a page, then every matching user, for bulk actions that go by the filter', async () => {
    const h = await harness()
    const seen: UseUsersTableResult['state']['selection'][] = []
    renderTable(h, {
      defaultFilters: { tags: ['three'] },
      perPage: 5,
      renderBulkActions: (table) => {
        seen.push(table.state.selection)
        return <button type="button">Deactivate</button>
      },
    })
    await waitFor(() => expect(bodyRows()).toHaveLength(5))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select every user on this page' }))
    expect(screen.getByText('5 users selected')).toBeInTheDocument()
    expect(bodyRows().every((row) => row.getAttribute('aria-selected') === 'true')).toBe(true)
    await userEvent.click(screen.getByRole('button', { name: 'Select all 10 matching users' }))
    expect(screen.getByText('All 10 matching users selected')).toBeInTheDocument()
    expect(seen.at(-1)).toEqual({ kind: 'matching' })
    // A row unticked leaves the rest of the page, by uid.
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select User 00' }))
    expect(screen.getByText('4 users selected')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Clear selection' }))
    expect(screen.queryByText(/selected/)).toBeNull()
  })

  it('moves between cells with the keyboard as a grid, and selects with Space and Shift+Space', async () => {
    const h = await harness(6)
    renderTable(h)
    await waitFor(() => expect(bodyRows()).toHaveLength(6))
    const cells = () => within(grid()).getAllByRole('gridcell')
    const first = cells()[0] as HTMLElement
    // One cell in the tab order (the first header cell): the grid is one stop.
    const tabbable = [...grid().querySelectorAll<HTMLElement>('[tabindex="0"]')]
    expect(tabbable).toHaveLength(1)
    expect(tabbable[0]?.getAttribute('role')).toBe('columnheader')
    act(() => tabbable[0]?.focus())
    await userEvent.keyboard('{ArrowDown}')
    await waitFor(() => expect(document.activeElement).toBe(first))
    await userEvent.keyboard(' ')
    expect(bodyRows()[0]).toHaveAttribute('aria-selected', 'true')
    await userEvent.keyboard('{ArrowDown}{ArrowDown}')
    await waitFor(() => expect(document.activeElement?.closest('tr')).toBe(bodyRows()[2]))
    await userEvent.keyboard('{Shift>} {/Shift}')
    expect(bodyRows().map((row) => row.getAttribute('aria-selected'))).toEqual(['true', 'true', 'true', 'false', 'false', 'false'])
    await userEvent.keyboard('{End}')
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-column', 'updatedAt'))
    await userEvent.keyboard('{Control>}{Home}{/Control}')
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('columnheader'))
  })

  it('opens a user from their name, by click or Enter on the cell, when the app says how', async () => {
    const h = await harness(3)
    const onOpenUser = vi.fn()
    renderTable(h, { onOpenUser })
    await waitFor(() => expect(bodyRows()).toHaveLength(3))
    await userEvent.click(within(bodyRows()[1] as HTMLElement).getByRole('button', { name: 'User 01' }))
    expect(onOpenUser).toHaveBeenLastCalledWith(expect.objectContaining({ uid: 'user-01' }))
    const cell = (bodyRows()[2] as HTMLElement).querySelector<HTMLElement>('[data-column="user"]') as HTMLElement
    act(() => cell.focus())
    await userEvent.keyboard('{Enter}')
    expect(onOpenUser).toHaveBeenLastCalledWith(expect.objectContaining({ uid: 'user-02' }))
  })

  it('hides and shows columns from the columns menu', async () => {
    const h = await harness(3)
    renderTable(h, { columns: ['user', 'uid', 'tags'] })
    await waitFor(() => expect(bodyRows()).toHaveLength(3))
    await userEvent.click(screen.getByText('Columns', { selector: 'summary' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'User ID' }))
    expect(within(grid()).queryByRole('columnheader', { name: 'User ID' })).toBeNull()
    expect(within(grid()).getAllByRole('columnheader')).toHaveLength(3)
    await userEvent.click(screen.getByRole('checkbox', { name: 'User ID' }))
    expect(within(grid()).getByRole('columnheader', { name: 'User ID' })).toBeInTheDocument()
  })

  it('searches and filters on the server, back on page 1, with its state in the parent’s hands', async () => {
    const h = await harness()
    const onPageChange = vi.fn()
    const { rerender } = renderTable(h, { page: 2, onPageChange })
    await waitFor(() => expect(names()[0]).toBe('User 25'))
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search users' }), 'User 1')
    expect(onPageChange).toHaveBeenLastCalledWith(1)
    rerender(<UsersTable searchDelayMs={0} page={1} onPageChange={onPageChange} />)
    await waitFor(() => expect(names()).toEqual(['User 1', 'User 10', 'User 11', 'User 12', 'User 13', 'User 14', 'User 15', 'User 16', 'User 17', 'User 18', 'User 19'].filter((name) => name !== 'User 1')))
    expect(listRequests(h).at(-1)).toContain('searchKey=User')
  })

  it('filters by tags, any or all of them, shows a chip per filter in force, and removes one or all', async () => {
    const h = await harness(12)
    // Every third user is tagged "three"; every fourth also "four".
    for (const uid of ['user-00', 'user-04', 'user-08']) await h.admin.updateUser(uid, { tags: uid === 'user-04' ? ['four'] : ['three', 'four'] })
    const onFiltersChange = vi.fn()
    renderTable(h, { onFiltersChange })
    await waitFor(() => expect(bodyRows()).toHaveLength(12))
    const tags = screen.getByRole('textbox', { name: 'Tags' })
    expect(tags).toHaveAccessibleDescription('Separate tags with commas')
    await userEvent.type(tags, 'three, four')
    await waitFor(() => expect(names()).toEqual(['User 00', 'User 03', 'User 04', 'User 06', 'User 08', 'User 09']))
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Match' }), 'all')
    await waitFor(() => expect(names()).toEqual(['User 00', 'User 08']))
    expect(listRequests(h).at(-1)).toContain('tagsMatch=all')
    const chips = screen.getByRole('list', { name: 'Active filters' })
    expect(within(chips).getAllByRole('listitem').map((chip) => chip.firstChild?.textContent)).toEqual(['Tag: three', 'Tag: four'])
    await userEvent.click(within(chips).getByRole('button', { name: 'Remove filter Tag: three' }))
    // The field follows the chips, and focus goes back to the search box, not to <body>.
    expect(tags).toHaveValue('four')
    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Search users' })).toHaveFocus())
    await waitFor(() => expect(names()).toEqual(['User 00', 'User 04', 'User 08']))
    await userEvent.click(screen.getByRole('button', { name: 'Clear all filters' }))
    await waitFor(() => expect(bodyRows()).toHaveLength(12))
    expect(screen.queryByRole('list', { name: 'Active filters' })).toBeNull()
    expect(tags).toHaveValue('')
    expect(onFiltersChange).toHaveBeenLastCalledWith({})
  })

  it('says when nothing matches, and offers Retry when the server fails', async () => {
    const h = await harness(2)
    renderTable(h, { defaultSearch: 'nobody' })
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('No users match “nobody”'))
    cleanup()
    h.network.down = true
    renderTable(h, { defaultSearch: 'other' })
    const retry = await screen.findByRole('button', { name: 'Retry' }, { timeout: 8_000 })
    h.network.down = false
    await userEvent.click(retry)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('No users match “other”'))
  })
})
