import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import type { UpdateCurrentUserInput, User, UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { optimisticUpdate } from '../optimisticUpdate.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

/** The changes to the logged-in user, and the version they apply to: as `useUpdateUser`'s, without `uid`. */
export type UpdateCurrentUserVariables = UpdateCurrentUserInput & {
  /** As in `useUpdateUser`. */
  ifMatch?: string | false
}

/**
 * Updates the logged-in user's own profile (`PUT /me`). `uid` and `role` are not accepted: a type
 * error, and dropped at run time.
 */
export function useUpdateCurrentUser(
  options?: UserkitMutationOptions<User, UpdateCurrentUserVariables>,
): UseMutationResult<User, UserkitError, UpdateCurrentUserVariables> {
  const { client, store } = useUserkit('useUpdateCurrentUser')
  const queryClient = useQueryClient()
  return useMutation(
    composeMutationOptions<User, UpdateCurrentUserVariables, unknown>(
      {
        mutationFn: async ({ ifMatch, ...variables }) => {
          const { uid: _uid, role: _role, ...input } = variables as UpdateCurrentUserInput & { uid?: unknown; role?: unknown }
          const me = store.getState().user
          if (!me) return client.updateMe(input, ifMatch ? { ifMatch } : {})
          return optimisticUpdate({
            queryClient,
            store,
            uid: me.uid,
            input,
            ifMatch,
            send: (version) => client.updateMe(input, version ? { ifMatch: version } : {}),
          })
        },
      },
      options,
    ),
  )
}
