import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query'
import type { UpdateCurrentUserInput, UpdateUserInput, User, UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { optimisticUpdate } from '../optimisticUpdate.js'

export interface UpdateUserVariables {
  uid: string
  input: UpdateUserInput
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
 */
export function useUpdateUser(): UseMutationResult<User, UserkitError, UpdateUserVariables> {
  const { client, store } = useUserkit('useUpdateUser')
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ uid, input, ifMatch }) =>
      optimisticUpdate({
        queryClient,
        store,
        uid,
        input,
        ifMatch,
        send: (version) => client.updateUser(uid, input, version ? { ifMatch: version } : {}),
      }),
  })
}

export type UpdateCurrentUserVariables = UpdateCurrentUserInput & {
  /** As in `useUpdateUser`. */
  ifMatch?: string | false
}

/**
 * Updates the logged-in user's own profile (`PUT /me`). `uid` and `role` are not accepted: a type
 * error, and dropped at run time.
 */
export function useUpdateCurrentUser(): UseMutationResult<User, UserkitError, UpdateCurrentUserVariables> {
  const { client, store } = useUserkit('useUpdateCurrentUser')
  const queryClient = useQueryClient()
  return useMutation({
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
  })
}
