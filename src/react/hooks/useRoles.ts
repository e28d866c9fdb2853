import { useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query'
import type { Role } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { rolesQueryOptions } from '../queryOptions.js'
import type { userKeys } from '../userKeys.js'
import { request } from './request.js'
import { useSignedIn } from './useSignedIn.js'

export type UseRolesOptions<TData = Role[]> = Omit<UseQueryOptions<Role[], UserkitError, TData, ReturnType<typeof userKeys.roles>>, 'queryKey' | 'queryFn'>

/**
 * The roles the server knows (`GET /roles`), each with the name to show for it, over
 * `rolesQueryOptions`: loaded once, shared by every component that shows a role.
 *
 * @example const { data: roles } = useRoles()
 */
export function useRoles<TData = Role[]>(options: UseRolesOptions<TData> = {}): UseQueryResult<TData, UserkitError> {
  const { client } = useUserkit('useRoles')
  // Signed out, every request would be a 401: nothing is sent until someone signs in.
  const signedIn = useSignedIn()
  return useQuery<Role[], UserkitError, TData, ReturnType<typeof userKeys.roles>>({
    ...request(rolesQueryOptions(client)),
    ...options,
    enabled: signedIn ? (options.enabled ?? true) : false,
  })
}
