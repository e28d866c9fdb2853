import {
  ifMatchSatisfied,
  parseOrThrow,
  updateCurrentUserSchema,
  updateUserSchema,
  userEtag,
  UserkitError,
  type UpdateUserBody,
  type User,
} from '../../model/index.js'
import { seesPrivateOf, type Actor } from '../actor.js'
import { applyUpdate } from '../applyUpdate.js'
import { freePicture } from '../avatars/freePicture.js'
import type { StoredUser } from '../store/types.js'
import { isPossibleUid, presentOne, type OperationContext } from './context.js'
import { noAccess, userNotFound } from './notFound.js'

export interface UpdateOptions {
  /** The `If-Match` header, when sent. */
  ifMatch?: string | undefined
  /**
   * Presence written in the same statement as the edit (`PUT /me`, a login): not an edit, so it
   * neither changes `updatedAt` nor makes a `user.updated` event on its own.
   */
  online?: number
}

/**
 * `PUT /users/{uid}` and `PUT /me`. A uid in the body is ignored. Updating oneself, a role equal to
 * the current one is ignored and any other is refused: nobody changes their own role.
 */
export async function updateUser(
  ctx: OperationContext,
  actor: Actor,
  uid: string,
  body: Record<string, unknown>,
  options: UpdateOptions = {},
): Promise<User> {
  const target = uid.toLowerCase()
  const self = actor.kind === 'user' && actor.uid === target
  const requestedRole = body.role
  const input: UpdateUserBody = parseOrThrow(self ? updateCurrentUserSchema : updateUserSchema, body)
  if (self && requestedRole !== undefined && typeof requestedRole !== 'string') {
    throw new UserkitError('ERR_BAD_REQUEST', 'role must be a string', { details: { role: ['role must be a string'] } })
  }
  if (input.role !== undefined) ctx.roles.assertKnown(input.role)

  if (!isPossibleUid(target)) throw userNotFound(uid)
  let refusal: UserkitError | undefined
  let edited: StoredUser | null = null
  const { online } = options
  const outcome = await ctx.store.updateUser(target, (current) => {
    refusal = refusalFor(current, { self, requestedRole, ifMatch: options.ifMatch })
    if (refusal) return null
    edited = applyUpdate(current, input, { keepsPrivate: !seesPrivateOf(actor, target), now: ctx.now() })
    return online === undefined ? edited : { ...(edited ?? current), status: 'online', lastActiveAt: online }
  })
  if (!outcome) throw userNotFound(uid)
  if (outcome.after && edited) ctx.publish?.({ type: 'user.updated', uid: target, user: outcome.after })
  if (outcome.after && outcome.after.avatar !== outcome.before.avatar) await freePicture(ctx, outcome.before.avatar)
  if (refusal) {
    if (refusal.code !== 'ERR_CONFLICT') throw refusal
    throw new UserkitError('ERR_CONFLICT', refusal.message, { current: await presentOne(ctx, actor, outcome.before) })
  }
  return presentOne(ctx, actor, outcome.after ?? outcome.before)
}

function refusalFor(
  current: StoredUser,
  check: { self: boolean; requestedRole: unknown; ifMatch: string | undefined },
): UserkitError | undefined {
  if (current.deactivatedAt !== undefined) return userNotFound(current.uid)
  if (check.self && check.requestedRole !== undefined && check.requestedRole !== current.role) {
    return noAccess('Nobody can change their own role.')
  }
  if (check.ifMatch !== undefined && !ifMatchSatisfied(check.ifMatch, userEtag(current))) {
    return new UserkitError('ERR_CONFLICT', `The user ${current.uid} has changed since it was read (If-Match ${check.ifMatch}).`)
  }
  return undefined
}
