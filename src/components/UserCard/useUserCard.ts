'use client'
import { useId, type AnchorHTMLAttributes, type ButtonHTMLAttributes, type HTMLAttributes } from 'react'
import { isHttpUrl, type User, type UserkitError } from '../../model/index.js'
import type { AvatarProps } from '../Avatar/Avatar.js'
import type { PresenceBadgeProps } from '../PresenceBadge/PresenceBadge.js'
import { buttonPart } from '../kit/buttonPart.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { useLabels } from '../shared/useLabels.js'
import { userCardAnatomy as anatomy } from './userCardAnatomy.js'
import { userCardLabels, type UserCardLabels } from './userCardLabels.js'

type Props<T> = PartProps<T>

export interface UseUserCardOptions {
  /** The user to show; `undefined` while it loads or when it failed to. */
  user: User | undefined
  /** Why the user could not be loaded: shown with a retry button. */
  error?: UserkitError | null | undefined
  /** What the retry button does (refetch). */
  onRetry?: (() => void) | undefined
  /** Nobody is signed in, so the user was not asked for (see `useSignedIn`). */
  signedOut?: boolean | undefined
  /**
   * Strings replacing the provider's `labels` and the English defaults.
   * @example { opensInNewTab: '(new tab)' }
   */
  labels?: Partial<UserCardLabels> | undefined
}

/** `ready` with a user, `error` when loading failed, `signed-out` when it could not be asked for, `loading` until then. */
export type UserCardStatus = 'signed-out' | 'loading' | 'error' | 'ready'

export interface UserCardState {
  status: UserCardStatus
  user: User | undefined
  /** The tags to show, in order. */
  tags: string[]
  /** The role as shown; `null` when it says nothing (the default role). */
  role: string | null
  /** The link's text (its host and path), when the link is http(s). */
  linkText: string | undefined
  /** What the error part says. */
  errorText: string | undefined
}

export interface UseUserCardResult {
  state: UserCardState
  labels: UserCardLabels
  getRootProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  /** For `<Avatar>`: decorative, since the name is said beside it. `undefined` without a user. */
  getAvatarProps(props?: Partial<AvatarProps>): AvatarProps | undefined
  getBodyProps(props?: HTMLAttributes<HTMLDivElement>): Props<HTMLAttributes<HTMLDivElement>>
  /** The name and the role, side by side. */
  getHeadingProps(props?: HTMLAttributes<HTMLDivElement>): Props<HTMLAttributes<HTMLDivElement>>
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
  /** The hidden "(opens in a new tab)" inside the link, after a space: `labels.opensInNewTab`. */
  getLinkHintProps(props?: HTMLAttributes<HTMLSpanElement>): Props<HTMLAttributes<HTMLSpanElement>>
  /** `undefined` unless the flag is set. */
  getBlockedProps(flag: 'blockedByMe' | 'hasBlockedMe', props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>> | undefined
  getActionsProps(props?: HTMLAttributes<HTMLDivElement>): Props<HTMLAttributes<HTMLDivElement>>
  /** The grey shapes shown while loading: hidden from screen readers. */
  getSkeletonProps(part: 'avatar' | 'line', props?: HTMLAttributes<HTMLSpanElement>): Props<HTMLAttributes<HTMLSpanElement>>
  /** For screen readers: its text is `labels.loading`. */
  getLoadingProps(props?: HTMLAttributes<HTMLSpanElement>): Props<HTMLAttributes<HTMLSpanElement>>
  getErrorProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  getRetryProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
}

/**
 * A user card's state and parts. Give it the user, or what loading one gave
 * (`const { data, error, refetch } = useUser(uid)`; `useUserCard({ user: data, error, onRetry: refetch })`).
 */
export function useUserCard({ user, error, onRetry, signedOut, labels: own }: UseUserCardOptions): UseUserCardResult {
  const labels = useLabels('userCard', userCardLabels, own)
  const nameId = useId()
  const status: UserCardStatus = user ? 'ready' : error ? 'error' : signedOut ? 'signed-out' : 'loading'
  const link = user?.link && isHttpUrl(user.link) ? new URL(user.link) : undefined
  const role = user ? labels.role(user.role) : null
  const blocked = [user?.blockedByMe && 'blocked-by-me', user?.hasBlockedMe && 'has-blocked-me'].filter(Boolean).join(' ')

  return {
    state: {
      status,
      user,
      tags: user?.tags ?? [],
      role,
      linkText: link ? labels.linkText(link) : undefined,
      errorText: error ? labels.loadFailed(error.code) : undefined,
    },
    labels,
    getRootProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('root'),
          'data-state': status,
          ...(blocked ? { 'data-blocked': blocked } : {}),
          ...(status === 'ready' ? { 'aria-labelledby': nameId } : {}),
          ...(status === 'loading' ? { 'aria-busy': true } : {}),
        },
        props,
      ),
    getAvatarProps: (props = {}) => (user ? { size: 'lg', ...props, user, decorative: true } : undefined),
    getBodyProps: (props) => mergeProps(anatomy.attrs('body'), props),
    getHeadingProps: (props) => mergeProps(anatomy.attrs('heading'), props),
    getNameProps: (props) => mergeProps({ ...anatomy.attrs('name'), id: nameId, title: user?.name }, props),
    getPresenceProps: (props = {}) => ({ ...props, user }),
    getRoleProps: (props) => (role ? mergeProps(anatomy.attrs('role'), props) : undefined),
    getStatusMessageProps: (props) => (user?.statusMessage ? mergeProps(anatomy.attrs('status-message'), props) : undefined),
    getTagsProps: (props) => (user?.tags?.length ? mergeProps({ ...anatomy.attrs('tags'), 'aria-label': labels.tags }, props) : undefined),
    getTagProps: (_tag, props) => mergeProps(anatomy.attrs('tag'), props),
    getLinkProps: (props) =>
      link ? mergeProps({ ...anatomy.attrs('link'), href: link.href, target: '_blank', rel: 'noopener noreferrer' }, props) : undefined,
    getLinkHintProps: (props) => mergeProps({ ...anatomy.attrs('link-hint'), 'data-visually-hidden': '' }, props),
    getBlockedProps: (flag, props) =>
      user?.[flag] ? mergeProps({ ...anatomy.attrs('blocked'), 'data-state': flag === 'blockedByMe' ? 'blocked-by-me' : 'has-blocked-me' }, props) : undefined,
    getActionsProps: (props) => mergeProps(anatomy.attrs('actions'), props),
    getSkeletonProps: (part, props) => mergeProps({ ...anatomy.attrs(`skeleton-${part}`), 'aria-hidden': true }, props),
    getLoadingProps: (props) => mergeProps({ ...messagePart('status', anatomy.attrs('loading')), 'data-visually-hidden': '' }, props),
    getErrorProps: (props) => mergeProps(messagePart('alert', anatomy.attrs('error')), props),
    getRetryProps: (props) => mergeProps(buttonPart(anatomy.attrs('retry'), () => onRetry?.()), props),
  }
}
