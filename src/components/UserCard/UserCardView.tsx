'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import type { User, UserkitError } from '../../model/index.js'
import { Avatar } from '../Avatar/Avatar.js'
import { PresenceBadge } from '../PresenceBadge/PresenceBadge.js'
import { cx } from '../shared/cx.js'
import { useUserCard } from './useUserCard.js'
import type { UserCardLabels } from './userCardLabels.js'

/** Class names of a card's parts, by `data-part`. */
export type UserCardClassNames = Partial<
  Record<'avatar' | 'body' | 'name' | 'presence' | 'role' | 'statusMessage' | 'tags' | 'tag' | 'link' | 'blocked' | 'actions' | 'error' | 'retry', string>
>

export interface UserCardViewProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** The user; `undefined` shows the skeleton, or the error when there is one. */
  user: User | undefined
  /** Why the user could not be loaded. */
  error?: UserkitError | null | undefined
  /** Shows a retry button beside the error. */
  onRetry?: (() => void) | undefined
  /** Nobody is signed in, so the user was not asked for: says to sign in. */
  signedOut?: boolean | undefined
  /** Shown beside the details: buttons, links. */
  actions?: ReactNode
  /** @default true */
  showPresence?: boolean | undefined
  /** Strings replacing the provider's and the English defaults. */
  labels?: Partial<UserCardLabels> | undefined
  /** Class names of the parts; `className` is the root's. */
  classNames?: UserCardClassNames | undefined
}

/** The card's markup over `useUserCard`: what a fork restyles or rearranges. */
export function UserCardView({ user, error, onRetry, signedOut, actions, showPresence = true, labels, className, classNames = {}, ...rest }: UserCardViewProps): ReactNode {
  const card = useUserCard({ user, error, onRetry, signedOut, labels })
  const { state } = card
  const root = card.getRootProps({ ...rest, className: cx('uk-user-card', className) })

  if (state.status === 'loading') {
    return (
      <article {...root}>
        <span {...card.getSkeletonProps('avatar')} />
        <div {...card.getBodyProps({ className: classNames.body })}>
          <span {...card.getSkeletonProps('line')} />
          <span {...card.getSkeletonProps('line')} />
        </div>
        <span {...card.getLoadingProps()}>{card.labels.loading}</span>
      </article>
    )
  }
  if (state.status === 'signed-out') {
    return (
      <article {...root}>
        <div {...card.getBodyProps({ className: classNames.body })}>
          <p data-part="empty">{card.labels.signedOut}</p>
        </div>
      </article>
    )
  }
  if (state.status === 'error') {
    return (
      <article {...root}>
        <div {...card.getBodyProps({ className: classNames.body })}>
          <p {...card.getErrorProps({ className: classNames.error })}>{state.errorText}</p>
          {onRetry ? <button {...card.getRetryProps({ className: classNames.retry })}>{card.labels.retry}</button> : null}
        </div>
      </article>
    )
  }

  const avatar = card.getAvatarProps({ className: classNames.avatar })
  const role = card.getRoleProps({ className: classNames.role })
  const statusMessage = card.getStatusMessageProps({ className: classNames.statusMessage })
  const tags = card.getTagsProps({ className: classNames.tags })
  const link = card.getLinkProps({ className: classNames.link })
  const notes = (['blockedByMe', 'hasBlockedMe'] as const).map((flag) => card.getBlockedProps(flag, { className: classNames.blocked }))
  return (
    <article {...root}>
      {avatar ? <Avatar {...avatar} /> : null}
      <div {...card.getBodyProps({ className: classNames.body })}>
        <div {...card.getHeadingProps()}>
          <span {...card.getNameProps({ className: classNames.name })}>{state.user?.name}</span>
          {role ? <span {...role}>{state.role}</span> : null}
        </div>
        {showPresence ? <PresenceBadge {...card.getPresenceProps({ className: classNames.presence })} /> : null}
        {statusMessage ? <p {...statusMessage}>{state.user?.statusMessage}</p> : null}
        {notes[0] ? <p {...notes[0]}>{card.labels.blockedByMe}</p> : null}
        {notes[1] ? <p {...notes[1]}>{card.labels.hasBlockedMe}</p> : null}
        {link ? (
          <a {...link}>
            {state.linkText} <span {...card.getLinkHintProps()}>{card.labels.opensInNewTab}</span>
          </a>
        ) : null}
        {tags ? (
          <ul {...tags}>
            {state.tags.map((tag) => (
              <li key={tag} {...card.getTagProps(tag, { className: classNames.tag })}>
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {actions ? <div {...card.getActionsProps({ className: classNames.actions })}>{actions}</div> : null}
    </article>
  )
}
