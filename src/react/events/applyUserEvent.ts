import type { QueryClient } from '@tanstack/react-query'
import type { UserEvent } from '../../client/readUserEvents.js'
import type { CurrentUserStore } from '../currentUserStore.js'
import { patchEverywhere } from '../optimisticUpdate.js'
import { holdsUser, replaceWith } from '../userCache.js'
import { userKeys } from '../userKeys.js'

/**
 * Brings the cache up to date with one event: the user's detail entry, every loaded list and page,
 * and the store when it is the logged-in user. A change of who belongs in a list (a new, deactivated
 * or reactivated user, a block) refetches only the lists; anything else needs no request.
 */
export function applyUserEvent(queryClient: QueryClient, store: CurrentUserStore, event: UserEvent): void {
  const { type, uid, user } = event
  if (user) patchEverywhere(queryClient, store, uid, replaceWith(user))
  switch (type) {
    case 'user.created':
    case 'user.reactivated':
      void queryClient.invalidateQueries({ queryKey: userKeys.lists() })
      return
    case 'user.deactivated':
      void queryClient.invalidateQueries({ queryKey: userKeys.all, predicate: (query) => holdsUser(query.state.data, uid) })
      return
    case 'user.blocked':
    case 'user.unblocked':
      void queryClient.invalidateQueries({ queryKey: userKeys.blocked() })
      return
    default:
      return
  }
}
