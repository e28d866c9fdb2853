import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query'
import type { UserPage } from '../../client/index.js'
import type { UserkitError, UsersQueryInput } from '../../model/index.js'
import { useUserkit } from '../context.js'
import type { UserPagesOptions, UserPagesQueryOptions } from './pagesOptions.js'
import { infiniteUsersQueryOptions } from '../queryOptions.js'
import type { userKeys } from '../userKeys.js'
import { useSignedIn } from './useSignedIn.js'

type Options = UserPagesQueryOptions<ReturnType<typeof userKeys.infinite>>

/** TanStack's infinite query options but the key, the request and the paging. */
export type UseInfiniteUsersOptions = UserPagesOptions<ReturnType<typeof userKeys.infinite>>

/** Pages of users for infinite scrolling, over `infiniteUsersQueryOptions`: `fetchNextPage()` while `hasNextPage`. */
export function useInfiniteUsers(
  filters: Omit<UsersQueryInput, 'page'> = {},
  options: UseInfiniteUsersOptions = {},
): UseInfiniteQueryResult<InfiniteData<UserPage>, UserkitError> {
  const { client } = useUserkit('useInfiniteUsers')
  // Signed out, every request would be a 401: nothing is sent until someone signs in.
  const signedIn = useSignedIn()
  // The factory's error type is TanStack's `Error`; the client only ever throws a UserkitError.
  const query = { ...(infiniteUsersQueryOptions(client, filters) as unknown as Options), ...options, enabled: signedIn ? (options.enabled ?? true) : false } as Options
  return useInfiniteQuery(query) as UseInfiniteQueryResult<InfiniteData<UserPage>, UserkitError>
}
