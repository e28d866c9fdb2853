import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import type { CreateUserOptions, DeleteResult, Outcomes } from '../../client/index.js'
import { UserkitError, type CreateUserInput, type User } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { inBrowser, warnOnce } from '../development.js'
import { withoutToken } from '../userCache.js'
import { userKeys } from '../userKeys.js'

export type CreateUserVariables = CreateUserInput & Pick<CreateUserOptions, 'withAuthToken'>

/** Creates a user; its detail is cached and every list refetches, since any filter may now match it. */
export function useCreateUser(): UseMutationResult<User, UserkitError, CreateUserVariables> {
  const { client } = useUserkit('useCreateUser')
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ withAuthToken, ...input }) => client.createUser(input, withAuthToken ? { withAuthToken } : {}),
    onSuccess: async (user) => {
      queryClient.setQueryData(userKeys.detail(user.uid), withoutToken(user))
      await queryClient.invalidateQueries({ queryKey: userKeys.lists() })
    },
  })
}

function useRemoval<TVariables, TResult>(
  hook: string,
  run: (variables: TVariables) => Promise<TResult>,
  uidsOf: (variables: TVariables) => string[],
): UseMutationResult<TResult, UserkitError, TVariables> {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: async (_result, variables) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: userKeys.blocked() }),
      ])
      // After the lists, so a reset detail cannot pick the old copy up from them again. A view
      // showing the user refetches at once: it shows the user's new state, not a stale copy.
      await Promise.all(
        uidsOf(variables).map((uid) => queryClient.resetQueries({ queryKey: userKeys.detail(uid), exact: true })),
      )
    },
    meta: { hook },
  })
}

/** Deactivates a user (they can be reactivated): gone from every list and lookup. */
export function useDeactivateUser(): UseMutationResult<DeleteResult, UserkitError, string> {
  const { client } = useUserkit('useDeactivateUser')
  return useRemoval('useDeactivateUser', (uid: string) => client.deactivateUser(uid), (uid) => [uid])
}

/** Reactivates a deactivated user; rejects with the server's reason when it could not. */
export function useReactivateUser(): UseMutationResult<Outcomes, UserkitError, string> {
  const { client } = useUserkit('useReactivateUser')
  return useRemoval(
    'useReactivateUser',
    async (uid: string) => {
      const outcomes = await client.reactivateUsers([uid])
      const outcome = outcomes[uid.toLowerCase()]
      if (outcome && !outcome.success) {
        throw new UserkitError((outcome.error?.code ?? 'ERR_BAD_REQUEST') as UserkitError['code'], outcome.message)
      }
      return outcomes
    },
    (uid) => [uid],
  )
}

/**
 * Erases a user for good. It needs a fullAccess key, so it belongs to server-side code (an SSR
 * action, a backend script); in a browser it warns in development.
 */
export function useDeleteUser(): UseMutationResult<DeleteResult, UserkitError, string> {
  const { client } = useUserkit('useDeleteUser')
  if (inBrowser() && client.hasApiKey) {
    warnOnce('useDeleteUser needs a fullAccess key, which must never reach a browser: erase users from server code.')
  }
  return useRemoval('useDeleteUser', (uid: string) => client.deleteUser(uid), (uid) => [uid])
}
