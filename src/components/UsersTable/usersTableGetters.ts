'use client'
import type { ChangeEvent, HTMLAttributes, InputHTMLAttributes, KeyboardEvent, RefObject, SelectHTMLAttributes } from 'react'
import type { User } from '../../model/index.js'
import { buttonPart } from '../kit/buttonPart.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { focusSoon } from '../kit/focusSoon.js'
import { withoutFilter, type ActiveFilter, type UserListFilters } from '../shared/userFilters.js'
import { usersTableAnatomy as anatomy } from './usersTableAnatomy.js'
import type { UsersTableLabels } from './usersTableLabels.js'
import type { UsersTableGrid } from './useUsersTableGrid.js'
import type { UsersTableActions, UsersTableColumn, UsersTableDensity, UsersTableSort, UsersTableStatus } from './useUsersTable.js'

type Props<T> = PartProps<T>

/** The parts' props of a UsersTable: the caller's props win (`mergeProps`), no getter carries text. */
export interface UsersTableGetters {
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): Props<HTMLAttributes<HTMLDivElement>>
  getSearchLabelProps(props?: HTMLAttributes<HTMLLabelElement>): Props<HTMLAttributes<HTMLLabelElement> & { htmlFor: string }>
  getSearchProps(props?: InputHTMLAttributes<HTMLInputElement>): Props<InputHTMLAttributes<HTMLInputElement>>
  getFilterLabelProps(name: 'role' | 'status' | 'tags' | 'tags-match', props?: HTMLAttributes<HTMLLabelElement>): Props<HTMLAttributes<HTMLLabelElement> & { htmlFor: string }>
  /** The role and status filters (`''` for any), and how the tags match (`any` or `all`). */
  getFilterProps(name: 'role' | 'status' | 'tags-match', props?: SelectHTMLAttributes<HTMLSelectElement>): Props<SelectHTMLAttributes<HTMLSelectElement>>
  getTagsFilterProps(props?: InputHTMLAttributes<HTMLInputElement>): Props<InputHTMLAttributes<HTMLInputElement>>
  getTagsHintProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  /** A filter chip's remove button; `text` is the chip's, for its accessible name. */
  getChipRemoveProps(chip: ActiveFilter, text: string, props?: HTMLAttributes<HTMLButtonElement>): Props<HTMLAttributes<HTMLButtonElement> & { type: 'button' }>
  getClearFiltersProps(props?: HTMLAttributes<HTMLButtonElement>): Props<HTMLAttributes<HTMLButtonElement> & { type: 'button' }>
  /** A checkbox in the columns menu; its label is the column's header. */
  getColumnToggleProps(id: string, props?: InputHTMLAttributes<HTMLInputElement>): Props<InputHTMLAttributes<HTMLInputElement>>
  getDensityProps(props?: SelectHTMLAttributes<HTMLSelectElement>): Props<SelectHTMLAttributes<HTMLSelectElement>>
  getSelectMatchingProps(props?: HTMLAttributes<HTMLButtonElement>): Props<HTMLAttributes<HTMLButtonElement> & { type: 'button' }>
  getClearSelectionProps(props?: HTMLAttributes<HTMLButtonElement>): Props<HTMLAttributes<HTMLButtonElement> & { type: 'button' }>
  /** The grid (APG): arrows between cells, Home/End, Ctrl+Home/End, Space selects, Shift+Space a range, Ctrl+A the page. */
  getTableProps(props?: HTMLAttributes<HTMLTableElement>): Props<HTMLAttributes<HTMLTableElement>>
  getHeaderCellProps(column: UsersTableColumn, props?: HTMLAttributes<HTMLTableCellElement>): Props<HTMLAttributes<HTMLTableCellElement>>
  /** The header's sort button, for a sortable column; its text is the header. */
  getSortProps(column: UsersTableColumn, props?: HTMLAttributes<HTMLButtonElement>): Props<HTMLAttributes<HTMLButtonElement> & { type: 'button' }>
  getSelectionHeaderProps(props?: HTMLAttributes<HTMLTableCellElement>): Props<HTMLAttributes<HTMLTableCellElement>>
  getSelectPageProps(props?: InputHTMLAttributes<HTMLInputElement>): Props<InputHTMLAttributes<HTMLInputElement>>
  getRowProps(user: User, index: number, props?: HTMLAttributes<HTMLTableRowElement>): Props<HTMLAttributes<HTMLTableRowElement>>
  /** A body cell; `column` is `'select'` for the checkbox cell. */
  getCellProps(user: User, index: number, column: UsersTableColumn | 'select', props?: HTMLAttributes<HTMLTableCellElement>): Props<HTMLAttributes<HTMLTableCellElement>>
  getSelectRowProps(user: User, props?: InputHTMLAttributes<HTMLInputElement>): Props<InputHTMLAttributes<HTMLInputElement>>
  getPreviousPageProps(props?: HTMLAttributes<HTMLButtonElement>): Props<HTMLAttributes<HTMLButtonElement> & { type: 'button' }>
  getNextPageProps(props?: HTMLAttributes<HTMLButtonElement>): Props<HTMLAttributes<HTMLButtonElement> & { type: 'button' }>
  getPerPageProps(props?: SelectHTMLAttributes<HTMLSelectElement>): Props<SelectHTMLAttributes<HTMLSelectElement>>
  getStatusProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  getRetryProps(props?: HTMLAttributes<HTMLButtonElement>): Props<HTMLAttributes<HTMLButtonElement> & { type: 'button' }>
}

