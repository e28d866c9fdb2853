import { useQuery, useQueryClient, useSuspenseQuery, type UseQueryResult, type UseSuspenseQueryResult } from '@tanstack/react-query'
import type { User, UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { USER_STALE_TIME } from '../queryOptions.js'
import { userKeys } from '../userKeys.js'
import { findCachedUser } from '../userCache.js'

export interface UseUserOptions<TData = User> {
  /** Derive what the component needs; it then re-renders only when that changes. */
  select?: (user: User) => TData
  /** @default true */
  enabled?: boolean
  /**
   * `'always'` asks the server again on mount even when a fresh copy is cached: what an editor
   * wants, so that it edits the current version rather than one a list loaded minutes ago.
   * @default true (refetch on mount only when stale)
   */
  refetchOnMount?: boolean | 'always'
}

/**
 * One user. Calls made by many components in the same render become one request, and a user
 * already loaded in a list shows at once, without a request of its own.
 */
export function useUser<TData = User>(uid: string, options: UseUserOptions<TData> = {}): UseQueryResult<TData, UserkitError> {
  const { client } = useUserkit('useUser')
  const queryClient = useQueryClient()
  return useQuery<User, UserkitError, TData, ReturnType<typeof userKeys.detail>>({
    queryKey: userKeys.detail(uid),
    queryFn: ({ signal }) => client.getUser(uid, { signal }),
    staleTime: USER_STALE_TIME,
    initialData: () => findCachedUser(queryClient, uid)?.user,
    initialDataUpdatedAt: () => findCachedUser(queryClient, uid)?.updatedAt,
    ...options,
  })
}

/** `useUser` for Suspense: renders only once the user is there; errors go to the error boundary. */
export function useSuspenseUser<TData = User>(
  uid: string,
  options: Pick<UseUserOptions<TData>, 'select'> = {},
): UseSuspenseQueryResult<TData, UserkitError> {
  const { client } = useUserkit('useSuspenseUser')
  return useSuspenseQuery<User, UserkitError, TData, ReturnType<typeof userKeys.detail>>({
    queryKey: userKeys.detail(uid),
    queryFn: ({ signal }) => client.getUser(uid, { signal }),
    staleTime: USER_STALE_TIME,
    ...options,
  })
}
