/** `CometChat.USER_STATUS`: a user's presence, and the `setStatus` filter of `UsersRequestBuilder`. */
export const USER_STATUS = { ONLINE: 'online', OFFLINE: 'offline' } as const

/** `CometChat.SORT_BY`: for `UsersRequestBuilder.sortBy`. */
export const SORT_BY = { NAME: 'name', STATUS: 'status' } as const

/** `CometChat.SORT_ORDER`: for `UsersRequestBuilder.sortByOrder`. */
export const SORT_ORDER = { ASCENDING: 'asc', DESCENDING: 'desc' } as const

/** `BlockedUsersRequest.directions`: for `BlockedUsersRequestBuilder.setDirection`. */
export const BLOCKED_USERS_DIRECTIONS = { BOTH: 'both', HAS_BLOCKED_ME: 'hasBlockedMe', BLOCKED_BY_ME: 'blockedByMe' } as const

/** At most this many users per page, as the SDK allows. */
export const USERS_MAX_LIMIT = 100