/** What the getters read and call: the hook's state, setters and grid. */
export interface UsersTableGetterInput {
  id: string
  labels: UsersTableLabels
  status: UsersTableStatus
  density: UsersTableDensity
  fetching: boolean
  search: string
  setSearch(search: string): void
  filters: UserListFilters
  setFilters(filters: UserListFilters): void
  tagsText: string
  setTagsText(text: string): void
  hiddenColumns: readonly string[]
  actions: UsersTableActions
  setDensity(density: UsersTableDensity): void
  total: number | undefined
  columns: readonly UsersTableColumn[]
  grid: UsersTableGrid
  sort: UsersTableSort
  pageSelected: boolean | 'mixed'
  selectPage(selected: boolean): void
  page: number
  pageCount: number
  perPage: number
  isSelected(uid: string): boolean
  /** The row last chosen, where Shift+Space's range starts. */
  anchor: RefObject<number | null>
  users: readonly User[]
  toggleRow(uid: string): void
  setPage(page: number): void
  setPerPage(perPage: number): void
  setPageNow(page: number): void
}

export function usersTableGetters(input: UsersTableGetterInput): UsersTableGetters {
  const {
    id, labels, status, density, fetching, search, setSearch, filters, setFilters, tagsText, setTagsText, hiddenColumns, actions,
    setDensity, total, columns, grid, sort, pageSelected, selectPage, page, pageCount, perPage, isSelected, anchor, users,
    toggleRow, setPage, setPerPage, setPageNow,
  } = input
  const field = (name: string): string => `${id}-${name}`
  const button = (part: Parameters<typeof anatomy.attrs>[0], onClick: () => void) => buttonPart(anatomy.attrs(part), onClick)
  return {
    getRootProps: (props) =>
      mergeProps({ ...anatomy.attrs('root'), 'data-state': status, 'data-density': density, 'aria-busy': fetching || undefined }, props),
    getSearchLabelProps: (props) => mergeProps({ ...anatomy.attrs('label'), htmlFor: field('search') }, props),
    getSearchProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('search'),
          id: field('search'),
          type: 'search',
          autoComplete: 'off',
          value: search,
          onChange: (event: ChangeEvent<HTMLInputElement>) => setSearch(event.target.value),
        },
        props,
      ),
    getFilterLabelProps: (name, props) => mergeProps({ ...anatomy.attrs('label'), htmlFor: field(name) }, props),
    getFilterProps: (name, props) =>
      mergeProps(
        {
          ...anatomy.attrs(`${name}-filter`),
          id: field(name),
          value: name === 'tags-match' ? (filters.tagsMatch ?? 'any') : (filters[name] ?? ''),
          onChange: (event: ChangeEvent<HTMLSelectElement>) => {
            const value = event.target.value
            if (name === 'tags-match') setFilters({ ...filters, tagsMatch: value === 'all' ? 'all' : undefined })
            else setFilters({ ...filters, [name]: value || undefined })
          },
        },
        props,
      ),
    getTagsFilterProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('tags-filter'),
          id: field('tags'),
          type: 'text',
          autoComplete: 'off',
          'aria-describedby': field('tags-hint'),
          value: tagsText,
          onChange: (event: ChangeEvent<HTMLInputElement>) => setTagsText(event.target.value),
        },
        props,
      ),
    getTagsHintProps: (props) => mergeProps({ ...anatomy.attrs('hint'), id: field('tags-hint') }, props),
    getChipRemoveProps: (chip, text, props) =>
      mergeProps(
        {
          ...button('chip-remove', () => {
            setFilters(withoutFilter(filters, chip))
            focusSoon(field('search'))
          }),
          'aria-label': labels.removeFilter(text),
        },
        props,
      ),
    getClearFiltersProps: (props) =>
      mergeProps(
        {
          ...button('clear-filters', () => {
            setFilters({})
            focusSoon(field('search'))
          }),
          'aria-label': labels.clearFiltersLabel,
        },
        props,
      ),
    getColumnToggleProps: (column, props) =>
      mergeProps(
        {
          ...anatomy.attrs('column-toggle'),
          type: 'checkbox',
          checked: !hiddenColumns.includes(column),
          onChange: () => actions.toggleColumn(column),
        },
        props,
      ),
    getDensityProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('density'),
          id: field('density'),
          value: density,
          onChange: (event: ChangeEvent<HTMLSelectElement>) => setDensity(event.target.value === 'compact' ? 'compact' : 'comfortable'),
        },
        props,
      ),
    getSelectMatchingProps: (props) => mergeProps(button('select-matching', actions.selectMatching), props),
    getClearSelectionProps: (props) => mergeProps(button('clear-selection', actions.clearSelection), props),
    getTableProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('table'),
          role: 'grid',
          'aria-label': labels.table,
          'aria-rowcount': total === undefined ? -1 : total + 1,
          'aria-colcount': columns.length + 1,
          'aria-multiselectable': true,
          onKeyDown: grid.onKeyDown,
        },
        props,
      ),
    getSelectionHeaderProps: (props) => mergeProps({ ...anatomy.attrs('header-cell'), ...grid.cell(0, 0), role: 'columnheader' }, props),
    getHeaderCellProps: (column, props) => {
      const col = columns.indexOf(column) + 1
      const sorted = column.sortBy !== undefined && column.sortBy === sort.by
      return mergeProps(
        {
          ...anatomy.attrs('header-cell'),
          ...grid.cell(0, col),
          role: 'columnheader',
          'data-column': column.id,
          'aria-sort': sorted ? (sort.order === 'asc' ? 'ascending' : 'descending') : column.sortBy ? 'none' : undefined,
          onKeyDown: (event: KeyboardEvent<HTMLTableCellElement>) => {
            if ((event.key === 'Enter' || event.key === ' ') && column.sortBy) {
              event.preventDefault()
              event.stopPropagation()
              actions.sortBy(column.sortBy)
            }
          },
        } as HTMLAttributes<HTMLTableCellElement>,
        props,
      )
    },
    getSortProps: (column, props) =>
      mergeProps({ ...button('sort', () => column.sortBy && actions.sortBy(column.sortBy)), tabIndex: -1, 'data-column': column.id }, props),
    getSelectPageProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('select-page'),
          type: 'checkbox',
          tabIndex: -1,
          'aria-label': labels.selectPage,
          checked: pageSelected === true,
          'aria-checked': pageSelected,
          ref: (node: HTMLInputElement | null) => {
            if (node) node.indeterminate = pageSelected === 'mixed'
          },
          onChange: () => selectPage(pageSelected !== true),
        } as InputHTMLAttributes<HTMLInputElement>,
        props,
      ),
    getRowProps: (user, index, props) =>
      mergeProps(
        {
          ...anatomy.attrs('row'),
          'aria-rowindex': (page - 1) * perPage + index + 2,
          'aria-selected': isSelected(user.uid),
          'data-state': isSelected(user.uid) ? 'selected' : undefined,
          'data-deactivated': user.deactivatedAt !== undefined ? 'true' : undefined,
        },
        props,
      ),
    getCellProps: (_user, index, column, props) => {
      const col = column === 'select' ? 0 : columns.indexOf(column) + 1
      return mergeProps({ ...anatomy.attrs('cell'), ...grid.cell(index + 1, col), role: 'gridcell', 'data-column': column === 'select' ? 'select' : column.id }, props)
    },
    getSelectRowProps: (user, props) =>
      mergeProps(
        {
          ...anatomy.attrs('select-row'),
          type: 'checkbox',
          tabIndex: -1,
          'aria-label': labels.selectRow(user.name),
          checked: isSelected(user.uid),
          onChange: () => {
            anchor.current = users.indexOf(user)
            toggleRow(user.uid)
          },
        },
        props,
      ),
    getPreviousPageProps: (props) => mergeProps({ ...button('previous-page', () => setPage(page - 1)), disabled: page <= 1 }, props),
    getNextPageProps: (props) => mergeProps({ ...button('next-page', () => setPage(page + 1)), disabled: page >= pageCount }, props),
    getPerPageProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('per-page'),
          id: field('per-page'),
          value: String(perPage),
          onChange: (event: ChangeEvent<HTMLSelectElement>) => {
            setPerPage(Number(event.target.value))
            setPageNow(1)
          },
        },
        props,
      ),
    getStatusProps: (props) => mergeProps({ ...messagePart('status', anatomy.attrs('status')), 'data-visually-hidden': '' }, props),
    getRetryProps: (props) => mergeProps(button('retry', actions.retry), props),
  }
}
