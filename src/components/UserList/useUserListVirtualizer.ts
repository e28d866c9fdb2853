'use client'
import {
  defaultRangeExtractor,
  measureElement,
  observeElementRect,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, type RefObject } from 'react'
import type { User } from '../../model/index.js'

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

/** The window of rows to render for the listbox at `listRef`, which is also the scroll container. */
export function useUserListVirtualizer(options: UserListVirtualizerOptions): {
  virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>
  listRef: RefObject<HTMLDivElement | null>
} {
  const { users, activeIndex, queryKey, estimatedRowHeight, estimatedViewportHeight, overscan } = options
  const listRef = useRef<HTMLDivElement | null>(null)
  // The active row stays rendered even when scrolled away, so aria-activedescendant always
  // points at an element.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (activeIndex < 0 || activeIndex >= range.count || indexes.includes(activeIndex)) return indexes
      return [...indexes, activeIndex].sort((a, b) => a - b)
    },
    [activeIndex],
  )
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: users.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: useCallback((index: number) => users[index]?.uid ?? index, [users]),
    overscan,
    rangeExtractor,
    initialRect: { width: 0, height: estimatedViewportHeight },
    // No layout (jsdom, a hidden parent) measures 0: assume the estimates instead of rendering nothing.
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) => report(rect.height > 0 ? rect : { width: rect.width, height: estimatedViewportHeight })),
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || estimatedRowHeight,
  })
  // A new search starts at the top. The virtualizer would otherwise carry the old offset over to
  // the listbox mounted for the new results.
  const shownKey = useRef(queryKey)
  useEffect(() => {
    if (shownKey.current === queryKey) return
    shownKey.current = queryKey
    virtualizer.scrollOffset = 0
    if (listRef.current) listRef.current.scrollTop = 0
  }, [queryKey, virtualizer])
  return { virtualizer, listRef }
}
