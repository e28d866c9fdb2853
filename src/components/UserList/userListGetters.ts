import type {
  ButtonHTMLAttributes,
  ChangeEvent,
  HTMLAttributes,
  InputHTMLAttributes,
  FocusEvent,
  KeyboardEvent,
  LabelHTMLAttributes,
  MouseEvent,
  PointerEvent,
  RefObject,
  SelectHTMLAttributes,
} from 'react'
import type { User } from '../../model/index.js'
import { buttonPart } from '../kit/buttonPart.js'
import { focusSoon } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import { userListAnatomy as anatomy } from './userListAnatomy.js'
import { withoutFilter, type ActiveFilter } from '../shared/userFilters.js'
import type { UserListLabels } from './userListLabels.js'
import type { UserListQuery } from './useUserListQuery.js'
import type { UserListRow, UserListSelectionMode, UserListStatus } from './useUserList.js'
import type { UserListVirtualizerProps } from './useUserListVirtualizer.js'

type Data = Record<`data-${string}`, string | undefined>
declare const rowsProps: unique symbol
/** Opaque: what `UserListRows` hands to the virtualizer (virtua), which is not part of the API. */
export interface UserListRowsWindow {
  readonly [rowsProps]: true
}
/** A filter control of the list. */
export type UserListFilterName = 'role' | 'status' | 'tags' | 'tags-match'

