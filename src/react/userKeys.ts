import type { UsersQueryInput } from '../model/index.js'
import type { BlockedUsersQuery } from '../client/index.js'

/**
 * Every query key Userkit uses, in one place. All of them sit under `userKeys.all`, and all of
 * them depend on who is logged in (block flags, `@private` metadata): logout clears them together.
 *
 * @example queryClient.invalidateQueries({ queryKey: userKeys.lists() })
 */
export const userKeys = {
  all: ['userkit'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filters: UsersQueryInput = {}) => [...userKeys.lists(), 'page', filters] as const,
  infinite: (filters: Omit<UsersQueryInput, 'page'> = {}) => [...userKeys.lists(), 'infinite', filters] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (uid: string) => [...userKeys.details(), uid.toLowerCase()] as const,
  me: () => [...userKeys.all, 'me'] as const,
  roles: () => [...userKeys.all, 'roles'] as const,
  blocked: (filters: BlockedUsersQuery = {}) => [...userKeys.all, 'blocked', filters] as const,
  // After the filters, so `blocked()` and `blocked(filters)` match it too when invalidating.
  infiniteBlocked: (filters: Omit<BlockedUsersQuery, 'page'> = {}) => [...userKeys.blocked(filters), 'infinite'] as const,
}
