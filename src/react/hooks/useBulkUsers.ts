import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import type { BulkUsersInput, BulkUsersResult } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { userKeys } from '../userKeys.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

/**
 * One bulk action (`client.bulkUsers`): deactivate, reactivate, change role, add or remove tags, over
 * users by uid or every user a filter matches (the server applies the filter). Whatever the outcome,
 * every list and user the cache holds loads again: some rows may have changed even when others failed.
 *
 * @example const bulk = useBulkUsers(); bulk.mutate({ action: 'setRole', role: 'moderator', target: { uids } })
 */
export function useBulkUsers(options?: UserkitMutationOptions<BulkUsersResult, BulkUsersInput>): UseMutationResult<BulkUsersResult, UserkitError, BulkUsersInput> {
  const { client } = useUserkit('useBulkUsers')
  const queryClient = useQueryClient()
  return useMutation(
    composeMutationOptions<BulkUsersResult, BulkUsersInput, unknown>(
      {
        mutationFn: (input) => client.bulkUsers(input),
        onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
        meta: { hook: 'useBulkUsers' },
      },
      options,
    ),
  )
}