export interface UserListGetters {
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): HTMLAttributes<HTMLDivElement> & Data
  getSearchLabelProps(props?: LabelHTMLAttributes<HTMLLabelElement>): LabelHTMLAttributes<HTMLLabelElement> & Data
  getSearchProps(props?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> & Data
  getFilterLabelProps(name: UserListFilterName, props?: LabelHTMLAttributes<HTMLLabelElement>): LabelHTMLAttributes<HTMLLabelElement> & Data
  /**
   * The role and status filters are selects (`''` for any); tags is a text input, and tags-match a
   * select of `any` (a user with any of the tags) or `all`.
   */
  getFilterProps(name: 'role' | 'status' | 'tags-match', props?: SelectHTMLAttributes<HTMLSelectElement>): SelectHTMLAttributes<HTMLSelectElement> & Data
  getFilterProps(name: 'tags', props?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> & Data
  /** A chip's remove button; its accessible name is `labels.removeFilter(text)`, its text "×". Focus goes to the search box. */
  getChipRemoveProps(chip: ActiveFilter, text: string, props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement> & Data
  /** Clears every filter (not the search), then focuses the search box. Its text is `labels.clearFilters`. */
  getClearFiltersProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement> & Data
  /** The tags field's hint, which the field names as its description. */
  getTagsHintProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & Data
  /** The scroll container and listbox in one: it holds the focus, rows are its options. */
  getListboxProps(
    props?: HTMLAttributes<HTMLDivElement>,
  ): HTMLAttributes<HTMLDivElement> & Data & { ref: (node: HTMLDivElement | null) => void }
  /** For `UserListRows` (inside the listbox): which rows to render, and where. */
  getRowsProps(): UserListRowsWindow
  getOptionProps(row: UserListRow, props?: HTMLAttributes<HTMLDivElement>): HTMLAttributes<HTMLDivElement> & Data
  /** A polite live region: its text is `state.announcement` (loading, the count of matches, the empty message). */
  getStatusProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & Data
  getRetryProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement> & Data
}

export interface UserListGetterInput {
  id: string
  labels: UserListLabels
  status: UserListStatus
  query: UserListQuery
  selectionMode: UserListSelectionMode
  activeUser: User | undefined
  listRef: RefObject<HTMLDivElement | null>
  pointerFocus: { current: boolean }
  virtualizerProps: UserListVirtualizerProps
  retry(): void
  onListFocus(byPointer: boolean): void
  onListKey(event: KeyboardEvent<HTMLDivElement>): void
  onRowPress(row: UserListRow): void
}

/** The uid is safe in an id: the server allows only `A-Z a-z 0-9 _ -`. */
export const userListOptionId = (listId: string, uid: string): string => `${listId}-option-${uid}`

export function userListGetters(input: UserListGetterInput): UserListGetters {
  const { id, labels, status, query, listRef } = input
  const listId = `${id}listbox`
  const fieldId = (name: string): string => `${id}${name}`
  const filterValue = { role: query.filters.role ?? '', status: query.filters.status ?? '', tags: query.tagsText, 'tags-match': query.filters.tagsMatch ?? 'any' }

  return {
    // data-searching: the theme dims the rows and shows a quiet progress line while a search is on its way.
    getRootProps: (props) => mergeProps({ ...anatomy.attrs('root'), 'data-state': status, 'data-searching': query.searching ? 'true' : undefined }, props),
    getSearchLabelProps: (props) => mergeProps({ ...anatomy.attrs('label'), htmlFor: fieldId('search') }, props),
    getSearchProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('search'),
          id: fieldId('search'),
          type: 'search',
          autoComplete: 'off',
          spellCheck: false,
          'aria-controls': status === 'ready' ? listId : undefined,
          value: query.search,
          onChange: (event: ChangeEvent<HTMLInputElement>) => query.setSearch(event.target.value),
          // Down from the search box goes into the results, as in a combobox.
          onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
            if (event.key !== 'ArrowDown' || !listRef.current) return
            event.preventDefault()
            listRef.current.focus()
          },
        },
        props,
      ),
    getFilterLabelProps: (name, props) => mergeProps({ ...anatomy.attrs('label'), htmlFor: fieldId(name) }, props),
    getFilterProps: ((name: UserListFilterName, props?: HTMLAttributes<HTMLElement>) =>
      mergeProps(
        {
          ...anatomy.attrs(`${name}-filter`),
          id: fieldId(name),
          value: filterValue[name],
          ...(name === 'tags' ? { type: 'text', autoComplete: 'off', 'aria-describedby': fieldId('tags-hint') } : {}),
          onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
            const value = event.target.value
            if (name === 'tags') query.setTagsText(value)
            else if (name === 'tags-match') query.setFilters({ ...query.filters, tagsMatch: value === 'all' ? 'all' : undefined })
            else query.setFilters({ ...query.filters, [name]: value === '' ? undefined : value })
          },
        },
        props,
      )) as UserListGetters['getFilterProps'],
    getChipRemoveProps: (chip, text, props) =>
      mergeProps(
        {
          ...buttonPart(anatomy.attrs('chip-remove'), () => {
            query.setFilters(withoutFilter(query.filters, chip))
            focusSoon(fieldId('search'))
          }),
          'aria-label': labels.removeFilter(text),
        },
        props,
      ),
    getClearFiltersProps: (props) =>
      mergeProps(
        {
          ...buttonPart(anatomy.attrs('clear-filters'), () => {
            query.setFilters({})
            focusSoon(fieldId('search'))
          }),
          'aria-label': labels.clearFiltersLabel,
        },
        props,
      ),
    getTagsHintProps: (props) => mergeProps({ ...anatomy.attrs('hint'), id: fieldId('tags-hint') }, props),
    getListboxProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('listbox'),
          'data-state': query.fetchingNextPage ? 'loading-more' : 'idle',
          id: listId,
          role: 'listbox',
          tabIndex: 0,
          'aria-label': labels.list,
          'aria-multiselectable': input.selectionMode === 'multiple' ? true : undefined,
          'aria-activedescendant': input.activeUser ? userListOptionId(listId, input.activeUser.uid) : undefined,
          'aria-busy': query.fetchingNextPage || query.searching || undefined,
          // Structure, not theme: the virtual rows need a positioned, scrolling box even when unstyled.
          style: { overflowY: 'auto', blockSize: 'var(--uk-user-list-height, 24rem)' },
          ref: (node: HTMLDivElement | null) => {
            listRef.current = node
          },
          // The focus that follows a press on the listbox is the pointer's: remembered for onFocus.
          onPointerDown: (event: PointerEvent<HTMLDivElement>) => {
            input.pointerFocus.current = event.currentTarget.ownerDocument.activeElement !== event.currentTarget
          },
          onFocus: (event: FocusEvent<HTMLDivElement>) => {
            if (event.target === event.currentTarget) input.onListFocus(input.pointerFocus.current)
            input.pointerFocus.current = false
          },
          onKeyDown: input.onListKey,
        },
        props,
      ) as ReturnType<UserListGetters['getListboxProps']>,
    getRowsProps: () => input.virtualizerProps as unknown as UserListRowsWindow,
    getOptionProps: (row, props) =>
      mergeProps(
        {
          ...anatomy.attrs('row'),
          'data-state': row.selected ? 'selected' : 'unselected',
          'data-active': row.active ? 'true' : undefined,
          // Muted by the theme: a deactivated user is listed, not gone, but cannot sign in.
          'data-deactivated': row.user.deactivatedAt !== undefined ? 'true' : undefined,
          'data-index': String(row.index),
          id: userListOptionId(listId, row.user.uid),
          role: 'option',
          'aria-selected': row.selected,
          'aria-setsize': query.total ?? -1,
          'aria-posinset': row.index + 1,
          onClick: (_event: MouseEvent<HTMLDivElement>) => input.onRowPress(row),
        },
        props,
      ),
    getStatusProps: (props) => mergeProps({ ...messagePart('status', anatomy.attrs('status')), 'data-state': status }, props),
    getRetryProps: (props) => mergeProps(buttonPart(anatomy.attrs('retry'), input.retry), props),
  }
}
