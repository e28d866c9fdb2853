import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import { useState } from 'react'
import type { BulkProgress, BulkUsersInput, BulkUsersResult } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { optimisticBulk } from '../optimisticBulk.js'
import { userKeys } from '../userKeys.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

export type UseBulkUsersResult = UseMutationResult<BulkUsersResult, UserkitError, BulkUsersInput> & {
  /**
   * How far the running action is (`null` before the first one): past the server's
   * `bulk.maxUsers` it runs as a job, and this follows it every `pollMs`.
   */
  progress: BulkProgress | null
}

/**
 * One bulk action (`client.bulkUsers`): deactivate, reactivate, change role, add or remove tags, over
 * users by uid or every user a filter matches (the server applies the filter). A role or tag change
 * by uid shows at once on every loaded user, and goes back exactly for each one the server could
 * not change (for all, if it refused the action). A large action runs on the server as a job,
 * followed here (`progress`) until it ends. Whatever the outcome, every list and user the cache
 * holds loads again afterwards.
 *
 * @example const bulk = useBulkUsers(); bulk.mutate({ action: 'setRole', role: 'moderator', target: { uids } })
 */
export function useBulkUsers(
  options?: UserkitMutationOptions<BulkUsersResult, BulkUsersInput> & { pollMs?: number; onProgress?: (progress: BulkProgress) => void },
): UseBulkUsersResult {
  const { client, store } = useUserkit('useBulkUsers')
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<BulkProgress | null>(null)
  const { pollMs, onProgress, ...rest } = options ?? {}
  const mutation = useMutation(
    composeMutationOptions<BulkUsersResult, BulkUsersInput, unknown>(
      {
        mutationFn: async (input) => {
          setProgress(null)
          const undo = await optimisticBulk(queryClient, store, input)
          try {
            const told = (progress: BulkProgress): void => {
              setProgress(progress)
              onProgress?.(progress)
            }
            const result = await client.bulkUsers(input, { onProgress: told, ...(pollMs !== undefined ? { pollMs } : {}) })
            undo.restore(result.failed.map((failure) => failure.uid))
            return result
          } catch (error) {
            undo.restoreAll()
            throw error
          }
        },
        onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
        meta: { hook: 'useBulkUsers' },
      },
      rest,
    ),
  )
  return { ...mutation, progress }
}
