import type { UseMutationResult } from '@tanstack/react-query'
import type { DeleteResult } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import type { UserkitMutationOptions } from './mutationOptions.js'
import { useRemoval, type UserVariables } from './useRemoval.js'

/** Deactivates a user (they can be reactivated): gone from every list and lookup. */
export function useDeactivateUser(options?: UserkitMutationOptions<DeleteResult, UserVariables>): UseMutationResult<DeleteResult, UserkitError, UserVariables> {
  const { client } = useUserkit('useDeactivateUser')
  return useRemoval('useDeactivateUser', ({ uid }) => client.deactivateUser(uid), options)
}
