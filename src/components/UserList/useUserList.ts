'use client'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { User } from '../../model/index.js'
import { useSignedIn } from '../../react/hooks/useSignedIn.js'
import { listAnnouncement } from '../shared/userFilterLabels.js'
import { useControllableState } from '../shared/useControllableState.js'
import { useLabels, useLocale } from '../shared/useLabels.js'
import { isFiltered, type UserListFilters } from '../shared/userFilters.js'
import { userListLabels, type UserListLabels } from './userListLabels.js'
import { findByPrefix, indexForKey } from './userListKeys.js'
import { useTypeAhead } from './useTypeAhead.js'
import { useUserListQuery, type UserListQueryOptions } from './useUserListQuery.js'
import { useUserListVirtualizer } from './useUserListVirtualizer.js'
import { userListGetters, type UserListGetters } from './userListGetters.js'

export type UserListSelectionMode = 'single' | 'multiple'
/** `signed-out` while nobody is (nothing is sent); `loading` before the first page; `error` when it failed; `empty` when nothing matches. */
export type UserListStatus = 'signed-out' | 'loading' | 'error' | 'empty' | 'ready'

export interface UseUserListOptions extends Partial<Omit<UserListQueryOptions, 'perPage' | 'searchDelayMs'>> {
  /**
   * One selected user at a time, or any number (`aria-multiselectable`).
   * @default 'single'
   */
  selectionMode?: UserListSelectionMode
  /** The selected uids, when the parent owns the selection. @example value={['ada']} */
  value?: string[] | undefined
  /** The selected uids at first, when the list owns the selection. @default [] */
  defaultValue?: string[] | undefined
  /** Called with the new selected uids. */
  onValueChange?: ((uids: string[]) => void) | undefined
  /** Called when a row is chosen (click, Enter or Space), after the selection changed. */
  onSelect?: ((user: User) => void) | undefined
  /** Users per request. @default 50 */
  perPage?: number
  /** The pause in typing after which the search is sent. @default 250 */
  searchDelayMs?: number
  /** A row's height in px before it is measured. @default 56 */
  estimatedRowHeight?: number
  /** The list's height in px where there is no layout to measure (server render, jsdom). @default 384 */
  estimatedViewportHeight?: number
  /** Rows rendered beyond each edge of the visible ones. @default 6 */
  overscan?: number
  labels?: Partial<UserListLabels> | undefined
}

/** A loaded user as a row of the listbox. */
export interface UserListRow {
  user: User
  /** 0-based, among all matching users. */
  index: number
  selected: boolean
  active: boolean
}

export interface UserListState {
  status: UserListStatus
  /** What the empty state says: the search text, or that filters match nobody. */
  emptyMessage: string
  /** What the status region says: loading, the count of matches, the empty message. */
  announcement: string
  search: string
  filters: UserListFilters
  /** Every loaded user, in order. */
  users: readonly User[]
  /** How many users match on the server; `undefined` until the first page. */
  total: number | undefined
  /** More than `total` match: the server stopped counting a broad search there. */
  totalCapped: boolean
  selected: string[]
  activeUid: string | undefined
  loadingMore: boolean
  /** A new search or filter is on its way: the rows shown answer the previous one. */
  searching: boolean
  loadMoreFailed: boolean
}

export interface UserListActions {
  setSearch(search: string): void
  setFilters(filters: UserListFilters): void
  /** Chooses a user as a click would: toggles it (multiple) or makes it the one (single). */
  select(user: User): void
  /** Loads again what failed: the first page, or the next one. */
  retry(): void
}

export interface UseUserListResult extends UserListGetters {
  state: UserListState
  /** The row of the `index`th loaded user, for `getOptionProps`; `UserListRows` calls it for the rows in view. */
  rowAt(index: number): UserListRow | undefined
  actions: UserListActions
  labels: UserListLabels
}

const NONE: string[] = []

/**
 * A searchable, filterable, virtualized listbox of users: state, server queries, selection,
 * keyboard and prop getters. Markup is the caller's (see `UserList`).
 *
 * @example const list = useUserList({ selectionMode: 'multiple', onValueChange: setUids })
 */
