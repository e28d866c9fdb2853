// autocannon's worker thread require()s this file: it must be CommonJS, hence .cts and `export =`.
import type { Request } from 'autocannon'
import type { LoadOperation, VaryContext } from './loadOperation.js'

const pick = <T,>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T
const below = (n: number): number => Math.floor(Math.random() * n)

/**
 * Each request with its own uid, token (or search prefix), so that no cache or row lock makes it
 * cheaper. Tokens are `bench-token-<i>` for user-<i> (benchTokens.ts; a worker cannot import it).
 */
function varyRequest(request: Request, context: object): Request {
  const { operation, users, tokens, prefixes, apiKey } = context as VaryContext
  const keyed = { 'content-type': 'application/json', apikey: apiKey }
  const signedIn = { 'content-type': 'application/json', authtoken: `bench-token-${below(tokens)}` }
  const paths: Record<LoadOperation, () => Request> = {
    keyGet: () => ({ ...request, method: 'GET', path: `/v3/users/user-${below(users)}`, headers: keyed }),
    tokenGet: () => ({ ...request, method: 'GET', path: `/v3.0/users/user-${below(users)}`, headers: signedIn }),
    search: () => ({ ...request, method: 'GET', path: `/v3.0/users?searchKey=${encodeURIComponent(pick(prefixes))}&perPage=25`, headers: signedIn }),
    putMe: () => ({
      ...request,
      method: 'PUT',
      path: '/v3.0/me',
      headers: signedIn,
      body: JSON.stringify({ statusMessage: `load ${Math.random().toString(36).slice(2, 10)}` }),
    }),
  }
  return paths[operation]()
}

export = varyRequest
