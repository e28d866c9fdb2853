'use client'
import type { ReactNode } from 'react'
import { useUser } from '../../react/hooks/useUser.js'
import { UserCardView, type UserCardViewProps } from './UserCardView.js'

export interface UserCardByUidProps extends Omit<UserCardViewProps, 'user' | 'error' | 'onRetry'> {
  uid: string
}

/** A card for a uid: loads the user (inside a `UserkitProvider`), with its loading and error states. */
export function UserCardByUid({ uid, ...rest }: UserCardByUidProps): ReactNode {
  const { data, error, refetch } = useUser(uid)
  return <UserCardView {...rest} user={data} error={error} onRetry={() => void refetch()} />
}
