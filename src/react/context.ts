import { createContext, useContext } from 'react'
import type { UserClient } from '../client/index.js'
import type { CurrentUserStore } from './currentUserStore.js'

export interface UserkitContextValue {
  client: UserClient
  store: CurrentUserStore
}

export const UserkitContext = createContext<UserkitContextValue | null>(null)

/** The client and current-user store of the nearest `<UserkitProvider>`. */
export function useUserkit(hook = 'useUserkit'): UserkitContextValue {
  const value = useContext(UserkitContext)
  if (!value) {
    throw new Error(`${hook} must be used inside <UserkitProvider>: wrap your app in <UserkitProvider client={createUserClient(…)}>.`)
  }
  return value
}
