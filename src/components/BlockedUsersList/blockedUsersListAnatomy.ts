import { createAnatomy } from '../kit/createAnatomy.js'

/** BlockedUsersList's parts: the rows with their unblock buttons, "Show more", and the messages. */
export const blockedUsersListAnatomy = createAnatomy('blocked-users-list').parts(
  'root',
  'list',
  'item',
  'name',
  'unblock',
  'loading',
  'empty',
  'error',
  'retry',
  'load-more',
  'load-more-error',
  'unblock-error',
)
