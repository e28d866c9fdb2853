'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import type { User } from '../../model/index.js'
import { Avatar } from '../Avatar/Avatar.js'
import { cx } from '../shared/cx.js'
import { useBlockedUsersList, type UseBlockedUsersListOptions } from './useBlockedUsersList.js'

export interface BlockedUsersListProps extends UseBlockedUsersListOptions, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Class names of the parts. */
  classNames?: {
    list?: string
    item?: string
    name?: string
    unblock?: string
    empty?: string
    loading?: string
    error?: string
    retry?: string
    loadMore?: string
    loadMoreError?: string
  }
  /**
   * Renders what a row shows before its unblock button.
   * @default the avatar and the name
   */
  renderUser?: (user: User) => ReactNode
}

/**
 * The users the logged-in user has blocked, each with an Unblock button, a page at a time with
 * "Show more" while the server has more; unblocking is optimistic and rolled back with a message
 * if the server refuses.
 *
 * @example <BlockedUsersList />
 */
export function BlockedUsersList({ query, onUnblock, labels, renderUser, className, classNames = {}, ...rest }: BlockedUsersListProps): ReactNode {
  const list = useBlockedUsersList({ query, onUnblock, labels })
  const { state } = list
  const text = list.labels
  const unblockError = list.getUnblockErrorProps()
  const loadMoreError = list.getLoadMoreErrorProps({ className: classNames.loadMoreError })
  return (
    <div {...list.getRootProps({ ...rest, className: cx('uk-blocked-users-list', className) })}>
      {state.status === 'signed-out' ? <p {...list.getEmptyProps({ className: classNames.empty })}>{text.signedOut}</p> : null}
      {state.status === 'loading' ? <p {...list.getLoadingProps({ className: classNames.loading })}>{text.loading}</p> : null}
      {state.status === 'error' ? (
        <>
          <p {...list.getErrorProps({ className: classNames.error })}>{text.loadFailed}</p>
          <button {...list.getRetryProps({ className: classNames.retry })}>{text.retry}</button>
        </>
      ) : null}
      {state.status === 'empty' ? <p {...list.getEmptyProps({ className: classNames.empty })}>{text.empty}</p> : null}
      {state.status === 'ready' ? (
        <ul {...list.getListProps({ className: classNames.list })}>
          {state.users.map((user) => (
            <li key={user.uid} {...list.getItemProps(user, { className: classNames.item })}>
              {renderUser ? (
                renderUser(user)
              ) : (
                <>
                  <Avatar {...list.getAvatarProps(user)} />
                  <span {...list.getNameProps(user, { className: classNames.name })}>{user.name}</span>
                </>
              )}
              <button {...list.getUnblockProps(user, { className: classNames.unblock })}>{text.unblock}</button>
            </li>
          ))}
        </ul>
      ) : null}
      {state.status === 'ready' && loadMoreError ? <p {...loadMoreError}>{text.loadMoreFailed}</p> : null}
      {state.status === 'ready' && state.hasMore ? (
        <button {...list.getLoadMoreProps({ className: classNames.loadMore })}>
          {state.loadMoreFailed && !state.loadingMore ? text.retry : text.loadMore}
        </button>
      ) : null}
      {unblockError ? <p {...unblockError}>{state.unblockError}</p> : null}
    </div>
  )
}
