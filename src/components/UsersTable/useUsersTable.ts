'use client'
import { useId, useMemo, useRef, useState } from 'react'
import type { UsersFilter } from '../../client/index.js'
import type { User, UsersQueryInput } from '../../model/index.js'
import { useSignedIn } from '../../react/hooks/useSignedIn.js'
import { useUsers } from '../../react/hooks/useUsers.js'
import { useControllableState } from '../shared/useControllableState.js'
import { useDebouncedValue } from '../shared/useDebouncedValue.js'
import { useTagsText } from '../shared/useTagsText.js'
import { useLabels, useLocale } from '../shared/useLabels.js'
import { isFiltered, userListQuery, type UserListFilters, type UserSearchOptions } from '../shared/userFilters.js'
import { listAnnouncement } from '../shared/userFilterLabels.js'
import { usersTableGetters, type UsersTableGetters } from './usersTableGetters.js'
import { useUsersTableGrid } from './useUsersTableGrid.js'
import { usersTableLabels, type UsersTableColumnId, type UsersTableLabels } from './usersTableLabels.js'

/** The orders the server sorts by. */
export type UsersTableSortKey = 'name' | 'createdAt' | 'updatedAt' | 'lastActiveAt' | 'role'
export interface UsersTableSort {
  by: UsersTableSortKey
  order: 'asc' | 'desc'
}
/** Some users by uid, or every user the search and filters match (a bulk action then goes by the filter). */
export type UsersTableSelection = { kind: 'uids'; uids: readonly string[] } | { kind: 'matching' }
export type UsersTableDensity = 'comfortable' | 'compact'

/** A column: a built-in one by id, or the app's own (`header` its text; its cells are the app's). */
export interface UsersTableColumn {
  id: string
  header: string
  /** What sorting by this column asks the server for; unsortable without. */
  sortBy?: UsersTableSortKey | undefined
}

const builtInSort: Record<UsersTableColumnId, UsersTableSortKey | undefined> = {
  user: 'name',
  uid: undefined,
  role: 'role',
  presence: 'lastActiveAt',
  statusMessage: undefined,
  tags: undefined,
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
}
/** Every built-in column, in the default order. */
export const usersTableColumnIds = Object.keys(builtInSort) as UsersTableColumnId[]

export interface UseUsersTableOptions extends UserSearchOptions {
  /** The columns, in order: built-in ids or your own. @default every built-in column */
  columns?: readonly (UsersTableColumnId | UsersTableColumn)[] | undefined
  sort?: UsersTableSort | undefined
  /** @default by name, ascending */
  defaultSort?: UsersTableSort | undefined
  onSortChange?: ((sort: UsersTableSort) => void) | undefined
  /** 1-based. */
  page?: number | undefined
  defaultPage?: number | undefined
  onPageChange?: ((page: number) => void) | undefined
  /** Rows per page. @default 25 */
  perPage?: number | undefined
  defaultPerPage?: number | undefined
  onPerPageChange?: ((perPage: number) => void) | undefined
  selection?: UsersTableSelection | undefined
  defaultSelection?: UsersTableSelection | undefined
  onSelectionChange?: ((selection: UsersTableSelection) => void) | undefined
  hiddenColumns?: readonly string[] | undefined
  defaultHiddenColumns?: readonly string[] | undefined
  onHiddenColumnsChange?: ((hidden: readonly string[]) => void) | undefined
  density?: UsersTableDensity | undefined
  defaultDensity?: UsersTableDensity | undefined
  onDensityChange?: ((density: UsersTableDensity) => void) | undefined
  /** The app's own query under the search and filters (`{ withDeactivated: true }`, say). */
  query?: Omit<UsersQueryInput, 'page' | 'perPage' | 'searchKey' | 'sortBy' | 'sortOrder'> | undefined
  /** The pause in typing after which the search is sent. @default 250 */
  searchDelayMs?: number | undefined
  labels?: Partial<UsersTableLabels> | undefined
}

/** `signed-out`: nothing is sent; `loading`: the first page is on its way; `error`: it failed; `empty`: nothing matches. */
export type UsersTableStatus = 'signed-out' | 'loading' | 'error' | 'empty' | 'ready'

export interface UsersTableState {
  status: UsersTableStatus
  users: readonly User[]
  /** Matching users on the server; `undefined` before the first page. */
  total: number | undefined
  page: number
  pageCount: number
  perPage: number
  search: string
  filters: UserListFilters
  /** The tags field's text as typed. */
  tagsText: string
  sort: UsersTableSort
  selection: UsersTableSelection
  /** How many are selected (`total` when every matching user is). */
  selectedCount: number
  /** Every row on this page is selected (the header checkbox), or some are (it is mixed). */
  pageSelected: boolean | 'mixed'
  /** The visible columns, in order. */
  columns: readonly UsersTableColumn[]
  /** Every column, visible or not, for the columns menu. */
  allColumns: readonly UsersTableColumn[]
  hiddenColumns: readonly string[]
  density: UsersTableDensity
  /** What the status region says: loading, the count of matches, the empty message. */
  announcement: string
  emptyMessage: string
  /** The page shown answers an earlier search, sort or page while the next one loads. */
  fetching: boolean
  /** What the rows answer, as the server filters (search, filters, the app's query): a bulk action's or an export's target. */
  filter: UsersFilter
}

