import type { MiddlewareHandler } from 'hono'
import { UserkitError } from '../model/index.js'
import type { Actor, ServerEnv } from './actor.js'
import type { Roles } from './roles.js'
import type { ApiKey, KeyScope, UserHandlerOptions } from './options.js'
import type { StoredUser, UserStore } from './store/types.js'
import { isPossibleUid, type OperationContext } from './operations/context.js'
import { tokenExpired } from './operations/tokens.js'
import { countRequest, guardAuthentication, type RateLimiter } from './rateLimit.js'
import { hashAuthToken } from './tokens.js'

/** The scope of a key, compared against every configured key in time that does not depend on where they differ. */
function scopeOf(keys: readonly ApiKey[], presented: string): KeyScope | undefined {
  let found: KeyScope | undefined
  for (const { key, scope } of keys) {
    if (constantTimeEqual(key, presented) && found === undefined) found = scope
  }
  return found
}

// Walks the whole presented string whatever the key, so timing reveals neither a matching prefix
// nor the key's length; a digest per request would cost more than the rest of the request.
function constantTimeEqual(expected: string, presented: string): boolean {
  let difference = expected.length ^ presented.length
  for (let i = 0; i < presented.length; i++) {
    difference |= presented.charCodeAt(i) ^ expected.charCodeAt(i % Math.max(expected.length, 1))
  }
  return difference === 0
}

/** `/v3`: the `apikey` header decides; `onBehalfOf` names the user whose view applies. */
export function keyCredentials(keys: readonly ApiKey[], store: UserStore, limiter?: RateLimiter): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const presented = c.req.header('apikey')
    if (!presented) throw new UserkitError('AUTH_ERR_EMPTY_APIKEY', 'The apikey header is missing.')
    const scope = await guardAuthentication(c, limiter, () => hashAuthToken(presented), async () => {
      const found = scopeOf(keys, presented)
      if (!found) throw new UserkitError('AUTH_ERR_APIKEY_NOT_FOUND', 'The apikey is not valid.')
      return found
    })
    // Counted before onBehalfOf is looked up: a refused request costs the store nothing.
    await countRequest(c, limiter, { kind: 'key', scope, key: presented })
    const actor: Actor = { kind: 'key', scope }
    const onBehalfOf = c.req.header('onbehalfof')?.toLowerCase()
    if (onBehalfOf) {
      const user = await store.getUser(onBehalfOf)
      if (!user || user.deactivatedAt !== undefined) {
        throw new UserkitError('ERR_UID_NOT_FOUND', `The user ${onBehalfOf} named in onBehalfOf does not exist.`)
      }
      actor.onBehalfOf = onBehalfOf
    }
    c.set('actor', actor)
    await next()
  }
}

/**
 * `/v3.0`: an `authtoken` header, or else the host app's `authenticate` hook. The user found is the
 * request's `self`, as `onActive` (which notes the sign of life) leaves it.
 */
export function userCredentials(
  ctx: OperationContext,
  roles: Roles,
  authenticate: UserHandlerOptions['authenticate'],
  limiter?: RateLimiter,
  onActive?: (user: StoredUser) => Promise<StoredUser>,
): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const token = c.req.header('authtoken')
    let user: StoredUser | null
    let tokenInfo: { value: string; hash: string } | undefined
    if (token) {
      const hash = await hashAuthToken(token)
      // The token and its user in one lookup.
      user = await guardAuthentication(c, limiter, async () => hash, async () => {
        const cache = ctx.tokenCache
        const mark = cache?.mark() ?? 0
        const cached = cache?.get(hash)
        const found = cached ?? (await ctx.store.findTokenUser(hash).then((row) => row && { user: row.user, createdAt: row.token.createdAt }))
        if (!found) throw new UserkitError('AUTH_ERR_AUTH_TOKEN_NOT_FOUND', 'The auth token is not valid.')
        if (tokenExpired(ctx, found.createdAt)) {
          // Gone for good: nothing brings it back, and the row need not wait for the next issue's pruning.
          await ctx.store.deleteToken(hash)
          throw new UserkitError('AUTH_ERR_AUTH_TOKEN_NOT_FOUND', 'The auth token has expired; sign in again.')
        }
        if (!cached && found.user.deactivatedAt === undefined) cache?.set(hash, found, mark)
        return found.user
      })
      tokenInfo = { value: token, hash }
    } else {
      const session = authenticate ? await authenticate(c.req.raw) : null
      if (!session) throw new UserkitError('AUTH_ERR_EMPTY_AUTH_TOKEN', 'The authtoken header is missing.')
      if (!isPossibleUid(session.uid)) {
        throw new UserkitError('AUTH_ERR_AUTH_TOKEN_NOT_FOUND', 'authenticate() named a uid no user can have.')
      }
      user = await ctx.store.getUser(session.uid.toLowerCase())
    }
    // A deactivated user keeps its tokens for a reactivation, but may not use them meanwhile.
    if (!user || user.deactivatedAt !== undefined) {
      throw new UserkitError('AUTH_ERR_AUTH_TOKEN_NOT_FOUND', 'The auth token belongs to no active user.')
    }
    await countRequest(c, limiter, tokenInfo ? { kind: 'token', hash: tokenInfo.hash } : { kind: 'user', uid: user.uid })
    const self = onActive ? await onActive(user) : user
    // The presence just written is what the next request of this token must see, not the cached copy.
    if (tokenInfo && self !== user) ctx.tokenCache?.refresh(tokenInfo.hash, self)
    c.set('self', self)
    c.set('actor', {
      kind: 'user',
      uid: user.uid,
      role: user.role,
      manageUsers: roles.canManage(user.role),
      ...(tokenInfo ? { token: tokenInfo } : {}),
    })
    await next()
  }
}
