import { PRIVATE_METADATA_KEY, type User } from '../model/index.js'
import type { StoredUser } from './store/types.js'

export interface PresentOptions {
  showPrivate: boolean
  /** Viewer-relative block flags; absent when there is no viewer (a key without onBehalfOf). */
  relations?: { hasBlockedMe: boolean; blockedByMe: boolean }
  /** Presence expiry (unix seconds): online but silent since before it reads as offline. */
  onlineSince?: number
}

/** A stored user as one viewer may see it. */
export function presentUser(stored: StoredUser, options: PresentOptions): User {
  const user: User = { ...stored }
  if (user.status === 'online' && options.onlineSince !== undefined && (user.lastActiveAt ?? 0) < options.onlineSince) {
    user.status = 'offline'
  }
  if (!options.showPrivate && stored.metadata && PRIVATE_METADATA_KEY in stored.metadata) {
    const { [PRIVATE_METADATA_KEY]: _hidden, ...shared } = stored.metadata
    if (Object.keys(shared).length > 0) user.metadata = shared
    else delete user.metadata
  }
  if (options.relations) {
    user.hasBlockedMe = options.relations.hasBlockedMe
    user.blockedByMe = options.relations.blockedByMe
  }
  return user
}
