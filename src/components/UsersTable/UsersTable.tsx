'use client'
import { useMemo, type HTMLAttributes, type ReactNode } from 'react'
import type { User } from '../../model/index.js'
import { useRoles } from '../../react/hooks/useRoles.js'
import { Avatar } from '../Avatar/Avatar.js'
import { PresenceBadge } from '../PresenceBadge/PresenceBadge.js'
import { cx } from '../shared/cx.js'
import { FilterChips } from '../shared/FilterChips.js'
import { RoleStatusFilters } from '../shared/RoleStatusFilters.js'
import { TagFilters } from '../shared/TagFilters.js'
import { useLocale } from '../shared/useLabels.js'
import type { UsersTableLabels } from './usersTableLabels.js'
import { useUsersTable, type UseUsersTableOptions, type UsersTableColumn, type UseUsersTableResult } from './useUsersTable.js'

export interface UsersTableProps extends UseUsersTableOptions, Omit<HTMLAttributes<HTMLDivElement>, 'children' | 'defaultValue' | 'onChange'> {
  /**
   * A cell of one of your own columns, or one that replaces a built-in cell.
   * @example renderCell={(user, column) => column.id === 'plan' ? user.metadata?.plan : undefined}
   */
  renderCell?: (user: User, column: UsersTableColumn) => ReactNode | undefined
  /** Shown when rows are selected: your bulk actions, given the table (`state.selection`). */
  renderBulkActions?: (table: UseUsersTableResult) => ReactNode
  /** The roles in the role filter. @default every role the server knows */
  roles?: readonly string[]
  /** Makes each name a button that opens that user (in your editor, say). */
  onOpenUser?: (user: User) => void
}

const PER_PAGE = [25, 50, 100] as const

/** A built-in column's cell. */
function BuiltInCell({ user, column, labels, roleName, dates, onOpenUser }: { user: User; column: string; labels: UsersTableLabels; roleName: (role: string) => string; dates: Intl.DateTimeFormat; onOpenUser: ((user: User) => void) | undefined }): ReactNode {
  switch (column) {
    case 'user':
      return (
        <span data-part="user">
          <Avatar user={user} size="sm" />
          {onOpenUser ? (
            <button type="button" data-part="open" tabIndex={-1} onClick={() => onOpenUser(user)}>
              <bdi>{user.name}</bdi>
            </button>
          ) : (
            <bdi>{user.name}</bdi>
          )}
          {user.deactivatedAt !== undefined ? <span data-part="badge">{labels.deactivated}</span> : null}
        </span>
      )
    case 'uid':
      return <code>{user.uid}</code>
    case 'role':
      return roleName(user.role)
    case 'presence':
      return <PresenceBadge user={user} />
    case 'statusMessage':
      return user.statusMessage ? <bdi>{user.statusMessage}</bdi> : null
    case 'tags':
      return (user.tags ?? []).join(', ')
    case 'createdAt':
      return user.createdAt ? dates.format(user.createdAt * 1000) : null
    case 'updatedAt':
      return user.updatedAt ? dates.format(user.updatedAt * 1000) : null
    default:
      return null
  }
}

/**
 * Users as a table: search and filters, sortable columns (by the server), a page at a time, a
 * checkbox per row with "select all matching", a columns menu and density; the keyboard moves as
 * in a grid (arrows, Home/End, Space selects, Shift+Space a range).
 *
 * @example <UsersTable columns={['user', 'role', 'createdAt']} renderBulkActions={(table) => <MyActions table={table} />} />
 */
