import type { QueryClient } from '@tanstack/react-query'
import { isUserkitError, userEtag, type UpdateUserInput, type User } from '../model/index.js'
import type { CurrentUserStore } from './currentUserStore.js'
import {
  applyInput,
  findCachedUser,
  holdsUser,
  patchUser,
  replaceWith,
  restoreSnapshot,
  snapshotUser,
  withoutToken,
} from './userCache.js'
import { userKeys } from './userKeys.js'

export interface OptimisticUpdate {
  queryClient: QueryClient
  store: CurrentUserStore
  uid: string
  input: UpdateUserInput
  /**
   * The version to send as `If-Match`: by default the one on screen (from the cache), `false` for none.
   */
  ifMatch?: string | false | undefined
  send(ifMatch: string | undefined): Promise<User>
}

/** Changes the user in the cache and the store, and the store too when it is the logged-in user. */
export function patchEverywhere(queryClient: QueryClient, store: CurrentUserStore, uid: string, change: (user: User) => User): void {
  patchUser(queryClient, uid, change)
  const me = store.getState().user
  if (me?.uid === uid) store.getState().userChanged(change(me))
}

/**
 * Shows the update at once in the user's detail entry, every loaded list and page and the store;
 * sends it with the version the user was looking at; settles on the server's answer. On any
 * failure everything goes back to exactly what it was, and after a conflict to the server's copy.
 */
export async function optimisticUpdate({ queryClient, store, uid, input, ifMatch, send }: OptimisticUpdate): Promise<User> {
  const key = uid.toLowerCase()
  // A refetch landing mid-update would overwrite the optimistic copy with the old one.
  await queryClient.cancelQueries({ queryKey: userKeys.all, predicate: (query) => holdsUser(query.state.data, key) })
  const onScreen = findCachedUser(queryClient, key)?.user ?? (store.getState().user?.uid === key ? store.getState().user : null)
  const version = ifMatch === false ? undefined : (ifMatch ?? (onScreen ? userEtag(onScreen) : undefined))
  const snapshot = snapshotUser(queryClient, key)
  const storeUser = store.getState().user
  const cache = queryClient.getQueryCache()
  const existed = new Set(cache.findAll({ queryKey: userKeys.all }))

  patchEverywhere(queryClient, store, key, applyInput(input))
  // Changing the store writes `me` and the detail into the cache; a rollback must not leave them behind.
  const added = cache.findAll({ queryKey: userKeys.all }).filter((query) => !existed.has(query))
  try {
    const saved = withoutToken(await send(version))
    patchEverywhere(queryClient, store, key, replaceWith(saved))
    if (!queryClient.getQueryData(userKeys.detail(key))) queryClient.setQueryData(userKeys.detail(key), saved)
    return saved
  } catch (error) {
    restoreSnapshot(queryClient, snapshot)
    if (storeUser?.uid === key) store.getState().userChanged(storeUser)
    for (const query of added) if (query.getObserversCount() === 0) cache.remove(query)
    if (isUserkitError(error) && error.code === 'ERR_CONFLICT' && error.current) {
      patchEverywhere(queryClient, store, key, replaceWith(error.current))
    }
    throw error
  }
}
