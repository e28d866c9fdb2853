import type { Virtualizer } from '@tanstack/react-virtual'
import type {
  ButtonHTMLAttributes,
  ChangeEvent,
  HTMLAttributes,
  InputHTMLAttributes,
  KeyboardEvent,
  LabelHTMLAttributes,
  MouseEvent,
  RefObject,
  SelectHTMLAttributes,
} from 'react'
import type { User } from '../../model/index.js'
import { composeEventHandlers } from '../shared/composeEventHandlers.js'
import { buttonProps, messageProps } from '../shared/partProps.js'
import type { UserListLabels } from './userListLabels.js'
import type { UserListQuery } from './useUserListQuery.js'
import type { UserListRow, UserListSelectionMode, UserListState } from './useUserList.js'

type Data = Record<`data-${string}`, string | undefined>
/** A filter control of the list. */
export type UserListFilterName = 'role' | 'status' | 'tags'

export interface UserListGetters {
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): HTMLAttributes<HTMLDivElement> & Data
  getSearchLabelProps(props?: LabelHTMLAttributes<HTMLLabelElement>): LabelHTMLAttributes<HTMLLabelElement> & Data
  getSearchProps(props?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> & Data
  getFilterLabelProps(name: UserListFilterName, props?: LabelHTMLAttributes<HTMLLabelElement>): LabelHTMLAttributes<HTMLLabelElement> & Data
  /** The role and status filters are selects (`''` for any); tags is a text input. */
  getFilterProps(name: 'role' | 'status', props?: SelectHTMLAttributes<HTMLSelectElement>): SelectHTMLAttributes<HTMLSelectElement> & Data
  getFilterProps(name: 'tags', props?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> & Data
  /** The tags field's hint, which the field names as its description. */
  getTagsHintProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & Data
  /** The scroll container and listbox in one: it holds the focus, rows are its options. */
  getListboxProps(
    props?: HTMLAttributes<HTMLDivElement>,
  ): HTMLAttributes<HTMLDivElement> & Data & { ref: (node: HTMLDivElement | null) => void }
  /** Inside the listbox, the rows' box: as tall as all loaded rows, so the scrollbar is true. */
  getRowsProps(props?: HTMLAttributes<HTMLDivElement>): HTMLAttributes<HTMLDivElement> & Data
  getOptionProps(
    row: UserListRow,
    props?: HTMLAttributes<HTMLDivElement>,
  ): HTMLAttributes<HTMLDivElement> & Data & { ref: (node: HTMLDivElement | null) => void }
  /** A polite live region: loading, the count of matches, the empty message. */
  getStatusProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & Data
  getRetryProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement> & Data
}

export interface UserListGetterInput {
  id: string
  labels: UserListLabels
  locale: string | undefined
  state: UserListState
  query: UserListQuery
  selectionMode: UserListSelectionMode
  emptyMessage: string
  activeUser: User | undefined
  listRef: RefObject<HTMLDivElement | null>
  pointerFocus: { current: boolean }
  virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>
  select(user: User): void
  onListFocus(byPointer: boolean): void
  onListKey(event: KeyboardEvent<HTMLDivElement>): void
  onRowPress(row: UserListRow): void
}

/** The uid is safe in an id: the server allows only `A-Z a-z 0-9 _ -`. */
export const userListOptionId = (listId: string, uid: string): string => `${listId}-option-${uid}`

export function userListGetters(input: UserListGetterInput): UserListGetters {
  const { id, labels, state, query, listRef, virtualizer } = input
  const listId = `${id}listbox`
  const fieldId = (name: string): string => `${id}${name}`
  const total = query.total ?? query.users.length
  const statusText =
    state === 'loading'
      ? labels.loading
      : state === 'empty'
        ? input.emptyMessage
        : state === 'ready'
          ? // The count only: "loading more" on every page would make a chatty live region while scrolling.
            labels.count(total, new Intl.NumberFormat(input.locale).format(total))
          : ''
  const filterValue = { role: query.filters.role ?? '', status: query.filters.status ?? '', tags: query.tagsText }

  return {
    getRootProps: (props = {}) => ({ ...props, 'data-uk': 'user-list', 'data-part': 'root', 'data-state': state }),
    getSearchLabelProps: (props = {}) => ({ ...props, 'data-part': 'label', htmlFor: fieldId('search'), children: labels.search }),
    getSearchProps: (props = {}) => ({
      ...props,
      'data-part': 'search',
      id: fieldId('search'),
      type: 'search',
      autoComplete: 'off',
      spellCheck: false,
      'aria-controls': state === 'ready' ? listId : undefined,
      value: query.search,
      onChange: composeEventHandlers(props.onChange, (event: ChangeEvent<HTMLInputElement>) => query.setSearch(event.target.value)),
      // Down from the search box goes into the results, as in a combobox.
      onKeyDown: composeEventHandlers(props.onKeyDown, (event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key !== 'ArrowDown' || !listRef.current) return
        event.preventDefault()
        listRef.current.focus()
      }),
    }),
    getFilterLabelProps: (name, props = {}) => ({
      ...props,
      'data-part': 'label',
      htmlFor: fieldId(name),
      children: labels[name],
    }),
    getFilterProps: ((name: UserListFilterName, props: HTMLAttributes<HTMLElement> & { value?: unknown } = {}) => ({
      ...props,
      'data-part': name === 'tags' ? 'filter tags' : `filter ${name}`,
      id: fieldId(name),
      value: filterValue[name],
      ...(name === 'tags' ? { type: 'text', autoComplete: 'off', 'aria-describedby': fieldId('tags-hint') } : {}),
      onChange: composeEventHandlers(props.onChange, (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
        const value = event.target.value
        if (name === 'tags') query.setTagsText(value)
        else query.setFilters({ ...query.filters, [name]: value === '' ? undefined : value })
      }),
    })) as UserListGetters['getFilterProps'],
    getTagsHintProps: (props = {}) => ({ ...props, 'data-part': 'hint', id: fieldId('tags-hint'), children: labels.tagsHint }),
    getListboxProps: (props = {}) => ({
      ...props,
      'data-part': 'listbox',
      'data-state': query.fetchingNextPage ? 'loading-more' : 'idle',
      id: listId,
      role: 'listbox',
      tabIndex: 0,
      'aria-label': labels.list,
      'aria-multiselectable': input.selectionMode === 'multiple' ? true : undefined,
      'aria-activedescendant': input.activeUser ? userListOptionId(listId, input.activeUser.uid) : undefined,
      'aria-busy': query.fetchingNextPage || undefined,
      // Structure, not theme: the virtual rows need a positioned, scrolling box even when unstyled.
      style: { overflowY: 'auto', blockSize: 'var(--uk-user-list-height, 24rem)', ...props.style },
      ref: (node) => {
        listRef.current = node
      },
      // The focus that follows a press on the listbox is the pointer's: remembered for onFocus.
      onPointerDown: composeEventHandlers(props.onPointerDown, (event) => {
        input.pointerFocus.current = event.currentTarget.ownerDocument.activeElement !== event.currentTarget
      }),
      onFocus: composeEventHandlers(props.onFocus, (event) => {
        if (event.target === event.currentTarget) input.onListFocus(input.pointerFocus.current)
        input.pointerFocus.current = false
      }),
      onKeyDown: composeEventHandlers(props.onKeyDown, input.onListKey),
    }),
    getRowsProps: (props = {}) => ({
      ...props,
      'data-part': 'rows',
      style: { position: 'relative', inlineSize: '100%', blockSize: `${virtualizer.getTotalSize()}px`, ...props.style },
    }),
    getOptionProps: (row, props = {}) => ({
      ...props,
      'data-part': 'row',
      'data-state': row.selected ? 'selected' : 'unselected',
      'data-active': row.active ? 'true' : undefined,
      'data-index': String(row.index),
      id: userListOptionId(listId, row.user.uid),
      role: 'option',
      'aria-selected': row.selected,
      'aria-setsize': query.total ?? -1,
      'aria-posinset': row.index + 1,
      style: {
        position: 'absolute',
        insetBlockStart: 0,
        insetInline: 0,
        transform: `translateY(${row.item.start}px)`,
        ...props.style,
      },
      ref: virtualizer.measureElement,
      onClick: composeEventHandlers(props.onClick, (_event: MouseEvent<HTMLDivElement>) => input.onRowPress(row)),
    }),
    getStatusProps: (props) => ({ ...messageProps('status', 'status', statusText, props), 'data-state': state }),
    getRetryProps: (props) => buttonProps('retry', labels.retry, () => (query.nextPageFailed ? query.fetchNextPage() : void query.refetch()), props),
  }
}
