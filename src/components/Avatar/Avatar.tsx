'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import { cx } from '../shared/cx.js'
import { useAvatar, type UseAvatarOptions } from './useAvatar.js'

export interface AvatarProps extends UseAvatarOptions, Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {}

/**
 * A user's picture, or their initials on a colour of their own when the picture is missing,
 * broken or not http(s); with an optional presence dot.
 *
 * @example <Avatar user={user} size="lg" showPresence />
 */
export function Avatar({ user, size, showPresence, decorative, labels, className, ...rest }: AvatarProps): ReactNode {
  const avatar = useAvatar({ user, size, showPresence, decorative, labels })
  const image = avatar.getImageProps()
  const presence = avatar.getPresenceProps()
  return (
    <span {...avatar.getRootProps({ ...rest, className: cx('uk-avatar', className) })}>
      {avatar.state.status !== 'image' ? <span {...avatar.getFallbackProps()}>{avatar.state.initials}</span> : null}
      {image ? <img {...image} /> : null}
      {presence ? <span {...presence} /> : null}
    </span>
  )
}
