import type { QueryClient, QueryObserver } from '@tanstack/react-query'
import type { UserClient } from '../client/index.js'
import type { User } from '../model/index.js'
import type { CurrentUserStore } from './currentUserStore.js'
import { userKeys } from './userKeys.js'

/**
 * Wires a store to a client and a query cache, and returns the unwiring:
 * - the client sends the token of whoever the store says is logged in;
 * - any change of the logged-in user in the cache (an edit, a rollback, a refetch) reaches the store;
 * - signing in, logging out or switching users, here or in another tab, drops every viewer-relative
 *   cache entry, and the views on screen load again as whoever is logged in now (a view that failed
 *   while nobody was signed in loads, with no Retry needed);
 * - a persisted login is restored once mounted, never during a server render.
 */
export function keepStoreAndCacheInStep(client: UserClient, store: CurrentUserStore, queryClient: QueryClient): () => void {
  const applyToken = (token: string | null): void => {
    if ((client.authToken ?? null) !== token) client.setAuthToken(token ?? undefined)
  }

  const unsubscribeStore = store.subscribe((state, previous) => {
    const switched = state.status === 'authenticated' && previous.user !== null && previous.user.uid !== state.user?.uid
    const signedIn = state.status === 'authenticated' && previous.status !== 'authenticated' && previous.user === null
    let onScreen: QueryObserver[] = []
    if ((previous.status === 'authenticated' && state.status !== 'authenticated') || switched || signedIn) {
      applyToken(null)
      onScreen = queryClient.getQueryCache().findAll({ queryKey: userKeys.all }).flatMap((query) => query.observers)
      queryClient.removeQueries({ queryKey: userKeys.all })
    }
    if (state.status === 'authenticated') applyToken(state.authToken)
    if (state.user && state.user !== previous.user) {
      queryClient.setQueryData(userKeys.me(), state.user)
      queryClient.setQueryData(userKeys.detail(state.user.uid), state.user)
    }
    // Mounted views still hold the removed entries, as the previous user saw them: what their next
    // render would do, now — take a fresh entry and load it as whoever is logged in now.
    for (const observer of onScreen) observer.setOptions(observer.options)
  })

  const unsubscribeCache = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return
    const me = store.getState().user
    const data = event.query.state.data as User | undefined
    if (!me || !data || data.uid !== me.uid) return
    const key = event.query.queryKey
    const isMine = key.length === userKeys.me().length ? key[1] === 'me' : key[1] === 'detail' && key[2] === me.uid
    if (isMine) store.getState().userChanged(data)
  })

  let storageListener: ((event: StorageEvent) => void) | undefined
  if (store.persist) {
    void store.persist.rehydrate()
    const name = store.persist.getOptions().name
    storageListener = (event) => {
      if (event.key === name) void store.persist?.rehydrate()
    }
    window.addEventListener('storage', storageListener)
  }
  const state = store.getState()
  if (state.status === 'authenticated') applyToken(state.authToken)

  return () => {
    unsubscribeStore()
    unsubscribeCache()
    if (storageListener) window.removeEventListener('storage', storageListener)
  }
}
