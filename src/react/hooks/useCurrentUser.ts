import { useStore } from 'zustand'
import type { CurrentUserState } from '../currentUserStore.js'
import { useUserkit } from '../context.js'

/**
 * The logged-in user's state: `user`, `authToken`, `status`. With a selector, the component
 * re-renders only when the selected part changes.
 *
 * @example const name = useCurrentUser((s) => s.user?.name)
 */
export function useCurrentUser(): CurrentUserState
export function useCurrentUser<T>(selector: (state: CurrentUserState) => T): T
export function useCurrentUser<T>(selector?: (state: CurrentUserState) => T): T | CurrentUserState {
  const { store } = useUserkit('useCurrentUser')
  return useStore(store, selector ?? ((state: CurrentUserState) => state as T))
}
