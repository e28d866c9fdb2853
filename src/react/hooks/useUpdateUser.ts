import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import type { UpdateUserInput, User, UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { optimisticUpdate } from '../optimisticUpdate.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

/** Whom to change, the changes, and the version they apply to. */
export type UpdateUserVariables = UpdateUserInput & {
  uid: string
  /**
   * `If-Match`: by default the version of the user on screen, so a change made meanwhile by
   * someone else is refused (`ERR_CONFLICT`, with the server's copy in `error.current`) instead of
   * overwritten. `false` sends none.
   */
  ifMatch?: string | false
}

/**
 * Updates any user (an admin screen, or a backend's client). Optimistic: every view of the user
 * shows the change at once, and goes back if the server refuses it.
 *
 * @example useUpdateUser({ onSuccess: (user) => toast(`Saved ${user.name}`) }).mutate({ uid: 'grace', role: 'admin' })
 */
export function useUpdateUser(options?: UserkitMutationOptions<User, UpdateUserVariables>): UseMutationResult<User, UserkitError, UpdateUserVariables> {
  const { client, store } = useUserkit('useUpdateUser')
  const queryClient = useQueryClient()
  return useMutation(
    composeMutationOptions<User, UpdateUserVariables, unknown>(
      {
        mutationFn: ({ uid, ifMatch, ...input }) =>
          optimisticUpdate({
            queryClient,
            store,
            uid,
            input,
            ifMatch,
            send: (version) => client.updateUser(uid, input, version ? { ifMatch: version } : {}),
          }),
      },
      options,
    ),
  )
}
