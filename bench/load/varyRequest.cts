// autocannon's worker thread require()s this file: it must be CommonJS, hence .cts and `export =`.
import type { Request } from 'autocannon'
import type { LoadOperation, VaryContext } from './loadOperation.js'

const pick = <T,>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T

/** Each request with its own uid (or search prefix), so that no cache or row lock makes it cheaper. */
function varyRequest(request: Request, context: object): Request {
  const { operation, users, prefixes } = context as VaryContext
  const uid = `user-${Math.floor(Math.random() * users)}`
  const paths: Record<LoadOperation, () => Request> = {
    get: () => ({ ...request, method: 'GET', path: `/v3/users/${uid}` }),
    search: () => ({ ...request, method: 'GET', path: `/v3/users?searchKey=${encodeURIComponent(pick(prefixes))}&perPage=25` }),
    update: () => ({
      ...request,
      method: 'PUT',
      path: `/v3/users/${uid}`,
      body: JSON.stringify({ statusMessage: `load ${Math.random().toString(36).slice(2, 10)}` }),
    }),
  }
  return paths[operation]()
}

export = varyRequest
