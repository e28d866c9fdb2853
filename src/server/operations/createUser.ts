import { createUserSchema, parseOrThrow, UserkitError, type User } from '../../model/index.js'
import type { Actor } from '../actor.js'
import type { StoredUser } from '../store/types.js'
import { presentOne, type OperationContext } from './context.js'
import { noAccess } from './notFound.js'
import { issueAuthToken } from './tokens.js'

/** `POST /users`. `withAuthToken` is honoured for keys only: a manager may not mint someone's token. */
export async function createUser(ctx: OperationContext, actor: Actor, body: Record<string, unknown>): Promise<User> {
  const input = parseOrThrow(createUserSchema, body)
  const role = input.role ?? 'default'
  ctx.roles.assertKnown(role)
  // An authOnly key sits in browsers; letting it mint a manager would let anyone promote themselves.
  if (actor.kind === 'key' && actor.scope === 'authOnly' && ctx.roles.canManage(role)) {
    throw noAccess(`An authOnly key cannot create a user with the role ${role}.`)
  }
  const now = ctx.now()
  const stored: StoredUser = { uid: input.uid, name: input.name, role, status: 'offline', createdAt: now, updatedAt: now }
  if (input.avatar !== undefined) stored.avatar = input.avatar
  if (input.link !== undefined) stored.link = input.link
  if (input.metadata !== undefined) stored.metadata = input.metadata
  if (input.statusMessage !== undefined) stored.statusMessage = input.statusMessage
  if (input.tags !== undefined && input.tags.length > 0) stored.tags = input.tags
  if (!(await ctx.store.createUser(stored))) {
    throw new UserkitError('ERR_UID_ALREADY_EXISTS', `The uid ${input.uid} is already taken.`)
  }
  ctx.publish?.({ type: 'user.created', uid: stored.uid, user: stored })
  const user = await presentOne(ctx, actor, stored)
  if (actor.kind === 'key' && body.withAuthToken === true) {
    user.authToken = (await issueAuthToken(ctx, actor, stored.uid, {})).authToken
  }
  return user
}
