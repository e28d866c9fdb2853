'use client'
import { useEffect, useMemo, useRef, useState, type ButtonHTMLAttributes, type HTMLAttributes, type RefCallback } from 'react'
import type { BlockedUsersQuery } from '../../client/index.js'
import type { User, UserkitError } from '../../model/index.js'
import { useUnblockUsers } from '../../react/hooks/useBlocking.js'
import { useInfiniteBlockedUsers } from '../../react/hooks/useUsers.js'
import type { AvatarProps } from '../Avatar/Avatar.js'
import { buttonProps, messageProps } from '../shared/partProps.js'
import { useLabels } from '../shared/useLabels.js'
import { blockedUsersListLabels, type BlockedUsersListLabels } from './blockedUsersListLabels.js'

type Props<T> = T & Record<`data-${string}`, string>

export interface UseBlockedUsersListOptions {
  /**
   * How many a page holds, a search prefix. The first page shows, and "Show more" adds the next.
   * @default { perPage: 100 } on the server
   */
  query?: Omit<BlockedUsersQuery, 'page'>
  /** Called once the server has accepted an unblock. */
  onUnblock?: (user: User) => void
  /**
   * Strings replacing the provider's `labels` and the English defaults.
   * @example { empty: 'Nobody blocked yet' }
   */
  labels?: Partial<BlockedUsersListLabels>
}

/** `loading` the first time; `error` when it failed with nothing to show; `empty`; `ready`. */
export type BlockedUsersListState = 'loading' | 'error' | 'empty' | 'ready'

export interface UseBlockedUsersListResult {
  state: BlockedUsersListState
  /** The blocked users on the pages loaded so far; an unblocked one leaves at once, and comes back if the server refuses. */
  users: User[]
  error: UserkitError | null
  /** The server has more than the pages loaded: "Show more" is offered. */
  hasMore: boolean
  /** The next page is on its way. */
  loadingMore: boolean
  /** The next page failed; the rows already shown stay, and `loadMore()` tries again. */
  loadMoreFailed: boolean
  loadMore(): void
  /** What went wrong with the last unblock, already rolled back; `null` when nothing did. */
  unblockError: string | null
  retry(): void
  unblock(user: User): void
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): Props<HTMLAttributes<HTMLDivElement>> & { ref: RefCallback<HTMLDivElement> }
  getListProps(props?: HTMLAttributes<HTMLUListElement>): Props<HTMLAttributes<HTMLUListElement>>
  getItemProps(user: User, props?: HTMLAttributes<HTMLLIElement>): Props<HTMLAttributes<HTMLLIElement>>
  getAvatarProps(user: User, props?: Partial<AvatarProps>): AvatarProps
  getNameProps(user: User, props?: HTMLAttributes<HTMLSpanElement>): Props<HTMLAttributes<HTMLSpanElement>>
  getUnblockProps(user: User, props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
  getLoadingProps(props?: HTMLAttributes<HTMLParagraphElement>): Props<HTMLAttributes<HTMLParagraphElement>>
  getEmptyProps(props?: HTMLAttributes<HTMLParagraphElement>): Props<HTMLAttributes<HTMLParagraphElement>>
  getErrorProps(props?: HTMLAttributes<HTMLParagraphElement>): Props<HTMLAttributes<HTMLParagraphElement>>
  getRetryProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
  /** The "Show more" button: busy while the next page loads, a retry once it failed. Render it while `hasMore`. */
  getLoadMoreProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
  /** `undefined` unless the next page failed. */
  getLoadMoreErrorProps(props?: HTMLAttributes<HTMLParagraphElement>): Props<HTMLAttributes<HTMLParagraphElement>> | undefined
  /** `undefined` unless the last unblock failed. */
  getUnblockErrorProps(props?: HTMLAttributes<HTMLParagraphElement>): Props<HTMLAttributes<HTMLParagraphElement>> | undefined
}

interface FocusMove {
  from: Element
  to: (root: HTMLElement) => HTMLElement | null
  /** Forgotten once the next page has come (or failed) with `from` still there. */
  untilLoaded?: boolean
}

function unblockButtonOf(root: HTMLElement, uid: string): HTMLElement | null {
  const item = Array.from(root.querySelectorAll<HTMLElement>("[data-part='item']")).find((node) => node.dataset.uid === uid)
  return item?.querySelector<HTMLElement>("[data-part~='unblock']") ?? null
}

/**
 * The logged-in user's blocked users, a page at a time (`loadMore()` while `hasMore`), each with an
 * unblock that is optimistic: the row leaves at once from whichever page holds it, and comes back
 * in place with a message if the server refuses.
 *
 * @example const list = useBlockedUsersList()
 */
