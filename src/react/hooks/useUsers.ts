import { keepPreviousData, useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query'
import type { UserPage } from '../../client/index.js'
import type { UserkitError, UsersQueryInput } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { request } from './request.js'
import { usersQueryOptions } from '../queryOptions.js'
import type { userKeys } from '../userKeys.js'
import { useSignedIn } from './useSignedIn.js'

/** TanStack's query options but the key and the request. */
export type UseUsersOptions<TData = UserPage> = Omit<UseQueryOptions<UserPage, UserkitError, TData, ReturnType<typeof userKeys.list>>, 'queryKey' | 'queryFn'>

/**
 * One page of users, over `usersQueryOptions`; while the next page loads, the previous one stays
 * on screen (`placeholderData`, which `options` may replace).
 *
 * @example const { data } = useUsers({ role: 'admin', perPage: 20 })
 */
export function useUsers<TData = UserPage>(filters: UsersQueryInput = {}, options: UseUsersOptions<TData> = {}): UseQueryResult<TData, UserkitError> {
  const { client } = useUserkit('useUsers')
  // Signed out, every request would be a 401: nothing is sent until someone signs in.
  const signedIn = useSignedIn()
  return useQuery<UserPage, UserkitError, TData, ReturnType<typeof userKeys.list>>({
    ...request(usersQueryOptions(client, filters)),
    placeholderData: keepPreviousData,
    ...options,
    enabled: signedIn ? (options.enabled ?? true) : false,
  })
}
