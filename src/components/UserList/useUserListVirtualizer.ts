'use client'
import { createElement, forwardRef, useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react'
import type { VirtualizerHandle, VirtualizerProps } from 'virtua'
import type { User } from '../../model/index.js'
import { userListAnatomy } from './userListAnatomy.js'

export interface UserListVirtualizerOptions {
  users: readonly User[]
  /** -1 when no row is active. */
  activeIndex: number
  /** The server query: when it changes, the list goes back to the top. */
  queryKey: string
  estimatedRowHeight: number
  estimatedViewportHeight: number
  overscan: number
}

/** virtua's `Virtualizer` props but its children, which `UserListRows` renders. */
export type UserListVirtualizerProps = Omit<VirtualizerProps<User>, 'children'> & { ref: RefObject<VirtualizerHandle | null> }

export interface UserListVirtualizer {
  virtualizerProps: UserListVirtualizerProps
  listRef: RefObject<HTMLDivElement | null>
  /** The first and last rows in view (estimated where nothing was laid out). */
  visible: { first: number; last: number }
  scrollToIndex(index: number): void
}

// forwardRef: virtua measures this element, and React 18 passes no ref as a prop.
const UserListRows = forwardRef<HTMLDivElement, { style: CSSProperties; children: ReactNode }>(function UserListRows(props, ref) {
  return createElement('div', { ...userListAnatomy.attrs('rows'), ref, style: props.style }, props.children)
})

/** The window of rows (virtua) in the listbox at `listRef`, their parent and scroll container. */
export function useUserListVirtualizer(options: UserListVirtualizerOptions): UserListVirtualizer {
  const { users, activeIndex, queryKey, estimatedRowHeight, estimatedViewportHeight, overscan } = options
  const listRef = useRef<HTMLDivElement | null>(null)
  const handleRef = useRef<VirtualizerHandle | null>(null)
  const inView = Math.ceil(estimatedViewportHeight / estimatedRowHeight)
  const [visible, setVisible] = useState({ first: 0, last: inView - 1 })
  const measure = useCallback(() => {
    const handle = handleRef.current
    if (!handle) return
    // No layout (jsdom, a hidden parent) measures 0: assume the estimate instead.
    const viewport = handle.viewportSize || estimatedViewportHeight
    const first = handle.findItemIndex(handle.scrollOffset)
    const last = handle.findItemIndex(handle.scrollOffset + viewport - 1)
    setVisible((previous) => (previous.first === first && previous.last === last ? previous : { first, last }))
  }, [estimatedViewportHeight])
  useEffect(measure, [measure, users.length])
  // A new search starts at the top, even when the listbox stays mounted for it.
  const shownKey = useRef(queryKey)
  useEffect(() => {
    if (shownKey.current === queryKey) return
    shownKey.current = queryKey
    // The element's own offset, and only when it moved: virtua's scrollTo(0) on a list already at
    // the top waits for a scroll event that never comes, and keeps the rows from taking the pointer.
    if (listRef.current && listRef.current.scrollTop !== 0) listRef.current.scrollTop = 0
  }, [queryKey])
  return {
    listRef,
    visible,
    scrollToIndex: (index) => handleRef.current?.scrollToIndex(index, { align: 'nearest' }),
    virtualizerProps: {
      ref: handleRef,
      data: users,
      itemSize: estimatedRowHeight,
      bufferSize: overscan * estimatedRowHeight,
      // The active row stays rendered even when scrolled away, so aria-activedescendant always
      // points at an element.
      keepMounted: activeIndex >= 0 ? [activeIndex] : undefined,
      // A server render has no viewport: the estimate decides how many rows it holds.
      ssrCount: inView + overscan,
      as: UserListRows,
      onScroll: measure,
      onResize: measure,
    },
  }
}
