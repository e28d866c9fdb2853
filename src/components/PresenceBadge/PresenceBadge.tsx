'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import { cx } from '../shared/cx.js'
import { usePresenceBadge, type UsePresenceBadgeOptions } from './usePresenceBadge.js'

export interface PresenceBadgeProps extends UsePresenceBadgeOptions, Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  /** Class names of the parts. */
  classNames?: { indicator?: string; label?: string }
}

/**
 * Online, or when an offline user was last active ("Active 5 minutes ago", the full date on
 * hover), updating as time passes.
 *
 * @example <PresenceBadge user={user} />
 * @example <PresenceBadge status="offline" lastActiveAt={user.lastActiveAt} />
 */
export function PresenceBadge({ user, status, lastActiveAt, labels, className, classNames, ...rest }: PresenceBadgeProps): ReactNode {
  const badge = usePresenceBadge({ user, status, lastActiveAt, labels })
  const label = badge.getLabelProps({ className: cx('uk-presence-badge__label', classNames?.label) })
  return (
    <span {...badge.getRootProps({ ...rest, className: cx('uk-presence-badge', className) })}>
      <span {...badge.getIndicatorProps({ className: cx('uk-presence-badge__indicator', classNames?.indicator) })} />
      {badge.state.lastActive ? <time {...label}>{badge.state.text}</time> : <span {...label}>{badge.state.text}</span>}
    </span>
  )
}
