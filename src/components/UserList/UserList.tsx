'use client'
import { useMemo, type HTMLAttributes, type ReactNode } from 'react'
import { useRoles } from '../../react/hooks/useRoles.js'
import type { User } from '../../model/index.js'
import { cx } from '../shared/cx.js'
import { UserListFilterBar } from './UserListFilterBar.js'
import { UserListItem } from './UserListItem.js'
import { UserListRows } from './UserListRows.js'
import { useUserList, type UseUserListOptions } from './useUserList.js'

/** What a custom row knows about itself. */
export interface UserListRowState {
  selected: boolean
  /** The row the keyboard is on. */
  active: boolean
  /** 0-based, among all matching users. */
  index: number
}

export interface UserListProps
  extends UseUserListOptions,
    Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'defaultValue' | 'onSelect' | 'onChange'> {
  /**
   * A row's content; the row itself (the option, its ARIA and selection) stays the list's.
   * @default avatar, name, status message or uid, presence
   * @example renderRow={(user, { selected }) => <>{user.name}{selected ? ' ✓' : ''}</>}
   */
  renderRow?: (user: User, state: UserListRowState) => ReactNode
  /** Shows the role, status and tags filters. @default true */
  showFilters?: boolean
  /** The roles offered in the role filter. @default every role the server knows (`useRoles`), by its label */
  roles?: readonly string[]
}

const SKELETON_ROWS = 5

/**
 * Users to search, filter and pick from: a virtualized listbox that loads pages as it scrolls,
 * with the keyboard (arrows, Home/End, Page Up/Down, Enter/Space, type-ahead) and single or
 * multiple selection.
 *
 * @example <UserList selectionMode="multiple" value={uids} onValueChange={setUids} />
 */
export function UserList({
  renderRow,
  showFilters = true,
  roles,
  className,
  search,
  defaultSearch,
  onSearchChange,
  filters,
  defaultFilters,
  onFiltersChange,
  query,
  selectionMode,
  value,
  defaultValue,
  onValueChange,
  onSelect,
  perPage,
  searchDelayMs,
  estimatedRowHeight,
  estimatedViewportHeight,
  overscan,
  labels: ownLabels,
  ...rest
}: UserListProps): ReactNode {
  const list = useUserList({
    search, defaultSearch, onSearchChange, filters, defaultFilters, onFiltersChange, query, selectionMode, value,
    defaultValue, onValueChange, onSelect, perPage, searchDelayMs, estimatedRowHeight, estimatedViewportHeight, overscan,
    labels: ownLabels,
  })
  const { labels, state } = list
  const known = useRoles({ enabled: showFilters })
  const roleChoices = useMemo(
    () =>
      roles
        ? roles.map((role) => ({ role, name: known.data?.find((entry) => entry.role === role)?.name ?? role }))
        : (known.data ?? []).map(({ role, name }) => ({ role, name })),
    [roles, known.data],
  )
  const { status } = state
  return (
    <div {...list.getRootProps({ ...rest, className: cx('uk-user-list', className) })}>
      <div data-part="toolbar">
        <div data-part="field">
          <label {...list.getSearchLabelProps()}>{labels.search}</label>
          <input {...list.getSearchProps()} />
        </div>
        {showFilters ? <UserListFilterBar list={list} roles={roleChoices} /> : null}
      </div>
      {status === 'ready' ? (
        <div {...list.getListboxProps()}>
          <UserListRows list={list}>
            {(row) => (
              <div key={row.user.uid} {...list.getOptionProps(row)}>
                {renderRow ? (
                  renderRow(row.user, { selected: row.selected, active: row.active, index: row.index })
                ) : (
                  <UserListItem user={row.user} labels={labels} />
                )}
              </div>
            )}
          </UserListRows>
        </div>
      ) : (
        <div data-part="panel" data-state={status}>
          {status === 'signed-out' ? <p data-part="empty" aria-hidden="true">{labels.signedOut}</p> : null}
          {status === 'loading'
            ? Array.from({ length: SKELETON_ROWS }, (_, index) => <div key={index} data-part="skeleton" aria-hidden="true" />)
            : null}
          {/* The status below says it to screen readers, as a live region. */}
          {status === 'empty' ? <p data-part="empty" aria-hidden="true">{state.emptyMessage}</p> : null}
          {status === 'error' ? (
            <div data-part="error" role="alert">
              <p>{labels.loadError}</p>
              <button {...list.getRetryProps()}>{labels.retry}</button>
            </div>
          ) : null}
        </div>
      )}
      {state.loadingMore ? (
        <p data-part="more" aria-hidden="true">
          {labels.loadingMore}
        </p>
      ) : null}
      {state.loadMoreFailed ? (
        <div data-part="error" role="alert">
          <p>{labels.loadMoreError}</p>
          <button {...list.getRetryProps()}>{labels.retry}</button>
        </div>
      ) : null}
      <p {...list.getStatusProps()}>{state.announcement}</p>
    </div>
  )
}
