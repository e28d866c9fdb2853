'use client'
import { useEffect, useMemo, useRef, useState, type ButtonHTMLAttributes, type HTMLAttributes, type RefCallback } from 'react'
import type { BlockedUsersQuery } from '../../client/index.js'
import type { User, UserkitError } from '../../model/index.js'
import { useUnblock } from '../../react/hooks/useUnblock.js'
import { useInfiniteBlockedUsers } from '../../react/hooks/useInfiniteBlockedUsers.js'
import type { AvatarProps } from '../Avatar/Avatar.js'
import { buttonPart } from '../kit/buttonPart.js'
import { focusById } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import { useLabels } from '../shared/useLabels.js'
import { blockedUsersListAnatomy as anatomy } from './blockedUsersListAnatomy.js'
import { blockedUsersListLabels, type BlockedUsersListLabels } from './blockedUsersListLabels.js'
import { useSignedIn } from '../../react/hooks/useSignedIn.js'

type Props<T> = PartProps<T>

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
export type BlockedUsersListStatus = 'signed-out' | 'loading' | 'error' | 'empty' | 'ready'

export interface BlockedUsersListState {
  status: BlockedUsersListStatus
  /** The blocked users on the pages loaded so far; an unblocked one leaves at once, and comes back if the server refuses. */
  users: User[]
  error: UserkitError | null
  /** The server has more than the pages loaded: "Show more" is offered. */
  hasMore: boolean
  /** The next page is on its way. */
  loadingMore: boolean
  /** The next page failed; the rows already shown stay, and `loadMore()` tries again. */
  loadMoreFailed: boolean
  /** What went wrong with the last unblock, already rolled back; `null` when nothing did. */
  unblockError: string | null
}

export interface UseBlockedUsersListResult {
  state: BlockedUsersListState
  actions: {
    loadMore(): void
    retry(): void
    unblock(user: User): void
  }
  labels: BlockedUsersListLabels
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
  /**
   * The "Show more" button: busy while the next page loads, a retry once it failed (then say
   * `labels.retry`, else `labels.loadMore`). Render it while `hasMore`.
   */
  getLoadMoreProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
  /** `undefined` unless the next page failed. */
  getLoadMoreErrorProps(props?: HTMLAttributes<HTMLParagraphElement>): Props<HTMLAttributes<HTMLParagraphElement>> | undefined
  /** `undefined` unless the last unblock failed. */
  getUnblockErrorProps(props?: HTMLAttributes<HTMLParagraphElement>): Props<HTMLAttributes<HTMLParagraphElement>> | undefined
}

interface FocusMove {
  from: Element
  /** The uid whose unblock button takes the focus, from the users shown by then. */
  to: (users: readonly User[]) => string | undefined
  /** Forgotten once the next page has come (or failed) with `from` still there. */
  untilLoaded?: boolean
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
  const mutation = useUnblock()
  const [unblockError, setUnblockError] = useState<string | null>(null)
  const root = useRef<HTMLDivElement | null>(null)
  const baseId = useDomId()
  // The uid is safe in an id: the server allows only `A-Z a-z 0-9 _ -`.
  const ids = { unblock: (uid: string) => `${baseId}-unblock-${uid}`, empty: `${baseId}-empty`, loadMore: `${baseId}-more` }
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
  const signedIn = useSignedIn()
  const status: BlockedUsersListStatus = !signedIn
    ? 'signed-out'
    : isPending
      ? 'loading'
      : !data
        ? 'error'
        : users.length === 0 && !hasNextPage
          ? 'empty'
          : 'ready'

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
    const to = move.to(users)
    if (!focusById(...(to === undefined ? [] : [ids.unblock(to)]), ids.empty, ids.loadMore)) node.focus()
  })

  const loadMore = (): void => {
    const from = document.getElementById(ids.loadMore)
    if (from && from === document.activeElement) {
      const shown = users.length
      // Gone with the last page: on to the first row it brought.
      focusNext.current = { from, to: (now) => now[shown]?.uid, untilLoaded: true }
    }
    // Never restarts a page already on its way (the default would cancel and ask again).
    void result.fetchNextPage({ cancelRefetch: false })
  }

  const unblock = (user: User): void => {
    setUnblockError(null)
    const index = users.findIndex((listed) => listed.uid === user.uid)
    const from = document.getElementById(ids.unblock(user.uid))
    const to = (users[index + 1] ?? users[index - 1])?.uid
    if (from && from === document.activeElement) focusNext.current = { from, to: () => to }
    const failed = (): void => setUnblockError(labels.unblockFailed(user.name))
    // mutateAsync: each click's outcome, even when several are on their way at once.
    mutation.mutateAsync([user.uid]).then(
      (outcomes) => ((outcomes[user.uid.toLowerCase()] ?? outcomes[user.uid])?.success ? onUnblock?.(user) : failed()),
      failed,
    )
  }

  const moreFailed = isFetchNextPageError && !isFetchingNextPage
  return {
    state: {
      status,
      users,
      error,
      unblockError,
      hasMore: hasNextPage,
      loadingMore: isFetchingNextPage,
      loadMoreFailed: isFetchNextPageError,
    },
    actions: { retry: () => void refetch(), loadMore, unblock },
    labels,
    getRootProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('root'),
          // Focus lands here when the last row goes, so it must be focusable (not tabbable).
          tabIndex: -1,
          ref: (node: HTMLDivElement | null) => void (root.current = node),
          'data-state': status,
          ...(status === 'loading' ? { 'aria-busy': true } : {}),
        },
        props,
      ),
    getListProps: (props) =>
      mergeProps({ ...anatomy.attrs('list'), 'aria-label': labels.list, ...(isFetchingNextPage ? { 'aria-busy': true } : {}) }, props),
    getItemProps: (user, props) => mergeProps({ ...anatomy.attrs('item'), 'data-uid': user.uid }, props),
    getAvatarProps: (user, props = {}) => ({ size: 'sm', ...props, user, decorative: true }),
    getNameProps: (user, props) => mergeProps({ ...anatomy.attrs('name'), title: user.name }, props),
    getUnblockProps: (user, props) =>
      mergeProps({ ...buttonPart(anatomy.attrs('unblock'), () => unblock(user)), id: ids.unblock(user.uid), 'aria-label': labels.unblockUser(user.name) }, props),
    getLoadingProps: (props) => mergeProps(messagePart('status', anatomy.attrs('loading')), props),
    getEmptyProps: (props) => mergeProps({ ...anatomy.attrs('empty'), id: ids.empty, tabIndex: -1 }, props),
    getErrorProps: (props) => mergeProps(messagePart('alert', anatomy.attrs('error')), props),
    getRetryProps: (props) => mergeProps(buttonPart(anatomy.attrs('retry'), () => void refetch()), props),
    getLoadMoreProps: (props) =>
      mergeProps(
        {
          ...buttonPart(anatomy.attrs('load-more'), loadMore),
          id: ids.loadMore,
          'data-state': isFetchingNextPage ? 'loading' : isFetchNextPageError ? 'error' : 'idle',
          ...(isFetchingNextPage ? { 'aria-busy': true } : {}),
        },
        props,
      ),
    getLoadMoreErrorProps: (props) => (moreFailed ? mergeProps(messagePart('alert', anatomy.attrs('load-more-error')), props) : undefined),
    getUnblockErrorProps: (props) => (unblockError ? mergeProps(messagePart('alert', anatomy.attrs('unblock-error')), props) : undefined),
  }
}
