import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import type { UserkitError } from '../../model/index.js'
import { userKeys } from '../userKeys.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

/** Whom a single-user mutation is about. */
export interface UserVariables {
  uid: string
}

/** A mutation that takes a user out of (or back into) every list: the lists refetch, the user's detail resets. */
export function useRemoval<TResult>(
  hook: string,
  run: (variables: UserVariables) => Promise<TResult>,
  options?: UserkitMutationOptions<TResult, UserVariables>,
): UseMutationResult<TResult, UserkitError, UserVariables> {
  const queryClient = useQueryClient()
  return useMutation(
    composeMutationOptions<TResult, UserVariables, unknown>(
      {
        mutationFn: run,
        onSuccess: async (_result, { uid }) => {
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
            queryClient.invalidateQueries({ queryKey: userKeys.blocked() }),
          ])
          // After the lists, so a reset detail cannot pick the old copy up from them again. A view
          // showing the user refetches at once: it shows the user's new state, not a stale copy.
          await queryClient.resetQueries({ queryKey: userKeys.detail(uid), exact: true })
        },
        meta: { hook },
      },
      options,
    ),
  )
}
