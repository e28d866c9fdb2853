import { UserkitError } from '../model/index.js'
import type { UserHandlerOptions } from './options.js'

type Authenticate = NonNullable<UserHandlerOptions['authenticate']>

/**
 * `authenticate` as the handler calls it: a session the browser attaches by itself (a cookie) counts
 * only on requests from this origin or one `cors.origin` names, so a page elsewhere cannot act with
 * it. Behind a proxy that ends TLS the request's scheme may differ from the page's, so the origin's
 * host is compared with the request's. `'*'` in `cors.origin` opens reading with tokens, not sessions.
 */
export function sameSiteSessions(authenticate: Authenticate, cors: UserHandlerOptions['cors']): Authenticate {
  const listed = new Set([cors?.origin ?? []].flat().filter((origin) => origin !== '*'))
  return async (request) => {
    const origin = request.headers.get('origin')
    if (origin !== null && !listed.has(origin) && !sameHost(origin, request.url)) {
      throw new UserkitError(
        'AUTH_ERR_NO_ACCESS',
        `A request from ${origin} cannot use the session of this site; add the origin to cors.origin if it is yours.`,
      )
    }
    return authenticate(request)
  }
}

function sameHost(origin: string, url: string): boolean {
  try {
    return new URL(origin).host === new URL(url).host
  } catch {
    // `Origin: null` (a sandboxed frame, a redirect across sites) or garbage: not us.
    return false
  }
}
