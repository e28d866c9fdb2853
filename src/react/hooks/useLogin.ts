import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import type { User, UserkitError } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { warnOnce } from '../development.js'
import { withoutToken } from '../userCache.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

/**
 * An auth token your backend issued, or CometChat's prototype path: a uid and an `authOnly` key
 * (anyone holding that key can log in as anyone — for demos only).
 */
export type LoginCredentials = string | { uid: string; authKey: string }

/**
 * Logs in (`PUT /me` with the token) and fills the current-user store; the client then sends that
 * token. A failed login leaves the previous session as it was.
 */
export function useLogin(options?: UserkitMutationOptions<User, LoginCredentials>): UseMutationResult<User, UserkitError, LoginCredentials> {
  const { client, store } = useUserkit('useLogin')
  return useMutation(composeMutationOptions<User, LoginCredentials, unknown>({
    mutationFn: async (credentials) => {
      const previous = store.getState()
      if (previous.status === 'anonymous') previous.loginStarted()
      try {
        let authToken: string
        if (typeof credentials === 'string') {
          authToken = credentials
        } else {
          warnOnce('useLogin({ uid, authKey }) lets anyone with the authOnly key log in as anyone: use it for prototypes, not production.')
          authToken = (await client.withCredentials({ apiKey: credentials.authKey }).createAuthToken(credentials.uid)).authToken
        }
        const user = withoutToken(await client.withCredentials({ authToken }).login())
        store.getState().loginSucceeded(user, authToken)
        return user
      } catch (error) {
        if (previous.status === 'authenticated') store.setState({ user: previous.user, authToken: previous.authToken, status: 'authenticated' })
        else store.getState().loginFailed()
        throw error
      }
    },
  }, options))
}