export function useBlockedUsersList({ query, onUnblock, labels: own }: UseBlockedUsersListOptions = {}): UseBlockedUsersListResult {
  const labels = useLabels('blockedUsersList', blockedUsersListLabels, own)
  const result = useInfiniteBlockedUsers(query)
  const { data, error, isPending, refetch, hasNextPage, isFetchingNextPage, isFetchNextPageError } = result
  const mutation = useUnblockUsers()
  const [unblockError, setUnblockError] = useState<string | null>(null)
  const root = useRef<HTMLDivElement | null>(null)
  // Where focus goes once the button that had it is gone (its row unblocked, or "Show more" after
  // the last page): another row's button, else the empty text.
  const focusNext = useRef<FocusMove | null>(null)
  const users = useMemo(() => {
    const seen = new Set<string>()
    const all: User[] = []
    // Offset pages overlap when someone is blocked or unblocked between two of them: a uid shows once.
    for (const user of (data?.pages ?? []).flatMap((page) => page.users)) {
      if (seen.has(user.uid)) continue
      seen.add(user.uid)
      all.push(user)
    }
    return all
  }, [data])
  // With rows left to load, an emptied screen is not "nobody blocked".
  const state: BlockedUsersListState = isPending ? 'loading' : !data ? 'error' : users.length === 0 && !hasNextPage ? 'empty' : 'ready'

  useEffect(() => {
    const move = focusNext.current
    const node = root.current
    if (!move || !node) return
    if (move.from.isConnected) {
      // "Show more" stays while pages remain: focus stays on it.
      if (move.untilLoaded && !isFetchingNextPage) focusNext.current = null
      return
    }
    focusNext.current = null
    // Only focus that was lost with the row: never take it from wherever the user has gone since.
    if (document.activeElement && document.activeElement !== document.body) return
    const fallback = node.querySelector<HTMLElement>("[data-part='empty']") ?? node.querySelector<HTMLElement>("[data-part~='load-more']")
    ;(move.to(node) ?? fallback ?? node).focus()
  })

  const loadMore = (): void => {
    const from = root.current?.querySelector("[data-part~='load-more']")
    if (from && from === document.activeElement) {
      const shown = users.length
      // Gone with the last page: on to the first row it brought.
      const to = (node: HTMLElement): HTMLElement | null => node.querySelectorAll<HTMLElement>("[data-part~='unblock']")[shown] ?? null
      focusNext.current = { from, to, untilLoaded: true }
    }
    // Never restarts a page already on its way (the default would cancel and ask again).
    void result.fetchNextPage({ cancelRefetch: false })
  }

  const unblock = (user: User): void => {
    setUnblockError(null)
    const index = users.findIndex((listed) => listed.uid === user.uid)
    const from = root.current && unblockButtonOf(root.current, user.uid)
    const to = (users[index + 1] ?? users[index - 1])?.uid
    if (from && from === document.activeElement) {
      focusNext.current = { from, to: (node) => (to === undefined ? null : unblockButtonOf(node, to)) }
    }
    const failed = (): void => setUnblockError(labels.unblockFailed(user.name))
    // mutateAsync: each click's outcome, even when several are on their way at once.
    mutation.mutateAsync([user.uid]).then(
      (outcomes) => ((outcomes[user.uid.toLowerCase()] ?? outcomes[user.uid])?.success ? onUnblock?.(user) : failed()),
      failed,
    )
  }

  return {
    state,
    users,
    error,
    unblockError,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    loadMoreFailed: isFetchNextPageError,
    retry: () => void refetch(),
    loadMore,
    unblock,
    getRootProps: (props = {}) => ({
      // Focus lands here when the last row goes, so it must be focusable (not tabbable).
      tabIndex: -1,
      ...props,
      ref: (node) => void (root.current = node),
      'data-uk': 'blocked-users-list',
      'data-part': 'root',
      'data-state': state,
      ...(state === 'loading' ? { 'aria-busy': true } : {}),
    }),
    getListProps: (props = {}) => ({
      ...props,
      'data-part': 'list',
      'aria-label': labels.list,
      ...(isFetchingNextPage ? { 'aria-busy': true } : {}),
    }),
    getItemProps: (user, props = {}) => ({ ...props, 'data-part': 'item', 'data-uid': user.uid }),
    getAvatarProps: (user, props = {}) => ({ size: 'sm', ...props, user, decorative: true }),
    getNameProps: (user, props = {}) => ({ ...props, 'data-part': 'name', title: user.name, children: user.name }),
    getUnblockProps: (user, props) => ({
      ...buttonProps('unblock', labels.unblock, () => unblock(user), props),
      'aria-label': labels.unblockUser(user.name),
    }),
    getLoadingProps: (props) => messageProps('status', 'loading', labels.loading, props),
    getEmptyProps: (props = {}) => ({ ...props, 'data-part': 'empty', tabIndex: -1, children: labels.empty }),
    getErrorProps: (props) => messageProps('alert', 'error', labels.loadFailed, props),
    getRetryProps: (props) => buttonProps('retry', labels.retry, () => void refetch(), props),
    getLoadMoreProps: (props) => ({
      ...buttonProps('load-more', isFetchNextPageError && !isFetchingNextPage ? labels.retry : labels.loadMore, loadMore, props),
      'data-state': isFetchingNextPage ? 'loading' : isFetchNextPageError ? 'error' : 'idle',
      ...(isFetchingNextPage ? { 'aria-busy': true } : {}),
    }),
    getLoadMoreErrorProps: (props) =>
      isFetchNextPageError && !isFetchingNextPage ? messageProps('alert', 'load-more-error', labels.loadMoreFailed, props) : undefined,
    getUnblockErrorProps: (props) => (unblockError ? messageProps('alert', 'unblock-error', unblockError, props) : undefined),
  }
}
