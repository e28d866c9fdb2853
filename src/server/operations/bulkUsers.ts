import * as v from 'valibot'
import { limits, parseOrThrow, roleSchema, tagsSchema, uidSchema, UserkitError } from '../../model/index.js'
import { seesPrivateOf, type Actor } from '../actor.js'
import { applyUpdate } from '../applyUpdate.js'
import { failureOf, forEachLimited, refusalOf, type BulkChange, type BulkJob } from './bulkJobs.js'
import type { OperationContext } from './context.js'
import { setDeactivated } from './deactivateUsers.js'
import { noAccess, userNotFound } from './notFound.js'
import { updateUser } from './updateUser.js'
import { filterFromBody, filterParams } from './usersFilter.js'

export const bulkActions = ['deactivate', 'reactivate', 'setRole', 'addTags', 'removeTags', 'delete'] as const
export type BulkAction = (typeof bulkActions)[number]

export interface BulkFailure {
  uid: string
  code: string
  message: string
}

/** `POST /bulk_actions`'s answer: each targeted uid once, in `succeeded` or in `failed`. */
export interface BulkResult {
  succeeded: string[]
  failed: BulkFailure[]
  total: number
}

const bodySchema = v.object({
  action: v.picklist(bulkActions, `action must be one of ${bulkActions.join(', ')}`),
  role: v.optional(roleSchema),
  tags: v.optional(v.pipe(tagsSchema, v.minLength(1, 'tags must name at least one tag'))),
  target: v.custom<Record<string, unknown>>(
    (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
    'target must be { uids } or { filter, expectedCount? }',
  ),
})

const uidsTargetSchema = v.strictObject({
  uids: v.pipe(v.array(uidSchema, 'uids must be an array of uids'), v.minLength(1, 'uids must name at least one uid')),
})

const filterTargetSchema = v.strictObject({
  filter: v.unknown(),
  expectedCount: v.optional(v.pipe(v.number('expectedCount must be a number'), v.integer('expectedCount must be a whole number'), v.minValue(0))),
})

// Enough to keep a pool of connections busy without one bulk call taking all of it.
export const BULK_CONCURRENCY = 4
// Uids read per query while a job's target is gathered.
const GATHER_PAGE = 1000

const tooMany = (count: number | string, max: number): UserkitError =>
  new UserkitError('ERR_TOO_MANY_USERS', `The target is ${count} users; one bulk action takes at most ${max}. Narrow the filter or split the list.`, {
    details: { target: [`must be at most ${max} users`] },
  })

/** Up to `maxUsers` the answer is the result; past it, up to `maxJobUsers`, a job that runs on. */
export type BulkAnswer = { result: BulkResult } | { job: BulkJob }

/**
 * One bulk action over users named by uid or matched by a filter the server applies itself, each
 * user changed as a single edit would change it (the same rules, the same events). A refusal for
 * one user is its `failed` entry; the others still happen. A target of more than `bulk.maxUsers`
 * becomes a job (`ctx.jobs`), its users chosen now, before any of them changes.
 */
export async function bulkUsers(ctx: OperationContext, actor: Actor, body: Record<string, unknown>): Promise<BulkAnswer> {
  const input = parseOrThrow(bodySchema, body)
  const { maxUsers, maxJobUsers } = ctx.bulk ?? { maxUsers: 1000, maxJobUsers: 1000 }
  const max = ctx.jobs ? maxJobUsers : maxUsers
  if (input.action === 'delete' && actor.kind !== 'key') throw noAccess('Only a fullAccess key can erase users; deactivate instead.')
  if (input.action === 'setRole') {
    if (input.role === undefined) throw badField('role', 'role is required for setRole')
    ctx.roles.assertKnown(input.role)
  }
  if ((input.action === 'addTags' || input.action === 'removeTags') && input.tags === undefined) {
    throw badField('tags', `tags are required for ${input.action}`)
  }
  const uids = await targetUids(ctx, actor, input.target, max)
  const change = changeFor(ctx, actor, input)
  if (uids.length > maxUsers && ctx.jobs) return { job: ctx.jobs.start(input.action, uids, change) }
  const outcomes = new Array<UserkitError | undefined>(uids.length)
  await forEachLimited(uids, BULK_CONCURRENCY, async (uid, i) => void (outcomes[i] = await refusalOf(change, uid)))
  const result: BulkResult = { succeeded: [], failed: [], total: uids.length }
  uids.forEach((uid, i) => {
    const failure = outcomes[i]
    if (failure) result.failed.push(failureOf(uid, failure))
    else result.succeeded.push(uid)
  })
  return { result }
}

function badField(field: string, message: string): UserkitError {
  return new UserkitError('ERR_BAD_REQUEST', message, { details: { [field]: [message] } })
}

async function targetUids(ctx: OperationContext, actor: Actor, target: Record<string, unknown>, max: number): Promise<string[]> {
  // Counted before validation: a list too long is refused for its length, not for its 1,001st uid.
  if (Array.isArray(target.uids) && target.uids.length > max) throw tooMany(target.uids.length, max)
  if ('uids' in target) return [...new Set(parseOrThrow(uidsTargetSchema, target).uids)]
  const parsed = parseOrThrow(filterTargetSchema, target)
  const q = filterFromBody(parsed.filter)
  const params = filterParams(ctx, actor, q, Math.min(max, GATHER_PAGE))
  const { users, total, totalCapped } = await ctx.store.listUsers({ ...params, countUpTo: max })
  if (totalCapped || total > max) throw tooMany(totalCapped ? `more than ${max}` : total, max)
  if (parsed.expectedCount !== undefined && parsed.expectedCount !== total) {
    throw new UserkitError('ERR_CONFLICT', `The filter now matches ${total} users, not ${parsed.expectedCount}: look again before acting on them.`, {
      details: { expectedCount: [`the filter matches ${total} users`] },
    })
  }
  // The rest by uid (keyset), each page as cheap as the first; all of them before any changes.
  const uids = users.map((user) => user.uid)
  let page = users
  while (page.length === params.limit && uids.length < total) {
    page = (await ctx.store.listUsers({ ...params, withoutTotal: true, afterUid: uids[uids.length - 1]! })).users
    for (const user of page) uids.push(user.uid)
  }
  return uids
}

type Change = BulkChange

function changeFor(ctx: OperationContext, actor: Actor, input: v.InferOutput<typeof bodySchema>): Change {
  switch (input.action) {
    case 'deactivate':
    case 'reactivate':
      return (uid) => setDeactivated(ctx, actor, uid, input.action === 'deactivate')
    case 'setRole':
      return async (uid) => {
        await updateUser(ctx, actor, uid, { role: input.role })
        return undefined
      }
    case 'addTags':
    case 'removeTags':
      return (uid) => changeTags(ctx, actor, uid, input.tags!, input.action === 'addTags')
    case 'delete':
      return async (uid) => {
        if (!(await ctx.store.deleteUser(uid))) return userNotFound(uid)
        ctx.publish?.({ type: 'user.deactivated', uid })
        return undefined
      }
  }
}

// Read, change and write in the store's one atomic update, as a single edit of tags would.
async function changeTags(ctx: OperationContext, actor: Actor, uid: string, tags: readonly string[], add: boolean): Promise<UserkitError | undefined> {
  let refusal: UserkitError | undefined
  const outcome = await ctx.store.updateUser(uid, (current) => {
    if (current.deactivatedAt !== undefined) {
      refusal = userNotFound(uid)
      return null
    }
    const now = current.tags ?? []
    const next = add ? [...now, ...tags.filter((tag) => !now.includes(tag))] : now.filter((tag) => !tags.includes(tag))
    if (!v.is(tagsSchema, next)) {
      refusal = badField('tags', `The user ${uid} would have more than ${limits.tags} tags.`)
      return null
    }
    return applyUpdate(current, { tags: next }, { keepsPrivate: !seesPrivateOf(actor, uid), now: ctx.now() })
  })
  if (!outcome) return userNotFound(uid)
  if (outcome.after) ctx.publish?.({ type: 'user.updated', uid, user: outcome.after })
  return refusal
}
