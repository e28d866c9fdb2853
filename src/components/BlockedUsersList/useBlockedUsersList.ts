'use client'
import { useEffect, useRef, useState, type ButtonHTMLAttributes, type HTMLAttributes, type RefCallback } from 'react'
import type { BlockedUsersQuery } from '../../client/index.js'
import type { User, UserkitError } from '../../model/index.js'
import { useUnblockUsers } from '../../react/hooks/useBlocking.js'
import { useBlockedUsers } from '../../react/hooks/useUsers.js'
import type { AvatarProps } from '../Avatar/Avatar.js'
import { buttonProps, messageProps } from '../shared/partProps.js'
import { useLabels } from '../shared/useLabels.js'
import { blockedUsersListLabels, type BlockedUsersListLabels } from './blockedUsersListLabels.js'

type Props<T> = T & Record<`data-${string}`, string>

export interface UseBlockedUsersListOptions {
  /** Which page, how many, a search prefix. @default { perPage: 100 } on the server */
  query?: BlockedUsersQuery
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
  /** The blocked users; an unblocked one leaves at once, and comes back if the server refuses. */
  users: User[]
  error: UserkitError | null
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
  /** `undefined` unless the last unblock failed. */
  getUnblockErrorProps(props?: HTMLAttributes<HTMLParagraphElement>): Props<HTMLAttributes<HTMLParagraphElement>> | undefined
}

function unblockButtonOf(root: HTMLElement, uid: string): HTMLElement | null {
  const item = Array.from(root.querySelectorAll<HTMLElement>("[data-part='item']")).find((node) => node.dataset.uid === uid)
  return item?.querySelector<HTMLElement>("[data-part~='unblock']") ?? null
}

/**
 * The logged-in user's blocked users, each with an unblock that is optimistic: the row leaves at
 * once, and comes back with a message if the server refuses.
 *
 * @example const list = useBlockedUsersList()
 */
export function useBlockedUsersList({ query, onUnblock, labels: own }: UseBlockedUsersListOptions = {}): UseBlockedUsersListResult {
  const labels = useLabels('blockedUsersList', blockedUsersListLabels, own)
  const { data, error, isPending, refetch } = useBlockedUsers(query)
  const mutation = useUnblockUsers()
  const [unblockError, setUnblockError] = useState<string | null>(null)
  const root = useRef<HTMLDivElement | null>(null)
  // Where focus goes once the row whose button had it is gone: the next row's button, else the empty text.
  const focusNext = useRef<{ from: Element; to: string | null } | null>(null)
  const users = data?.users ?? []
  const state: BlockedUsersListState = isPending ? 'loading' : !data ? 'error' : users.length === 0 ? 'empty' : 'ready'

  useEffect(() => {
    const move = focusNext.current
    const node = root.current
    if (!move || !node || move.from.isConnected) return
    focusNext.current = null
    // Only focus that was lost with the row: never take it from wherever the user has gone since.
    if (document.activeElement && document.activeElement !== document.body) return
    const next = move.to === null ? null : unblockButtonOf(node, move.to)
    ;(next ?? node.querySelector<HTMLElement>("[data-part='empty']") ?? node).focus()
  })

  const unblock = (user: User): void => {
    setUnblockError(null)
    const index = users.findIndex((listed) => listed.uid === user.uid)
    const from = root.current && unblockButtonOf(root.current, user.uid)
    if (from && from === document.activeElement) focusNext.current = { from, to: (users[index + 1] ?? users[index - 1])?.uid ?? null }
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
    retry: () => void refetch(),
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
    getListProps: (props = {}) => ({ ...props, 'data-part': 'list', 'aria-label': labels.list }),
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
    getUnblockErrorProps: (props) => (unblockError ? messageProps('alert', 'unblock-error', unblockError, props) : undefined),
  }
}