export function useUserList(options: UseUserListOptions = {}): UseUserListResult {
  const {
    selectionMode = 'single',
    perPage = 50,
    searchDelayMs = 250,
    estimatedRowHeight = 56,
    estimatedViewportHeight = 384,
    overscan = 6,
  } = options
  const labels = useLabels('userList', userListLabels, options.labels)
  const locale = useLocale()
  const query = useUserListQuery({ ...options, perPage, searchDelayMs })
  const { users } = query
  const [selected, setSelected] = useControllableState({
    value: options.value,
    defaultValue: options.defaultValue ?? NONE,
    onChange: options.onValueChange,
  })
  const [activeUid, setActiveUid] = useState<string | undefined>(undefined)
  const indexOf = useMemo(() => new Map(users.map((user, index) => [user.uid, index])), [users])
  const activeIndex = activeUid === undefined ? -1 : (indexOf.get(activeUid) ?? -1)

  const { virtualizerProps, listRef, visible, scrollToIndex } = useUserListVirtualizer({
    users,
    activeIndex,
    queryKey: query.queryKey,
    estimatedRowHeight,
    estimatedViewportHeight,
    overscan,
  })
  const nearEnd = visible.last >= users.length - 1 - overscan
  const { hasNextPage, fetchingNextPage, nextPageFailed, fetchNextPage } = query
  useEffect(() => {
    // A failed page waits for Retry rather than being asked for again on every scroll.
    if (nearEnd && hasNextPage && !fetchingNextPage && !nextPageFailed) fetchNextPage()
  }, [nearEnd, hasNextPage, fetchingNextPage, nextPageFailed, fetchNextPage])

  const selectedSet = useMemo(() => new Set(selected), [selected])
  // A selection the parent made (a user just created, say) is scrolled into view once loaded; one
  // made here, by click or key, already is.
  const chosenHere = useRef<string | undefined>(undefined)
  const lastSelected = selected[selected.length - 1]
  const lastSelectedIndex = lastSelected === undefined ? -1 : (indexOf.get(lastSelected) ?? -1)
  useEffect(() => {
    if (lastSelected !== chosenHere.current && lastSelectedIndex >= 0) scrollToIndex(lastSelectedIndex)
  }, [lastSelected, lastSelectedIndex])
  const select = (user: User): void => {
    chosenHere.current = user.uid
    setSelected((previous) => {
      if (selectionMode === 'multiple') {
        return previous.includes(user.uid) ? previous.filter((uid) => uid !== user.uid) : [...previous, user.uid]
      }
      return previous.length === 1 && previous[0] === user.uid ? previous : [user.uid]
    })
    options.onSelect?.(user)
  }
  const moveTo = (index: number): void => {
    const user = users[index]
    if (!user) return
    setActiveUid(user.uid)
    scrollToIndex(index)
  }
  const typeAhead = useTypeAhead()
  const names = useMemo(() => users.map((user) => user.name), [users])

  const signedIn = useSignedIn()
  const status: UserListStatus = !signedIn
    ? 'signed-out'
    : query.pending
      ? 'loading'
      : users.length > 0
        ? 'ready'
        : query.error
          ? 'error'
          : 'empty'
  const rowAt = (index: number): UserListRow | undefined => {
    const user = users[index]
    return user && { user, index, selected: selectedSet.has(user.uid), active: index === activeIndex }
  }

  const emptyMessage = labels.empty(query.settledSearch.trim(), isFiltered(query.filters))
  const total = query.total ?? users.length
  const announcement = listAnnouncement(labels, status, emptyMessage, total, query.totalCapped, locale)
  const retry = (): void => (query.nextPageFailed ? query.fetchNextPage() : void query.refetch())
  const id = useId()
  const pointerFocus = useRef(false)
  const getters = userListGetters({
    id,
    labels,
    status,
    query,
    selectionMode,
    activeUser: users[activeIndex],
    listRef,
    pointerFocus,
    virtualizerProps,
    retry,
    // From the keyboard: the selected user if loaded, else the first row in view (no jump).
    // A click sets the active row itself; scrolling here would move the row away from the pointer.
    onListFocus: (byPointer) => {
      if (byPointer || activeIndex >= 0 || users.length === 0) return
      const selectedIndex = selected.map((uid) => indexOf.get(uid) ?? -1).find((index) => index >= 0)
      moveTo(selectedIndex ?? visible.first)
    },
    onListKey: (event) => {
      const multiple = selectionMode === 'multiple'
      // APG listbox, multiple selection: Ctrl/Cmd+A selects every option; the loaded ones are all the list has.
      if (multiple && (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
        event.preventDefault()
        setSelected((previous) => {
          const all = [...previous, ...users.map((user) => user.uid).filter((uid) => !previous.includes(uid))]
          chosenHere.current = all[all.length - 1]
          return all
        })
        return
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return
      const pageSize = Math.max(1, Math.floor((listRef.current?.clientHeight || estimatedViewportHeight) / estimatedRowHeight))
      const next = indexForKey(event.key, activeIndex, users.length, pageSize)
      if (next !== undefined) {
        event.preventDefault()
        moveTo(next)
        // APG: Shift+Up/Down moves and toggles the option it lands on, so a run of them extends the selection.
        const landed = users[next]
        if (multiple && event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && landed && next !== activeIndex) select(landed)
        return
      }
      const user = users[activeIndex]
      if (event.key === 'Enter' || (event.key === ' ' && !typeAhead.typing())) {
        event.preventDefault()
        if (user) select(user)
        return
      }
      if (Array.from(event.key).length === 1) {
        event.preventDefault()
        const found = findByPrefix(names, typeAhead.push(event.key), activeIndex, locale)
        if (found >= 0) moveTo(found)
      }
    },
    onRowPress: (row) => {
      setActiveUid(row.user.uid)
      select(row.user)
    },
  })

  return {
    ...getters,
    rowAt,
    state: {
      status,
      emptyMessage,
      announcement,
      search: query.search,
      filters: query.filters,
      users,
      total: query.total,
      totalCapped: query.totalCapped,
      selected,
      activeUid: users[activeIndex]?.uid,
      loadingMore: query.fetchingNextPage,
      searching: query.searching,
      loadMoreFailed: query.nextPageFailed,
    },
    actions: { setSearch: query.setSearch, setFilters: query.setFilters, select, retry },
    labels,
  }
}
