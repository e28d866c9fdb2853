import type { User } from '../../model/index.js'
import type { Actor } from '../actor.js'
import { hashAuthToken } from '../tokens.js'
import type { StoredUser } from '../store/types.js'
import { onlineSince, type OperationContext } from './context.js'
import type { DeleteResult } from './deactivateUsers.js'
import { updateUser, type UpdateOptions } from './updateUser.js'

type UserActor = Actor & { kind: 'user' }

/**
 * `PUT /me`: CometChat's SDK logs in and saves profile edits through it. The answer carries the
 * token the request came with, which is how the SDK learns it is logged in.
 */
export async function putMe(
  ctx: OperationContext,
  actor: UserActor,
  body: Record<string, unknown>,
  options: UpdateOptions,
): Promise<User> {
  const now = ctx.now()
  // The login's presence rides in the edit's own UPDATE: one write, not two.
  const user = await updateUser(ctx, actor, actor.uid, body, { ...options, online: now })
  ctx.publish?.({ type: 'user.online', uid: actor.uid })
  return { ...user, ...(actor.token ? { authToken: actor.token.value } : {}) }
}

/** `POST /user_sessions`: a heartbeat keeps the user online. */
export async function heartbeat(ctx: OperationContext, actor: UserActor): Promise<void> {
  await ctx.store.setPresence(actor.uid, 'online', ctx.now())
  ctx.publish?.({ type: 'user.online', uid: actor.uid })
}

/** `DELETE /me`: revokes the token of this request and marks the user offline. */
export async function logout(ctx: OperationContext, actor: UserActor): Promise<DeleteResult> {
  const tokenHash = actor.token ? await hashAuthToken(actor.token.value) : undefined
  if (tokenHash) await ctx.store.deleteToken(tokenHash)
  await ctx.store.setPresence(actor.uid, 'offline', ctx.now())
  ctx.publish?.({ type: 'user.offline', uid: actor.uid })
  // After the offline: the logged-out stream hears its own logout before it closes.
  if (tokenHash) ctx.publish?.({ type: 'tokens.revoked', uid: actor.uid, tokenHash })
  return { success: true, message: `${actor.uid} logged out.` }
}

/**
 * Seconds within which a sign of life need not be written again: a quarter of the presence timeout,
 * at most 15 s, so that a user stays online with a wide margin while a busy one costs one write per
 * interval instead of one per request.
 */
export function activityInterval(ctx: OperationContext): number {
  const timeout = ctx.presenceTimeout
  return timeout !== undefined && Number.isFinite(timeout) ? Math.min(15, timeout / 4) : 15
}

/**
 * Any request with the user's own credentials is a sign of life: it keeps a logged-in user online,
 * and brings one back whose silence outlasted the timeout. A user who logged out (or never logged
 * in) stays offline until `PUT /me` or a heartbeat. Written at most once per `activityInterval`.
 * Resolves the user as now stored.
 */
export async function noteActivity(ctx: OperationContext, user: StoredUser): Promise<StoredUser> {
  const now = ctx.now()
  if (user.status !== 'online' || now - (user.lastActiveAt ?? 0) < activityInterval(ctx)) return user
  await ctx.store.setPresence(user.uid, 'online', now)
  // Back from a silence that outlasted the timeout: streams showed the user offline.
  const cutoff = onlineSince(ctx)
  if (cutoff !== undefined && (user.lastActiveAt ?? 0) < cutoff) ctx.publish?.({ type: 'user.online', uid: user.uid })
  return { ...user, lastActiveAt: now }
}
