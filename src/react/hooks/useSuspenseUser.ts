import { useSuspenseQuery, type UseSuspenseQueryOptions, type UseSuspenseQueryResult } from '@tanstack/react-query'
import type { User, UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { request } from './request.js'
import { userQueryOptions } from '../queryOptions.js'
import type { userKeys } from '../userKeys.js'

/** TanStack's Suspense query options but the key and the request. */
export type UseSuspenseUserOptions<TData = User> = Omit<
  UseSuspenseQueryOptions<User, UserkitError, TData, ReturnType<typeof userKeys.detail>>,
  'queryKey' | 'queryFn'
>

/** `useUser` for Suspense: renders only once the user is there; errors go to the error boundary. */
export function useSuspenseUser<TData = User>(uid: string, options: UseSuspenseUserOptions<TData> = {}): UseSuspenseQueryResult<TData, UserkitError> {
  const { client } = useUserkit('useSuspenseUser')
  return useSuspenseQuery<User, UserkitError, TData, ReturnType<typeof userKeys.detail>>({ ...request(userQueryOptions(client, uid)), ...options })
}