export interface UsersTableActions {
  setSearch(search: string): void
  setFilters(filters: UserListFilters): void
  /** Sorts by `by`: ascending first, then descending on the same column again. */
  sortBy(by: UsersTableSortKey): void
  setPage(page: number): void
  toggleRow(uid: string): void
  selectPage(selected: boolean): void
  selectMatching(): void
  clearSelection(): void
  /** Selects exactly these uids. */
  select(uids: readonly string[]): void
  toggleColumn(id: string): void
  setDensity(density: UsersTableDensity): void
  retry(): void
}


export interface UseUsersTableResult extends UsersTableGetters {
  state: UsersTableState
  actions: UsersTableActions
  labels: UsersTableLabels
  /** Whether the row of `uid` is selected. */
  isSelected(uid: string): boolean
}

/** The query's filter, without what only pages or sorts it. */
function withoutPaging({ perPage: _perPage, ...filter }: Omit<UsersQueryInput, 'page'>): UsersFilter {
  return filter as UsersFilter
}

const NO_FILTERS: UserListFilters = {}
const NONE: readonly string[] = []
const BY_NAME: UsersTableSort = { by: 'name', order: 'asc' }
const NOTHING: UsersTableSelection = { kind: 'uids', uids: [] }

/** The column as the table knows it: a built-in id gets its header from the labels and its sort. */
function resolveColumn(column: UsersTableColumnId | UsersTableColumn, labels: UsersTableLabels): UsersTableColumn {
  return typeof column === 'string' ? { id: column, header: labels.columnHeader[column], sortBy: builtInSort[column] } : column
}

/**
 * Users as a table an admin sorts, filters, pages and selects in bulk: the server does the search,
 * filters, sorting and paging, so ten thousand users keep the DOM to one page. Every piece of state
 * (search, filters, sort, page, selection, columns, density) is controllable, to keep it in the URL.
 *
 * @example const table = useUsersTable({ columns: ['user', 'role', 'createdAt'], perPage: 50 })
 */
