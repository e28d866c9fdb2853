import type { UseMutationResult } from '@tanstack/react-query'
import type { Outcomes } from '../../client/index.js'
import { UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import type { UserkitMutationOptions } from './mutationOptions.js'
import { useRemoval, type UserVariables } from './useRemoval.js'

/** Reactivates a deactivated user; rejects with the server's reason when it could not. */
export function useReactivateUser(options?: UserkitMutationOptions<Outcomes, UserVariables>): UseMutationResult<Outcomes, UserkitError, UserVariables> {
  const { client } = useUserkit('useReactivateUser')
  return useRemoval(
    'useReactivateUser',
    async ({ uid }) => {
      const outcomes = await client.reactivateUsers([uid])
      const outcome = outcomes[uid.toLowerCase()]
      if (outcome && !outcome.success) {
        throw new UserkitError((outcome.error?.code ?? 'ERR_BAD_REQUEST') as UserkitError['code'], outcome.message)
      }
      return outcomes
    },
    options,
  )
}
