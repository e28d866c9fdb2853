'use client'
import type { ReactNode } from 'react'
import type { User } from '../../model/index.js'
import { Avatar } from '../Avatar/Avatar.js'
import type { UserListLabels } from './userListLabels.js'

export interface UserListItemProps {
  user: User
  labels: Pick<UserListLabels, 'online' | 'offline' | 'deactivated' | 'blocked'>
}

/** A row's default content: avatar, name, status message (or uid), what sets the user apart, and presence. */
export function UserListItem({ user, labels }: UserListItemProps): ReactNode {
  const online = user.status === 'online'
  return (
    <>
      <Avatar user={user} size="sm" decorative />
      {/* bdi: a name keeps its own direction (and its punctuation) in a list of the other one. */}
      <span data-part="text">
        <span data-part="name">
          <bdi>{user.name}</bdi>
        </span>
        <span data-part="secondary">
          <bdi>{user.statusMessage || user.uid}</bdi>
        </span>
      </span>
      {user.deactivatedAt !== undefined ? (
        <span data-part="badge" data-state="deactivated">
          {labels.deactivated}
        </span>
      ) : null}
      {user.blockedByMe ? (
        <span data-part="badge" data-state="blocked">
          {labels.blocked}
        </span>
      ) : null}
      <span data-part="presence" data-state={online ? 'online' : 'offline'}>
        {online ? labels.online : labels.offline}
      </span>
    </>
  )
}
