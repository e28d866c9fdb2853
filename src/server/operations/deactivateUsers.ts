import * as v from 'valibot'
import { limits, parseOrThrow, uidSchema, UserkitError } from '../../model/index.js'
import type { Actor } from '../actor.js'
import { freePicture } from '../avatars/freePicture.js'
import { isPossibleUid, type OperationContext } from './context.js'
import { noAccess, userNotFound } from './notFound.js'

export interface DeleteResult {
  success: boolean
  message: string
}

/** Per-uid outcomes of a bulk call. */
export type Outcomes = Record<string, { success: boolean; message: string; error?: { code: string; message: string } }>

const permanentSchema = v.object({ permanent: v.optional(v.boolean('permanent must be true or false'), false) })

const uidList = (field: string) =>
  v.object({
    [field]: v.pipe(
      v.array(uidSchema, `${field} must be an array of uids`),
      v.minLength(1, `${field} must name at least one uid`),
      v.maxLength(limits.uidsPerQuery, `${field} may name at most ${limits.uidsPerQuery} uids`),
    ),
  })

/** Reads a list of uids from `body[field]`, lowercased and without repeats. */
export function parseUidList(body: Record<string, unknown>, field: string): string[] {
  const parsed = parseOrThrow(uidList(field), body) as Record<string, string[]>
  return [...new Set(parsed[field])]
}

/** `DELETE /users/{uid}`: deactivates, or with `permanent: true` erases user, tokens and blocks. */
export async function deleteUser(
  ctx: OperationContext,
  actor: Actor,
  uid: string,
  body: Record<string, unknown>,
): Promise<DeleteResult> {
  const { permanent } = parseOrThrow(permanentSchema, body)
  const target = uid.toLowerCase()
  if (permanent) {
    if (actor.kind !== 'key') throw noAccess('Only a fullAccess key can erase a user; deactivate instead.')
    const erased = isPossibleUid(target) ? await ctx.store.getUser(target) : null
    if (!erased || !(await ctx.store.deleteUser(target))) throw userNotFound(uid)
    await freePicture(ctx, erased.avatar)
    // Erased is gone for good: streams hear it as a deactivation that no reactivation follows.
    ctx.publish?.({ type: 'user.deactivated', uid: target })
    return { success: true, message: `The user ${target} was deleted.` }
  }
  if (!isPossibleUid(target)) throw userNotFound(uid)
  const failure = await setDeactivated(ctx, actor, target, true)
  if (failure) throw failure
  return { success: true, message: `The user ${target} was deactivated.` }
}

/** `DELETE /users` with `uidsToDeactivate`, `PUT /users` with `uidsToActivate`. */
export async function setActive(
  ctx: OperationContext,
  actor: Actor,
  body: Record<string, unknown>,
  active: boolean,
): Promise<Outcomes> {
  const uids = parseUidList(body, active ? 'uidsToActivate' : 'uidsToDeactivate')
  // Keyed by uids, which may be `__proto__` or `constructor`: no prototype to collide with.
  const outcomes: Outcomes = Object.create(null)
  for (const uid of uids) {
    const failure = await setDeactivated(ctx, actor, uid, !active)
    outcomes[uid] = failure
      ? { success: false, message: failure.message, error: { code: failure.code, message: failure.message } }
      : { success: true, message: `The user ${uid} was ${active ? 'reactivated' : 'deactivated'}.` }
  }
  return outcomes
}

/** Deactivates or reactivates one user, publishing the event; the refusal, if any, as a value. */
export async function setDeactivated(
  ctx: OperationContext,
  actor: Actor,
  uid: string,
  deactivate: boolean,
): Promise<UserkitError | undefined> {
  if (actor.kind === 'user' && actor.uid === uid) return noAccess('Nobody can deactivate or reactivate themselves.')
  let missing = false
  const outcome = await ctx.store.updateUser(uid, (current) => {
    const isDeactivated = current.deactivatedAt !== undefined
    if (deactivate && isDeactivated) missing = true
    if (isDeactivated !== deactivate) {
      const now = ctx.now()
      if (!deactivate) {
        const { deactivatedAt: _cleared, ...rest } = current
        return { ...rest, updatedAt: now }
      }
      return { ...current, deactivatedAt: now, status: 'offline', updatedAt: now }
    }
    return null
  })
  if (!outcome || missing) return userNotFound(uid)
  if (outcome.after) ctx.publish?.({ type: deactivate ? 'user.deactivated' : 'user.reactivated', uid, user: outcome.after })
  return undefined
}
