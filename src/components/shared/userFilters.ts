import type { UsersQueryInput } from '../../model/index.js'

/** What the list is narrowed to besides the search text. */
export interface UserListFilters {
  /** One role; `undefined` for any. */
  role?: string | undefined
  /** Presence; `undefined` for any. */
  status?: 'online' | 'offline' | undefined
  /** Users with at least one of these tags; empty or `undefined` for any. */
  tags?: readonly string[] | undefined
  /** `all`: users with every one of `tags`. @default 'any' */
  tagsMatch?: 'any' | 'all' | undefined
}

/** A list's search text and filters, each the parent's to own (`value` + `onChange`) or the list's. */
export interface UserSearchOptions {
  search?: string | undefined
  defaultSearch?: string | undefined
  onSearchChange?: ((search: string) => void) | undefined
  filters?: UserListFilters | undefined
  defaultFilters?: UserListFilters | undefined
  onFiltersChange?: ((filters: UserListFilters) => void) | undefined
}

/** One active filter, as a removable chip shows it. */
export type ActiveFilter = { kind: 'role'; value: string } | { kind: 'status'; value: 'online' | 'offline' } | { kind: 'tag'; value: string }

/** The filters in force, one chip each (every tag its own). */
export function activeFilters(filters: UserListFilters): ActiveFilter[] {
  return [
    ...(filters.role !== undefined ? [{ kind: 'role' as const, value: filters.role }] : []),
    ...(filters.status !== undefined ? [{ kind: 'status' as const, value: filters.status }] : []),
    ...(filters.tags ?? []).map((value) => ({ kind: 'tag' as const, value })),
  ]
}

/** `filters` without `chip`. */
export function withoutFilter(filters: UserListFilters, chip: ActiveFilter): UserListFilters {
  if (chip.kind === 'role') return { ...filters, role: undefined }
  if (chip.kind === 'status') return { ...filters, status: undefined }
  return { ...filters, tags: (filters.tags ?? []).filter((tag) => tag !== chip.value) }
}

/** `research, nasa ,` → `['research', 'nasa']`. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0)
}

export function sameTags(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = a ?? []
  const right = b ?? []
  return left.length === right.length && left.every((tag, index) => tag === right[index])
}

export function isFiltered(filters: UserListFilters): boolean {
  return filters.role !== undefined || filters.status !== undefined || (filters.tags?.length ?? 0) > 0
}

/** The server query for a search text and filters, with the app's own query under them. */
export function userListQuery(
  base: Omit<UsersQueryInput, 'page'>,
  search: string,
  filters: UserListFilters,
  perPage: number,
): Omit<UsersQueryInput, 'page'> {
  const query: Omit<UsersQueryInput, 'page'> = { ...base, perPage }
  const searchKey = search.trim()
  if (searchKey) query.searchKey = searchKey
  if (filters.role !== undefined) query.role = filters.role
  if (filters.status !== undefined) query.status = filters.status
  if (filters.tags && filters.tags.length > 0) {
    query.tags = [...filters.tags]
    if (filters.tagsMatch === 'all') query.tagsMatch = 'all'
  }
  return query
}
