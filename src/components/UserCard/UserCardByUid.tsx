'use client'
import type { ReactNode } from 'react'
import { useSignedIn } from '../../react/hooks/useSignedIn.js'
import { useUser } from '../../react/hooks/useUser.js'
import { UserCardView, type UserCardViewProps } from './UserCardView.js'

export interface UserCardByUidProps extends Omit<UserCardViewProps, 'user' | 'error' | 'onRetry' | 'signedOut'> {
  uid: string
}

/** A card for a uid: loads the user (inside a `UserkitProvider`), with its loading and error states. */
export function UserCardByUid({ uid, ...rest }: UserCardByUidProps): ReactNode {
  const { data, error, refetch } = useUser(uid)
  const signedIn = useSignedIn()
  return <UserCardView {...rest} user={data} error={error} onRetry={() => void refetch()} signedOut={!signedIn} />
}
