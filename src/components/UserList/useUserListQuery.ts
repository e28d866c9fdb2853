'use client'
import { useMemo } from 'react'
import type { User, UserkitError, UsersQueryInput } from '../../model/index.js'
import { useInfiniteUsers } from '../../react/index.js'
import { useControllableState } from '../shared/useControllableState.js'
import { useDebouncedValue } from '../shared/useDebouncedValue.js'
import { useTagsText } from '../shared/useTagsText.js'
import { userListQuery, type UserListFilters, type UserSearchOptions } from '../shared/userFilters.js'

export interface UserListQueryOptions extends UserSearchOptions {
  query?: Omit<UsersQueryInput, 'page' | 'perPage' | 'searchKey'> | undefined
  perPage: number
  searchDelayMs: number
}

export interface UserListQuery {
  search: string
  setSearch(search: string): void
  /** The search text the shown users answer, once typing has paused. */
  settledSearch: string
  filters: UserListFilters
  setFilters(filters: UserListFilters): void
  /** The tags field's text: what the user typed, while it still means the filter's tags. */
  tagsText: string
  setTagsText(text: string): void
  /** Changes when the server query does (a new search or filter). */
  queryKey: string
  users: readonly User[]
  /** Matching users on the server, from the last page's pagination; `undefined` before one came. */
  total: number | undefined
  /** The server stopped counting a broad search at `total`: more match ("1,000+"). */
  totalCapped: boolean
  pending: boolean
  /** The shown users may not answer what is typed now: typing has not paused, or the answer is on its way. */
  searching: boolean
  error: UserkitError | null
  hasNextPage: boolean
  fetchingNextPage: boolean
  nextPageFailed: boolean
  fetchNextPage(): void
  refetch(): void
}

const NO_FILTERS: UserListFilters = {}

/** The search text and filters (each controllable), debounced into `useInfiniteUsers`. */
export function useUserListQuery(options: UserListQueryOptions): UserListQuery {
  const [search, setSearch] = useControllableState({
    value: options.search,
    defaultValue: options.defaultSearch ?? '',
    onChange: options.onSearchChange,
  })
  const [filters, setFilters] = useControllableState({
    value: options.filters,
    defaultValue: options.defaultFilters ?? NO_FILTERS,
    onChange: options.onFiltersChange,
  })
  const { tagsText, setTagsText } = useTagsText(filters, setFilters)

  // Typed text (search and tags) waits for a pause; picking a role or status applies at once.
  const typed = useDebouncedValue(JSON.stringify([search, filters.tags ?? []]), options.searchDelayMs)
  const [settledSearch, settledTags] = JSON.parse(typed) as [string, string[]]
  const queryInput = userListQuery(options.query ?? {}, settledSearch, { ...filters, tags: settledTags }, options.perPage)
  const result = useInfiniteUsers(queryInput)
  const { data } = result

  const users = useMemo(() => {
    const seen = new Set<string>()
    const all: User[] = []
    // Offset pages can overlap when users are added meanwhile: a uid is shown once.
    for (const page of data?.pages ?? []) {
      for (const user of page.users) {
        if (seen.has(user.uid)) continue
        seen.add(user.uid)
        all.push(user)
      }
    }
    return all
  }, [data])
  const lastPage = data?.pages[data.pages.length - 1]

  return {
    search,
    setSearch,
    settledSearch,
    filters,
    setFilters,
    tagsText,
    setTagsText,
    queryKey: JSON.stringify(queryInput),
    users,
    total: lastPage?.pagination.total,
    totalCapped: lastPage?.pagination.totalCapped === true,
    pending: result.isPending,
    searching: typed !== JSON.stringify([search, filters.tags ?? []]) || (result.isFetching && !result.isPending && !result.isFetchingNextPage),
    error: result.error,
    hasNextPage: result.hasNextPage,
    fetchingNextPage: result.isFetchingNextPage,
    nextPageFailed: result.isFetchNextPageError,
    // Never restarts a page already on its way (the default would cancel and ask again).
    fetchNextPage: () => void result.fetchNextPage({ cancelRefetch: false }),
    refetch: () => void result.refetch(),
  }
}