export function UsersTable({ renderCell, renderBulkActions, roles, onOpenUser, className, ...options }: UsersTableProps): ReactNode {
  const {
    columns, search, defaultSearch, onSearchChange, filters, defaultFilters, onFiltersChange, sort, defaultSort, onSortChange, page,
    defaultPage, onPageChange, perPage, defaultPerPage, onPerPageChange, selection, defaultSelection, onSelectionChange, hiddenColumns,
    defaultHiddenColumns, onHiddenColumnsChange, density, defaultDensity, onDensityChange, query, searchDelayMs, labels: own, ...rest
  } = options
  const table = useUsersTable({
    columns, search, defaultSearch, onSearchChange, filters, defaultFilters, onFiltersChange, sort, defaultSort, onSortChange, page,
    defaultPage, onPageChange, perPage, defaultPerPage, onPerPageChange, selection, defaultSelection, onSelectionChange, hiddenColumns,
    defaultHiddenColumns, onHiddenColumnsChange, density, defaultDensity, onDensityChange, query, searchDelayMs, labels: own,
  })
  const { state, labels } = table
  const known = useRoles()
  const locale = useLocale()
  const dates = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale])
  const roleName = (role: string): string => labels.roleName(role, known.data?.find((entry) => entry.role === role)?.name ?? role)
  const offered = roles ?? known.data?.map((entry) => entry.role) ?? []
  const formatted = new Intl.NumberFormat(locale).format(state.total ?? 0)
  return (
    <div {...table.getRootProps({ ...rest, className: cx('uk-users-table', className) })}>
      <div data-part="toolbar">
        <div data-part="field">
          <label {...table.getSearchLabelProps()}>{labels.search}</label>
          <input {...table.getSearchProps()} />
        </div>
        <RoleStatusFilters
          labels={labels}
          roles={offered.map((role) => ({ role, name: roleName(role) }))}
          getFilterLabelProps={table.getFilterLabelProps}
          getFilterProps={table.getFilterProps}
        />
        <TagFilters
          labels={labels}
          getFilterLabelProps={table.getFilterLabelProps}
          getTagsProps={table.getTagsFilterProps}
          getTagsHintProps={table.getTagsHintProps}
          getTagsMatchProps={() => table.getFilterProps('tags-match')}
        />
        <details data-part="columns">
          <summary>{labels.columns}</summary>
          <fieldset>
            <legend>{labels.columns}</legend>
            {state.allColumns.map((column) => (
              <label key={column.id}>
                <input {...table.getColumnToggleProps(column.id)} />
                {column.header}
              </label>
            ))}
          </fieldset>
        </details>
        <div data-part="field">
          <label data-part="label" htmlFor={table.getDensityProps().id}>{labels.density}</label>
          <select {...table.getDensityProps()}>
            <option value="comfortable">{labels.comfortable}</option>
            <option value="compact">{labels.compact}</option>
          </select>
        </div>
      </div>
      <FilterChips
        filters={state.filters}
        labels={labels}
        roleName={roleName}
        getChipRemoveProps={table.getChipRemoveProps}
        getClearFiltersProps={table.getClearFiltersProps}
      />
      {state.selectedCount > 0 ? (
        <div data-part="selection">
          <span>{labels.selected(state.selectedCount, state.selection.kind === 'matching')}</span>
          {state.selection.kind === 'uids' && state.pageSelected === true && (state.total ?? 0) > state.users.length ? (
            <button {...table.getSelectMatchingProps()}>{labels.selectMatching(formatted)}</button>
          ) : null}
          <button {...table.getClearSelectionProps()}>{labels.clearSelection}</button>
          {renderBulkActions?.(table)}
        </div>
      ) : null}
      {state.status === 'ready' ? (
        <div data-part="scroller">
          <table {...table.getTableProps()}>
            <thead>
              <tr data-part="header-row">
                <th {...table.getSelectionHeaderProps()}>
                  <input {...table.getSelectPageProps()} />
                </th>
                {state.columns.map((column) => (
                  <th key={column.id} {...table.getHeaderCellProps(column)}>
                    {column.sortBy ? <button {...table.getSortProps(column)}>{column.header}</button> : column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {state.users.map((user, index) => (
                <tr key={user.uid} {...table.getRowProps(user, index)}>
                  <td {...table.getCellProps(user, index, 'select')}>
                    <input {...table.getSelectRowProps(user)} />
                  </td>
                  {state.columns.map((column) => (
                    <td
                      key={column.id}
                      {...table.getCellProps(user, index, column, {
                        // Enter on the name's cell opens the user, as a click on the name does.
                        onKeyDown: (event) => {
                          if (event.key === 'Enter' && column.id === 'user' && onOpenUser) onOpenUser(user)
                        },
                      })}
                    >
                      {renderCell?.(user, column) ?? <BuiltInCell user={user} column={column.id} labels={labels} roleName={roleName} dates={dates} onOpenUser={onOpenUser} />}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div data-part="panel" data-state={state.status}>
          {state.status === 'error' ? (
            <div data-part="error" role="alert">
              <p>{labels.loadError}</p>
              <button {...table.getRetryProps()}>{labels.retry}</button>
            </div>
          ) : (
            // The status below says it to screen readers.
            <p data-part="empty" aria-hidden="true">
              {state.status === 'empty' ? state.emptyMessage : state.status === 'signed-out' ? labels.signedOut : labels.loading}
            </p>
          )}
        </div>
      )}
      {state.status === 'ready' ? (
        <div data-part="pager">
          <button {...table.getPreviousPageProps()}>{labels.previousPage}</button>
          <span data-part="page">{labels.page(state.page, state.pageCount)}</span>
          <button {...table.getNextPageProps()}>{labels.nextPage}</button>
          <label htmlFor={table.getPerPageProps().id}>{labels.perPage}</label>
          <select {...table.getPerPageProps()}>
            {PER_PAGE.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p {...table.getStatusProps()}>{state.announcement}</p>
    </div>
  )
}
