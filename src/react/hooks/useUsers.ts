import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseQueryResult,
} from '@tanstack/react-query'
import type { BlockedUsersQuery, UserPage } from '../../client/index.js'
import type { UserkitError, UsersQueryInput } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { blockedUsersQueryOptions, infiniteBlockedUsersQueryOptions, infiniteUsersQueryOptions, usersQueryOptions } from '../queryOptions.js'
import { userKeys } from '../userKeys.js'

/** One page of users; while the next page loads, the previous one stays on screen. */
export function useUsers(filters: UsersQueryInput = {}, options: { enabled?: boolean } = {}): UseQueryResult<UserPage, UserkitError> {
  const { client } = useUserkit('useUsers')
  return useQuery({ ...usersQueryOptions(client, filters), placeholderData: keepPreviousData, ...options })
}

/** Pages of users for infinite scrolling: `fetchNextPage()` while `hasNextPage`. */
export function useInfiniteUsers(
  filters: Omit<UsersQueryInput, 'page'> = {},
  options: { enabled?: boolean } = {},
): UseInfiniteQueryResult<InfiniteData<UserPage>, UserkitError> {
  const { client } = useUserkit('useInfiniteUsers')
  return useInfiniteQuery({ ...infiniteUsersQueryOptions(client, filters), ...options }) as UseInfiniteQueryResult<
    InfiniteData<UserPage>,
    UserkitError
  >
}

/** The users the logged-in user has blocked. */
export function useBlockedUsers(filters: BlockedUsersQuery = {}, options: { enabled?: boolean } = {}): UseQueryResult<UserPage, UserkitError> {
  const { client } = useUserkit('useBlockedUsers')
  return useQuery({ ...blockedUsersQueryOptions(client, filters), placeholderData: keepPreviousData, ...options })
}

/**
 * Pages of the users the logged-in user has blocked: `fetchNextPage()` while `hasNextPage`. A first
 * page already cached under `userKeys.blocked(filters)` (prefetched with `blockedUsersQueryOptions`,
 * or rendered on the server) is shown at once instead of being asked for again.
 */
export function useInfiniteBlockedUsers(
  filters: Omit<BlockedUsersQuery, 'page'> = {},
  options: { enabled?: boolean } = {},
): UseInfiniteQueryResult<InfiniteData<UserPage>, UserkitError> {
  const { client } = useUserkit('useInfiniteBlockedUsers')
  const queryClient = useQueryClient()
  const firstPageKey = userKeys.blocked(filters)
  return useInfiniteQuery({
    ...infiniteBlockedUsersQueryOptions(client, filters),
    placeholderData: keepPreviousData,
    initialData: () => {
      const page = queryClient.getQueryData<UserPage>(firstPageKey)
      return page?.pagination.currentPage === 1 ? { pages: [page], pageParams: [1] } : undefined
    },
    initialDataUpdatedAt: () => queryClient.getQueryState(firstPageKey)?.dataUpdatedAt,
    ...options,
  }) as UseInfiniteQueryResult<InfiniteData<UserPage>, UserkitError>
}
