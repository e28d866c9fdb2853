import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import type { CreateUserOptions } from '../../client/index.js'
import type { CreateUserInput, User, UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { withoutToken } from '../userCache.js'
import { userKeys } from '../userKeys.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

export type CreateUserVariables = CreateUserInput & Pick<CreateUserOptions, 'withAuthToken'>

/** Creates a user; its detail is cached and every list refetches, since any filter may now match it. */
export function useCreateUser(options?: UserkitMutationOptions<User, CreateUserVariables>): UseMutationResult<User, UserkitError, CreateUserVariables> {
  const { client } = useUserkit('useCreateUser')
  const queryClient = useQueryClient()
  return useMutation(
    composeMutationOptions<User, CreateUserVariables, unknown>(
      {
        mutationFn: ({ withAuthToken, ...input }) => client.createUser(input, withAuthToken ? { withAuthToken } : {}),
        onSuccess: async (user) => {
          queryClient.setQueryData(userKeys.detail(user.uid), withoutToken(user))
          await queryClient.invalidateQueries({ queryKey: userKeys.lists() })
        },
      },
      options,
    ),
  )
}
