import { createContext, useContext } from 'react'
import type { UserClient } from '../client/index.js'
import type { CurrentUserStore } from './currentUserStore.js'

/**
 * Every component's strings, by component. Each component's labels file adds its own entry
 * (`declare module` … `interface UserkitLabels { avatar: AvatarLabels }`), as a fork's may too.
 */
export interface UserkitLabels {}

/** Strings to replace, by component: `{ userList: { search: 'Find' } }`. */
export type LabelOverrides = { readonly [K in keyof UserkitLabels]?: Partial<UserkitLabels[K]> }

export interface UserkitContextValue {
  client: UserClient
  store: CurrentUserStore
  /** The provider's `labels`: what components show instead of their English defaults. */
  labels: LabelOverrides
  /** The provider's `locale` for dates and times; `undefined` is the browser's. */
  locale: string | undefined
  /** The provider's `session`: how the browser proves who it is. */
  session: UserkitSession
}

/**
 * `token`: the auth token `useLogin` keeps in the store (or the client's own token or key).
 * `cookie`: a cookie the browser sends by itself, read by the server's `authenticate`.
 */
export type UserkitSession = 'token' | 'cookie'

export const UserkitContext = createContext<UserkitContextValue | null>(null)

/** The client and current-user store of the nearest `<UserkitProvider>`. */
export function useUserkit(hook = 'useUserkit'): UserkitContextValue {
  const value = useContext(UserkitContext)
  if (!value) {
    throw new Error(`${hook} must be used inside <UserkitProvider>: wrap your app in <UserkitProvider client={createUserClient(…)}>.`)
  }
  return value
}
