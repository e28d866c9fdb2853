'use client'
import type { ReactNode } from 'react'
import type { User } from '../../model/index.js'
import { UserCardByUid } from './UserCardByUid.js'
import { UserCardView, type UserCardViewProps } from './UserCardView.js'

interface UserCardBaseProps extends Omit<UserCardViewProps, 'user' | 'error' | 'onRetry'> {
  /**
   * Shown beside the user's details, e.g. a `BlockButton` or a link to a chat.
   * @example actions={<BlockButton uid={user.uid} user={user} />}
   */
  actions?: UserCardViewProps['actions']
  /**
   * Shows the user's presence (online, or when last active).
   * @default true
   */
  showPresence?: boolean
}

export type UserCardProps = UserCardBaseProps &
  (
    | {
        /** The user to show, as the app already has it: no request, and no provider needed. */
        user: User
        uid?: never
      }
    | {
        /** Loads the user by uid (`useUser`; inside a `UserkitProvider`), showing a skeleton, then the card or an error with a retry. */
        uid: string
        user?: never
      }
  )

/**
 * A user at a glance: avatar, name, role, presence, status message, link (http(s) only, in a new
 * tab), tags, whether either blocked the other, and room for actions.
 *
 * @example <UserCard user={user} actions={<BlockButton uid={user.uid} />} />
 * @example <UserCard uid="ada" />
 */
export function UserCard(props: UserCardProps): ReactNode {
  if (props.user) {
    const { uid: _uid, ...rest } = props
    return <UserCardView {...rest} />
  }
  const { user: _user, ...rest } = props
  return <UserCardByUid {...rest} />
}
