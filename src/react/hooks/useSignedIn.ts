import { useStore } from 'zustand'
import { useUserkit } from '../context.js'

/**
 * Whether requests can say who is asking: someone logged in (`useLogin`), a client made with a
 * token or a key, or a provider whose session is a cookie (`session="cookie"`). While it is false
 * the data hooks send nothing (each would be a 401) and the components say to sign in.
 *
 * @example const signedIn = useSignedIn(); if (!signedIn) return <SignIn />
 */
export function useSignedIn(): boolean {
  const { client, store, session } = useUserkit('useSignedIn')
  const loggedIn = useStore(store, (state) => state.status === 'authenticated')
  return session === 'cookie' || loggedIn || client.hasApiKey || client.authToken !== undefined
}