export function useUsersTable(options: UseUsersTableOptions = {}): UseUsersTableResult {
  const labels = useLabels('usersTable', usersTableLabels, options.labels)
  const locale = useLocale()
  const signedIn = useSignedIn()
  const [search, setSearchNow] = useControllableState({ value: options.search, defaultValue: options.defaultSearch ?? '', onChange: options.onSearchChange })
  const [filters, setFiltersNow] = useControllableState({ value: options.filters, defaultValue: options.defaultFilters ?? NO_FILTERS, onChange: options.onFiltersChange })
  const [sort, setSort] = useControllableState({ value: options.sort, defaultValue: options.defaultSort ?? BY_NAME, onChange: options.onSortChange })
  const [page, setPageNow] = useControllableState({ value: options.page, defaultValue: options.defaultPage ?? 1, onChange: options.onPageChange })
  const [perPage, setPerPage] = useControllableState({ value: options.perPage, defaultValue: options.defaultPerPage ?? 25, onChange: options.onPerPageChange })
  const [selection, setSelection] = useControllableState({ value: options.selection, defaultValue: options.defaultSelection ?? NOTHING, onChange: options.onSelectionChange })
  const [hiddenColumns, setHidden] = useControllableState({ value: options.hiddenColumns, defaultValue: options.defaultHiddenColumns ?? NONE, onChange: options.onHiddenColumnsChange })
  const [density, setDensity] = useControllableState<UsersTableDensity>({ value: options.density, defaultValue: options.defaultDensity ?? 'comfortable', onChange: options.onDensityChange })
  const anchor = useRef<number | null>(null)
  const id = useId()

  // Typed text (search and tags) waits for a pause; picking a role or status applies at once.
  const typed = useDebouncedValue(JSON.stringify([search, filters.tags ?? []]), options.searchDelayMs ?? 250)
  const [settledSearch, settledTags] = JSON.parse(typed) as [string, string[]]
  const base = userListQuery(options.query ?? {}, settledSearch, { ...filters, tags: settledTags }, perPage)
  const input = { ...base, page, sortBy: sort.by, sortOrder: sort.order } as UsersQueryInput
  const result = useUsers(input)
  const users = result.data?.users ?? []
  const total = result.data?.pagination.total
  const pageCount = Math.max(1, Math.ceil((total ?? 0) / perPage))

  const allColumns = useMemo(() => (options.columns ?? usersTableColumnIds).map((column) => resolveColumn(column, labels)), [options.columns, labels])
  const columns = allColumns.filter((column) => !hiddenColumns.includes(column.id))
  const status: UsersTableStatus = !signedIn
    ? 'signed-out'
    : result.isPending
      ? 'loading'
      : result.isError && !result.data
        ? 'error'
        : users.length === 0
          ? 'empty'
          : 'ready'

  const selectedUids = selection.kind === 'uids' ? selection.uids : NONE
  const isSelected = (uid: string): boolean => selection.kind === 'matching' || selectedUids.includes(uid)
  const onPage = users.filter((user) => isSelected(user.uid)).length
  const pageSelected = users.length > 0 && onPage === users.length ? true : onPage > 0 ? 'mixed' : false
  const selectedCount = selection.kind === 'matching' ? (total ?? 0) : selectedUids.length
  const emptyMessage = labels.empty(settledSearch.trim(), isFiltered(filters))
  const announcement = listAnnouncement(labels, status, emptyMessage, total, result.data?.pagination.totalCapped === true, locale)

  // A new search, filter or sort starts on page 1, and a selection by uid stays what it was.
  const setSearch = (next: string): void => {
    setSearchNow(next)
    setPageNow(1)
  }
  const setFilters = (next: UserListFilters): void => {
    setFiltersNow(next)
    setPageNow(1)
    // "Every matching user" meant the old filter: it does not carry over to a new one.
    if (selection.kind === 'matching') setSelection(NOTHING)
  }
  const { tagsText, setTagsText } = useTagsText(filters, setFilters)
  const setPage = (next: number): void => setPageNow(Math.min(Math.max(1, next), pageCount))
  const setUids = (uids: readonly string[]): void => setSelection({ kind: 'uids', uids })
  const toggleRow = (uid: string): void => {
    if (selection.kind === 'matching') return setUids(users.map((user) => user.uid).filter((other) => other !== uid))
    setUids(selectedUids.includes(uid) ? selectedUids.filter((other) => other !== uid) : [...selectedUids, uid])
  }
  const selectPage = (selected: boolean): void => {
    const pageUids = users.map((user) => user.uid)
    if (!selected) return setUids(selection.kind === 'matching' ? [] : selectedUids.filter((uid) => !pageUids.includes(uid)))
    setUids([...selectedUids, ...pageUids.filter((uid) => !selectedUids.includes(uid))])
  }
  const actions: UsersTableActions = {
    setSearch,
    setFilters,
    sortBy: (by) => {
      setSort(sort.by === by ? { by, order: sort.order === 'asc' ? 'desc' : 'asc' } : { by, order: 'asc' })
      setPageNow(1)
    },
    setPage,
    toggleRow,
    selectPage,
    selectMatching: () => setSelection({ kind: 'matching' }),
    clearSelection: () => setUids([]),
    select: setUids,
    toggleColumn: (column) => setHidden(hiddenColumns.includes(column) ? hiddenColumns.filter((other) => other !== column) : [...hiddenColumns, column]),
    setDensity,
    retry: () => void result.refetch(),
  }

  // The grid's cells and keys; Space and Ctrl+A select, Page Up/Down turn the page.
  const grid = useUsersTableGrid(id, users.length, columns.length, {
    onSpace: (index, shift) => {
      const user = users[index]
      if (!user) return
      if (shift && anchor.current !== null) {
        // APG grid: Shift+Space selects from the last row chosen to this one.
        const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)]
        const range = users.slice(from, to + 1).map((other) => other.uid)
        return setUids([...selectedUids, ...range.filter((uid) => !selectedUids.includes(uid))])
      }
      anchor.current = index
      toggleRow(user.uid)
    },
    onSelectAll: () => selectPage(true),
    onPage: (step) => setPage(page + step),
  })

  return {
    state: {
      status,
      users,
      total,
      page,
      pageCount,
      perPage,
      search,
      filters,
      tagsText,
      sort,
      selection,
      selectedCount,
      pageSelected,
      columns,
      allColumns,
      hiddenColumns,
      density,
      announcement,
      emptyMessage,
      fetching: result.isFetching,
      filter: withoutPaging(base),
    },
    actions,
    labels,
    isSelected,
    ...usersTableGetters({
      id, labels, status, density, fetching: result.isFetching, search, setSearch, filters, setFilters, tagsText, setTagsText,
      hiddenColumns, actions, setDensity, total, columns, grid, sort, pageSelected, selectPage, page, pageCount, perPage,
      isSelected, anchor, users, toggleRow, setPage, setPerPage, setPageNow,
    }),
  }
}
