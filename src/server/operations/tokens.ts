import * as v from 'valibot'
import { isStorableText, parseOrThrow, type User } from '../../model/index.js'
import type { Actor } from '../actor.js'
import type { StoredUser } from '../store/types.js'
import { generateAuthToken, hashAuthToken } from '../tokens.js'
import { findActive, isPossibleUid, presentOne, type OperationContext } from './context.js'
import type { DeleteResult } from './deactivateUsers.js'
import { noAccess, userNotFound } from './notFound.js'

export interface AuthTokenResult {
  uid: string
  authToken: string
  createdAt: number
}

// CometChat's SDK sends platform and appInfo too; only the device matters here.
const issueSchema = v.object({
  force: v.optional(v.boolean('force must be true or false')),
  deviceId: v.optional(
    v.pipe(
      v.string('deviceId must be a string'),
      v.maxLength(200, 'deviceId must be at most 200 characters'),
      v.check(isStorableText, 'deviceId must not contain NUL or broken Unicode'),
    ),
  ),
})

/**
 * `POST /users/{uid}/auth_tokens`. Tokens are stored hashed, so each call issues a new one. An
 * authOnly key ships in browsers: a token it minted for a manager would hand anyone a manager's powers.
 */
export async function issueAuthToken(
  ctx: OperationContext,
  actor: Actor,
  uid: string,
  body: Record<string, unknown>,
): Promise<AuthTokenResult> {
  const { deviceId } = parseOrThrow(issueSchema, body)
  const user = await findActive(ctx, uid)
  if (!user) throw userNotFound(uid)
  if (actor.kind === 'key' && actor.scope === 'authOnly' && ctx.roles.canManage(user.role)) {
    throw noAccess(`An authOnly key cannot issue an auth token for ${user.uid}, whose role (${user.role}) may manage users; issue it from your backend with a fullAccess key.`)
  }
  const authToken = generateAuthToken()
  const createdAt = ctx.now()
  // Room for the new one: expired tokens first, then the oldest beyond the cap.
  if (ctx.tokens) {
    const { ttlSeconds, maxPerUser } = ctx.tokens
    const pruned = await ctx.store.pruneTokens(user.uid, maxPerUser - 1, ttlSeconds === undefined ? 0 : createdAt - ttlSeconds)
    if (pruned > 0) ctx.publish?.({ type: 'tokens.pruned', uid: user.uid })
  }
  await ctx.store.addToken({ hash: await hashAuthToken(authToken), uid: user.uid, createdAt, ...(deviceId ? { deviceId } : {}) })
  return { uid: user.uid, authToken, createdAt }
}

/** `DELETE /users/{uid}/auth_tokens[/{token}]`: revoking a token that is not there is not an error. */
export async function revokeAuthTokens(ctx: OperationContext, uid: string, token?: string): Promise<DeleteResult> {
  const user = isPossibleUid(uid) ? await ctx.store.getUser(uid.toLowerCase()) : null
  if (!user) throw userNotFound(uid)
  if (token === undefined) {
    const count = await ctx.store.deleteTokensOf(user.uid)
    ctx.publish?.({ type: 'tokens.revoked', uid: user.uid })
    return { success: true, message: `Revoked ${count} auth token${count === 1 ? '' : 's'} of ${user.uid}.` }
  }
  const hash = await hashAuthToken(token)
  const record = await ctx.store.findToken(hash)
  const revoked = record?.uid === user.uid && (await ctx.store.deleteToken(hash))
  if (revoked) ctx.publish?.({ type: 'tokens.revoked', uid: user.uid, tokenHash: hash })
  return { success: true, message: revoked ? 'The auth token was revoked.' : `${user.uid} has no such auth token.` }
}

/** Whether a token issued at `createdAt` has outlived `tokens.ttlSeconds`. */
export function tokenExpired(ctx: OperationContext, createdAt: number): boolean {
  const ttl = ctx.tokens?.ttlSeconds
  return ttl !== undefined && ctx.now() >= createdAt + ttl
}

/** `GET /me`; `self`, the user as this request's credentials just read it, spares a second lookup. */
export async function getMe(ctx: OperationContext, actor: Actor & { kind: 'user' }, self?: StoredUser): Promise<User> {
  const user = self ?? (await findActive(ctx, actor.uid))
  if (!user) throw userNotFound(actor.uid)
  return presentOne(ctx, actor, user)
}
