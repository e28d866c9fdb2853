import {
  keepPreviousData,
  useInfiniteQuery,
  useQueryClient,
  type InfiniteData,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query'
import type { BlockedUsersQuery, UserPage } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import type { UserPagesOptions, UserPagesQueryOptions } from './pagesOptions.js'
import { infiniteBlockedUsersQueryOptions } from '../queryOptions.js'
import { userKeys } from '../userKeys.js'
import { useSignedIn } from './useSignedIn.js'

type Options = UserPagesQueryOptions<ReturnType<typeof userKeys.infiniteBlocked>>

/** TanStack's infinite query options but the key, the request and the paging. */
export type UseInfiniteBlockedUsersOptions = UserPagesOptions<ReturnType<typeof userKeys.infiniteBlocked>>

/**
 * Pages of the users the logged-in user has blocked, over `infiniteBlockedUsersQueryOptions`:
 * `fetchNextPage()` while `hasNextPage`. A first page already cached under `userKeys.blocked(filters)`
 * (prefetched with `blockedUsersQueryOptions`, or rendered on the server) shows at once.
 */
export function useInfiniteBlockedUsers(
  filters: Omit<BlockedUsersQuery, 'page'> = {},
  options: UseInfiniteBlockedUsersOptions = {},
): UseInfiniteQueryResult<InfiniteData<UserPage>, UserkitError> {
  const { client } = useUserkit('useInfiniteBlockedUsers')
  // Signed out, every request would be a 401: nothing is sent until someone signs in.
  const signedIn = useSignedIn()
  const queryClient = useQueryClient()
  const firstPageKey = userKeys.blocked(filters)
  // The factory's error type is TanStack's `Error`; the client only ever throws a UserkitError.
  const query = {
    ...(infiniteBlockedUsersQueryOptions(client, filters) as unknown as Options),
    placeholderData: keepPreviousData,
    initialData: () => {
      const page = queryClient.getQueryData<UserPage>(firstPageKey)
      return page?.pagination.currentPage === 1 ? { pages: [page], pageParams: [1] } : undefined
    },
    initialDataUpdatedAt: () => queryClient.getQueryState(firstPageKey)?.dataUpdatedAt,
    ...options,
    enabled: signedIn ? (options.enabled ?? true) : false,
  } as Options
  return useInfiniteQuery(query) as UseInfiniteQueryResult<InfiniteData<UserPage>, UserkitError>
}
