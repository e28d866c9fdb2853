/** What every list of users says the same way: its search, filters, count and states (UserList, UsersTable). */
export interface UserFilterLabels {
  /** The search box's label. */
  search: string
  /** Instead of the users while nobody is signed in. */
  signedOut: string
  role: string
  anyRole: string
  /** A role as shown in the role filter (and its chip); `name` is its label on the server (else its id). */
  roleName: (role: string, name: string) => string
  status: string
  anyStatus: string
  online: string
  offline: string
  /** A row's badge for a deactivated user (lists that include them). */
  deactivated: string
  tags: string
  /** Said after the tags field's label: how to enter several. */
  tagsHint: string
  /** The label of the select that says how the tags match. */
  tagsMatch: string
  tagsMatchAny: string
  tagsMatchAll: string
  /** The chips of the filters in force. */
  activeFilters: string
  /** A chip's text; `value` is already as shown (`roleName(role)`, `online`/`offline`'s label, the tag). */
  filterChip: (kind: 'role' | 'status' | 'tag', value: string) => string
  /** A chip's remove button, named with its text. */
  removeFilter: (chip: string) => string
  clearFilters: string
  /** The accessible name of Clear all. */
  clearFiltersLabel: string
  loading: string
  /**
   * How many users match, announced when a search or filter settles; `shown` is `total` formatted for
   * the locale, followed by "+" when a broad search matched more than the server counts ("1,000+").
   */
  count: (total: number, shown: string) => string
  /** The empty state, with the search text when there is one. */
  empty: (search: string, filtered: boolean) => string
  retry: string
}

export const userFilterLabels: UserFilterLabels = {
  search: 'Search users',
  signedOut: 'Sign in to see users.',
  role: 'Role',
  anyRole: 'Any role',
  roleName: (_role, name) => name,
  status: 'Status',
  anyStatus: 'Any status',
  online: 'Online',
  offline: 'Offline',
  deactivated: 'Deactivated',
  tags: 'Tags',
  tagsHint: 'Separate tags with commas',
  tagsMatch: 'Match',
  tagsMatchAny: 'Any of these tags',
  tagsMatchAll: 'All of these tags',
  activeFilters: 'Active filters',
  filterChip: (kind, value) => (kind === 'role' ? `Role: ${value}` : kind === 'status' ? `Status: ${value}` : `Tag: ${value}`),
  removeFilter: (chip) => `Remove filter ${chip}`,
  clearFilters: 'Clear all',
  clearFiltersLabel: 'Clear all filters',
  loading: 'Loading users…',
  count: (total, shown) => (total === 1 ? '1 user' : `${shown} users`),
  empty: (search, filtered) => (search ? `No users match “${search}”` : filtered ? 'No users match these filters' : 'No users yet'),
  retry: 'Retry',
}

/** What a list of users' status region says: signed out, loading, the empty message, or the count. */
export function listAnnouncement(
  labels: UserFilterLabels,
  status: 'signed-out' | 'loading' | 'error' | 'empty' | 'ready',
  emptyMessage: string,
  total: number | undefined,
  capped: boolean,
  locale: string | undefined,
): string {
  if (status === 'signed-out') return labels.signedOut
  if (status === 'loading') return labels.loading
  if (status === 'empty') return emptyMessage
  // The count only: "loading more" on every page would make a chatty live region while scrolling.
  if (status === 'ready' && total !== undefined) return labels.count(total, `${new Intl.NumberFormat(locale).format(total)}${capped ? '+' : ''}`)
  return ''
}
