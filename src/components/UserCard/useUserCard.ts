'use client'
import { useId, type AnchorHTMLAttributes, type ButtonHTMLAttributes, type HTMLAttributes } from 'react'
import { isHttpUrl, type User, type UserkitError } from '../../model/index.js'
import type { AvatarProps } from '../Avatar/Avatar.js'
import type { PresenceBadgeProps } from '../PresenceBadge/PresenceBadge.js'
import { buttonProps, messageProps } from '../shared/partProps.js'
import { useLabels } from '../shared/useLabels.js'
import { userCardLabels, type UserCardLabels } from './userCardLabels.js'

type DataAttributes = Record<`data-${string}`, string>
type Props<T> = T & DataAttributes

export interface UseUserCardOptions {
  /** The user to show; `undefined` while it loads or when it failed to. */
  user: User | undefined
  /** Why the user could not be loaded: shown with a retry button. */
  error?: UserkitError | null | undefined
  /** What the retry button does (refetch). */
  onRetry?: (() => void) | undefined
  /**
   * Strings replacing the provider's `labels` and the English defaults.
   * @example { opensInNewTab: '(new tab)' }
   */
  labels?: Partial<UserCardLabels> | undefined
}

/** `ready` with a user, `error` when loading failed, `loading` until then. */
export type UserCardState = 'loading' | 'error' | 'ready'

export interface UseUserCardResult {
  state: UserCardState
  user: User | undefined
  labels: UserCardLabels
  /** The tags to show, in order. */
  tags: string[]
  getRootProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  /** For `<Avatar>`: decorative, since the name is said beside it. `undefined` without a user. */
  getAvatarProps(props?: Partial<AvatarProps>): AvatarProps | undefined
  getBodyProps(props?: HTMLAttributes<HTMLDivElement>): Props<HTMLAttributes<HTMLDivElement>>
  getNameProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  /** For `<PresenceBadge>`. */
  getPresenceProps(props?: Partial<PresenceBadgeProps>): PresenceBadgeProps
  /** `undefined` when the role says nothing (the default role). */
  getRoleProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>> | undefined
  /** `undefined` without a status message. */
  getStatusMessageProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>> | undefined
  /** `undefined` without tags. */
  getTagsProps(props?: HTMLAttributes<HTMLUListElement>): Props<HTMLAttributes<HTMLUListElement>> | undefined
  getTagProps(tag: string, props?: HTMLAttributes<HTMLLIElement>): Props<HTMLAttributes<HTMLLIElement>>
  /** `undefined` unless the link is http(s): any other scheme is never rendered as a link. Opens in a new tab. */
  getLinkProps(props?: AnchorHTMLAttributes<HTMLAnchorElement>): Props<AnchorHTMLAttributes<HTMLAnchorElement>> | undefined
  /** The hidden "(opens in a new tab)" inside the link, after a space. */
  getLinkHintProps(props?: HTMLAttributes<HTMLSpanElement>): Props<HTMLAttributes<HTMLSpanElement>>
  /** `undefined` unless the flag is set. */
  getBlockedProps(flag: 'blockedByMe' | 'hasBlockedMe', props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>> | undefined
  getActionsProps(props?: HTMLAttributes<HTMLDivElement>): Props<HTMLAttributes<HTMLDivElement>>
  /** The grey shapes shown while loading: hidden from screen readers. */
  getSkeletonProps(part: 'avatar' | 'line', props?: HTMLAttributes<HTMLSpanElement>): Props<HTMLAttributes<HTMLSpanElement>>
  /** "Loading user…", for screen readers. */
  getLoadingProps(props?: HTMLAttributes<HTMLSpanElement>): Props<HTMLAttributes<HTMLSpanElement>>
  getErrorProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  getRetryProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
}

/**
 * A user card's state and parts. Give it the user, or what loading one gave
 * (`const { data, error, refetch } = useUser(uid)`; `useUserCard({ user: data, error, onRetry: refetch })`).
 */
export function useUserCard({ user, error, onRetry, labels: own }: UseUserCardOptions): UseUserCardResult {
  const labels = useLabels('userCard', userCardLabels, own)
  const nameId = useId()
  const state: UserCardState = user ? 'ready' : error ? 'error' : 'loading'
  const link = user?.link && isHttpUrl(user.link) ? new URL(user.link) : undefined
  const role = user ? labels.role(user.role) : null
  const blocked = [user?.blockedByMe && 'blocked-by-me', user?.hasBlockedMe && 'has-blocked-me'].filter(Boolean).join(' ')

  return {
    state,
    user,
    labels,
    tags: user?.tags ?? [],
    getRootProps: (props = {}) => ({
      ...props,
      'data-uk': 'user-card',
      'data-part': 'root',
      'data-state': state,
      ...(blocked ? { 'data-blocked': blocked } : {}),
      ...(state === 'ready' ? { 'aria-labelledby': nameId } : {}),
      ...(state === 'loading' ? { 'aria-busy': true } : {}),
    }),
    getAvatarProps: (props = {}) => (user ? { size: 'lg', ...props, user, decorative: true } : undefined),
    getBodyProps: (props = {}) => ({ ...props, 'data-part': 'body' }),
    getNameProps: (props = {}) => ({ ...props, id: nameId, 'data-part': 'name', title: user?.name, children: user?.name }),
    getPresenceProps: (props = {}) => ({ ...props, user }),
    getRoleProps: (props = {}) => (role ? { ...props, 'data-part': 'role', children: role } : undefined),
    getStatusMessageProps: (props = {}) =>
      user?.statusMessage ? { ...props, 'data-part': 'status-message', children: user.statusMessage } : undefined,
    getTagsProps: (props = {}) => (user?.tags?.length ? { ...props, 'data-part': 'tags', 'aria-label': labels.tags } : undefined),
    getTagProps: (tag, props = {}) => ({ ...props, 'data-part': 'tag', children: tag }),
    getLinkProps: (props = {}) =>
      link
        ? {
            ...props,
            'data-part': 'link',
            href: link.href,
            target: '_blank',
            rel: 'noopener noreferrer',
            children: labels.linkText(link),
          }
        : undefined,
    getLinkHintProps: (props = {}) => ({ ...props, 'data-part': 'link-hint visually-hidden', children: labels.opensInNewTab }),
    getBlockedProps: (flag, props = {}) =>
      user?.[flag]
        ? {
            ...props,
            'data-part': 'blocked',
            'data-state': flag === 'blockedByMe' ? 'blocked-by-me' : 'has-blocked-me',
            children: flag === 'blockedByMe' ? labels.blockedByMe : labels.hasBlockedMe,
          }
        : undefined,
    getActionsProps: (props = {}) => ({ ...props, 'data-part': 'actions' }),
    getSkeletonProps: (part, props = {}) => ({ ...props, 'data-part': `skeleton-${part}`, 'aria-hidden': true }),
    getLoadingProps: (props) => messageProps('status', 'loading visually-hidden', labels.loading, props),
    getErrorProps: (props) => messageProps('alert', 'error', error ? labels.loadFailed(error.code) : undefined, props),
    getRetryProps: (props) => buttonProps('retry', labels.retry, () => onRetry?.(), props),
  }
}
