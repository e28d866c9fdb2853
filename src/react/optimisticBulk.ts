import type { QueryClient } from '@tanstack/react-query'
import type { BulkUsersInput } from '../client/index.js'
import type { User } from '../model/index.js'
import type { CurrentUserStore } from './currentUserStore.js'
import { patchEverywhere } from './optimisticUpdate.js'
import { holdsUser, mapCachedUser, type CacheSnapshot } from './userCache.js'
import { userKeys } from './userKeys.js'

/** Puts users back as they were before an optimistic bulk change: the failed ones, or all. */
export interface BulkUndo {
  restore(uids: readonly string[]): void
  restoreAll(): void
}

/** How an action changes one user, when that can be shown before the server answers and undone exactly. */
function changeOf(input: BulkUsersInput): ((user: User) => User) | undefined {
  switch (input.action) {
    case 'setRole':
      return input.role === undefined ? undefined : (user) => ({ ...user, role: input.role! })
    case 'addTags':
      return (user) => {
        const now = user.tags ?? []
        return { ...user, tags: [...now, ...(input.tags ?? []).filter((tag) => !now.includes(tag))] }
      }
    case 'removeTags':
      return (user) => ({ ...user, tags: (user.tags ?? []).filter((tag) => !(input.tags ?? []).includes(tag)) })
    default:
      // Deactivation takes a user out of lists and pages (and their counts): not undone exactly, so not shown early.
      return undefined
  }
}

const noUndo: BulkUndo = { restore: () => {}, restoreAll: () => {} }

/**
 * Shows a bulk role or tag change at once on every loaded user it names by uid (a filter's users
 * are the server's to find, so those wait for its answer). Each user can go back exactly as it was
 * on its own: the ones the server could not change, or all of them when the action was refused.
 */
export async function optimisticBulk(queryClient: QueryClient, store: CurrentUserStore, input: BulkUsersInput): Promise<BulkUndo> {
  const change = changeOf(input)
  if (!change || !('uids' in input.target)) return noUndo
  const uids = [...new Set(input.target.uids.map((uid) => uid.toLowerCase()))]
  const shown = (data: unknown): boolean => uids.some((uid) => holdsUser(data, uid))
  // A refetch landing meanwhile would put the old copies back over the optimistic ones.
  await queryClient.cancelQueries({ queryKey: userKeys.all, predicate: (query) => shown(query.state.data) })
  const snapshot: CacheSnapshot = queryClient.getQueriesData({ queryKey: userKeys.all }).filter(([, data]) => shown(data))
  const me = store.getState().user
  for (const uid of uids) patchEverywhere(queryClient, store, uid, change)

  const restore = (failed: readonly string[]): void => {
    for (const uid of failed.map((each) => each.toLowerCase())) {
      for (const [key, before] of snapshot) {
        let was: User | undefined
        mapCachedUser(before, uid, (user) => (was = user))
        if (was) queryClient.setQueryData(key, (now: unknown) => mapCachedUser(now, uid, () => was!))
      }
      if (me?.uid === uid) store.getState().userChanged(me)
    }
  }
  return { restore, restoreAll: () => restore(uids) }
}
