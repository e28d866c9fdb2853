import { useMutation, useQueryClient, type Query, type UseMutationResult } from '@tanstack/react-query'
import type { Outcomes } from '../../client/index.js'
import type { UserkitError, UsersQueryInput } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { patchEverywhere } from '../optimisticUpdate.js'
import { userKeys } from '../userKeys.js'

// Lists that hide blocked users change membership, not just a flag: those refetch.
const hidesBlocked = (query: Query): boolean => (query.queryKey[3] as UsersQueryInput | undefined)?.hideBlockedUsers === true

function useBlockChange(hook: string, block: boolean): UseMutationResult<Outcomes, UserkitError, string[]> {
  const { client, store } = useUserkit(hook)
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (uids: string[]) => (block ? client.blockUsers(uids) : client.unblockUsers(uids)),
    onSuccess: async (outcomes) => {
      for (const [uid, outcome] of Object.entries(outcomes)) {
        if (outcome.success) patchEverywhere(queryClient, store, uid, (user) => ({ ...user, blockedByMe: block }))
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.blocked() }),
        queryClient.invalidateQueries({ queryKey: userKeys.lists(), predicate: hidesBlocked }),
      ])
    },
  })
}

/** Blocks users for the logged-in user; resolves each uid's outcome. */
export function useBlockUsers(): UseMutationResult<Outcomes, UserkitError, string[]> {
  return useBlockChange('useBlockUsers', true)
}

/** Unblocks users for the logged-in user; resolves each uid's outcome. */
export function useUnblockUsers(): UseMutationResult<Outcomes, UserkitError, string[]> {
  return useBlockChange('useUnblockUsers', false)
}
