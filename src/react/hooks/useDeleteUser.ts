import type { UseMutationResult } from '@tanstack/react-query'
import type { DeleteResult } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { inBrowser, warnOnce } from '../development.js'
import type { UserkitMutationOptions } from './mutationOptions.js'
import { useRemoval, type UserVariables } from './useRemoval.js'

/**
 * Erases a user for good. It needs a fullAccess key, so it belongs to server-side code (an SSR
 * action, a backend script); in a browser it warns in development.
 */
export function useDeleteUser(options?: UserkitMutationOptions<DeleteResult, UserVariables>): UseMutationResult<DeleteResult, UserkitError, UserVariables> {
  const { client } = useUserkit('useDeleteUser')
  if (inBrowser() && client.hasApiKey) {
    warnOnce('useDeleteUser needs a fullAccess key, which must never reach a browser: erase users from server code.')
  }
  return useRemoval('useDeleteUser', ({ uid }) => client.deleteUser(uid), options)
}
