import { createAnatomy } from '../kit/createAnatomy.js'

/** UserCard's parts, in reading order; the skeleton's while loading, the error's on failure. */
export const userCardAnatomy = createAnatomy('user-card').parts(
  'root',
  'body',
  'heading',
  'name',
  'role',
  'status-message',
  'blocked',
  'link',
  'link-hint',
  'tags',
  'tag',
  'actions',
  'skeleton-avatar',
  'skeleton-line',
  'loading',
  'error',
  'retry',
)
