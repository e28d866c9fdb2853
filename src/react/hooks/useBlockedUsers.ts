import { keepPreviousData, useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query'
import type { BlockedUsersQuery, UserPage } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { request } from './request.js'
import { blockedUsersQueryOptions } from '../queryOptions.js'
import type { userKeys } from '../userKeys.js'
import { useSignedIn } from './useSignedIn.js'

/** TanStack's query options but the key and the request. */
export type UseBlockedUsersOptions<TData = UserPage> = Omit<
  UseQueryOptions<UserPage, UserkitError, TData, ReturnType<typeof userKeys.blocked>>,
  'queryKey' | 'queryFn'
>

/** The users the logged-in user has blocked, a page, over `blockedUsersQueryOptions`. */
export function useBlockedUsers<TData = UserPage>(
  filters: BlockedUsersQuery = {},
  options: UseBlockedUsersOptions<TData> = {},
): UseQueryResult<TData, UserkitError> {
  const { client } = useUserkit('useBlockedUsers')
  // Signed out, every request would be a 401: nothing is sent until someone signs in.
  const signedIn = useSignedIn()
  return useQuery<UserPage, UserkitError, TData, ReturnType<typeof userKeys.blocked>>({
    ...request(blockedUsersQueryOptions(client, filters)),
    placeholderData: keepPreviousData,
    ...options,
    enabled: signedIn ? (options.enabled ?? true) : false,
  })
}
