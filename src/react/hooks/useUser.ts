import { useQuery, useQueryClient, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query'
import type { User, UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { request } from './request.js'
import { userQueryOptions } from '../queryOptions.js'
import type { userKeys } from '../userKeys.js'
import { findCachedUser } from '../userCache.js'
import { useSignedIn } from './useSignedIn.js'

/**
 * TanStack's query options but the key and the request: `select`, `enabled`, `refetchOnMount`
 * (`'always'` is what an editor wants: the current version, not one a list loaded minutes ago)…
 */
export type UseUserOptions<TData = User> = Omit<UseQueryOptions<User, UserkitError, TData, ReturnType<typeof userKeys.detail>>, 'queryKey' | 'queryFn'>

/**
 * One user, over `userQueryOptions`. Calls made by many components in the same render become one
 * request, and a user already loaded in a list shows at once, without a request of its own.
 *
 * @example const { data: name } = useUser('ada', { select: (user) => user.name })
 */
export function useUser<TData = User>(uid: string, options: UseUserOptions<TData> = {}): UseQueryResult<TData, UserkitError> {
  const { client } = useUserkit('useUser')
  // Signed out, every request would be a 401: nothing is sent until someone signs in.
  const signedIn = useSignedIn()
  const queryClient = useQueryClient()
  return useQuery<User, UserkitError, TData, ReturnType<typeof userKeys.detail>>({
    ...request(userQueryOptions(client, uid)),
    initialData: () => findCachedUser(queryClient, uid)?.user,
    initialDataUpdatedAt: () => findCachedUser(queryClient, uid)?.updatedAt,
    ...options,
    enabled: signedIn ? (options.enabled ?? true) : false,
  })
}
