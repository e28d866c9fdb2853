import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import type { DeleteResult } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

/**
 * Logs out (`DELETE /me`, which revokes the token) and clears the store and every cached user,
 * since all of them were seen through this user's eyes. Locally it logs out even if the server
 * cannot be reached.
 */
export function useLogout(options?: UserkitMutationOptions<DeleteResult, void>): UseMutationResult<DeleteResult, UserkitError, void> {
  const { client, store } = useUserkit('useLogout')
  return useMutation(composeMutationOptions<DeleteResult, void, unknown>({
    mutationFn: async () => {
      try {
        return await client.logout()
      } finally {
        store.getState().logout()
      }
    },
  }, options))
}
