import { createStore, type StoreApi } from 'zustand/vanilla'
import { createJSONStorage, persist } from 'zustand/middleware'
import { canonicalJson, type User } from '../model/index.js'

export type CurrentUserStatus = 'anonymous' | 'authenticating' | 'authenticated'

export interface CurrentUserState {
  user: User | null
  authToken: string | null
  status: CurrentUserStatus
  /** A login is under way. */
  loginStarted(): void
  /** The server accepted the login: `user` with the token the client now sends. */
  loginSucceeded(user: User, authToken: string | null): void
  /** The login failed: back to anonymous, nothing kept. */
  loginFailed(): void
  /** The logged-in user changed (an edit, a refetch). Ignored for anyone else. */
  userChanged(user: User): void
  logout(): void
}

export interface CurrentUserStoreOptions {
  /**
   * Keep the login across reloads: `'session'` for this tab, `'local'` for every tab (logging out
   * in one logs out the others). The token is stored in Web Storage, readable by the page's scripts.
   * @default false
   */
  persist?: 'session' | 'local' | false
  /**
   * The storage key.
   * @default 'userkit:current-user'
   */
  name?: string
}

/** A vanilla zustand store; persisting stores also carry zustand's `persist` API. */
export type CurrentUserStore = StoreApi<CurrentUserState> & {
  persist?: { rehydrate(): Promise<void> | void; getOptions(): { name?: string } }
}

const anonymous = { user: null, authToken: null, status: 'anonymous' } as const

/**
 * The store of the logged-in user, one per provider. Persistence is opt-in, hydrates only when
 * `<UserkitProvider>` mounts (so a server render and the first client render agree), and never
 * touches storage during SSR.
 */
export function createCurrentUserStore(options: CurrentUserStoreOptions = {}): CurrentUserStore {
  const state = (set: StoreApi<CurrentUserState>['setState'], get: StoreApi<CurrentUserState>['getState']): CurrentUserState => ({
    ...anonymous,
    loginStarted: () => set({ status: 'authenticating' }),
    loginSucceeded: (user, authToken) => set({ user, authToken, status: 'authenticated' }),
    loginFailed: () => set(anonymous),
    userChanged: (user) => {
      const current = get().user
      // Equal copies abound (the cache keeps its own); only a real change may notify anyone.
      if (current && current.uid === user.uid && canonicalJson(current) !== canonicalJson(user)) set({ user })
    },
    logout: () => set(anonymous),
  })
  if (!options.persist) return createStore<CurrentUserState>()(state)
  const kind = options.persist
  return createStore<CurrentUserState>()(
    persist(state, {
      name: options.name ?? 'userkit:current-user',
      storage: createJSONStorage(() => (kind === 'local' ? localStorage : sessionStorage)),
      // A half-finished login is not worth restoring.
      partialize: ({ user, authToken, status }) =>
        status === 'authenticated' ? { user, authToken, status } : { user: null, authToken: null, status: 'anonymous' as const },
      skipHydration: true,
    }),
  )
}
