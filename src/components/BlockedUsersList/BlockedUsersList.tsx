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
  const unblockError = list.getUnblockErrorProps()
  const loadMoreError = list.getLoadMoreErrorProps({ className: classNames.loadMoreError })
  return (
    <div {...list.getRootProps({ ...rest, className: cx('uk-blocked-users-list', className) })}>
      {list.state === 'loading' ? <p {...list.getLoadingProps({ className: classNames.loading })} /> : null}
      {list.state === 'error' ? (
        <>
          <p {...list.getErrorProps({ className: classNames.error })} />
          <button {...list.getRetryProps({ className: classNames.retry })} />
        </>
      ) : null}
      {list.state === 'empty' ? <p {...list.getEmptyProps({ className: classNames.empty })} /> : null}
      {list.state === 'ready' ? (
        <ul {...list.getListProps({ className: classNames.list })}>
          {list.users.map((user) => (
            <li key={user.uid} {...list.getItemProps(user, { className: classNames.item })}>
              {renderUser ? (
                renderUser(user)
              ) : (
                <>
                  <Avatar {...list.getAvatarProps(user)} />
                  <span {...list.getNameProps(user, { className: classNames.name })} />
                </>
              )}
              <button {...list.getUnblockProps(user, { className: classNames.unblock })} />
            </li>
          ))}
        </ul>
      ) : null}
      {list.state === 'ready' && loadMoreError ? <p {...loadMoreError} /> : null}
      {list.state === 'ready' && list.hasMore ? <button {...list.getLoadMoreProps({ className: classNames.loadMore })} /> : null}
      {unblockError ? <p {...unblockError} /> : null}
    </div>
  )
}
