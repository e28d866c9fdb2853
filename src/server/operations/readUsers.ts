import * as v from 'valibot'
import { parseOrThrow, usersQuerySchema, type User, type UsersQuery } from '../../model/index.js'
import { viewerUid, type Actor } from '../actor.js'
import type { BlockDirection, ListUsersParams } from '../store/types.js'
import { findActive, isPossibleUid, onlineSince, presentFor, presentOne, presentSeen, type OperationContext } from './context.js'
import { userNotFound } from './notFound.js'

export async function getUser(ctx: OperationContext, actor: Actor, uid: string): Promise<User> {
  const viewer = viewerUid(actor)
  const target = uid.toLowerCase()
  if (viewer === undefined || viewer === target) {
    const stored = await findActive(ctx, uid)
    if (!stored) throw userNotFound(uid)
    return presentOne(ctx, actor, stored)
  }
  // The user and its block flags in one statement: what every token GET of another user needs.
  const seen = isPossibleUid(uid) ? await ctx.store.getUserSeenBy(target, viewer) : null
  if (!seen || seen.user.deactivatedAt !== undefined) throw userNotFound(uid)
  return presentSeen(ctx, actor, seen.user, { blockedByMe: seen.blockedByMe, hasBlockedMe: seen.hasBlockedMe })
}

/** A search counts its matches up to this (or the end of the page asked for), then says "more". */
export const SEARCH_COUNT_CAP = 1000

export interface UserPage {
  users: User[]
  total: number
  totalCapped?: boolean
  perPage: number
  page: number
}

// CometChat's `direction` of a blocked-users list; absent, the users the owner blocked.
const blockDirectionSchema = v.object({
  direction: v.optional(v.picklist(['blockedByMe', 'hasBlockedMe', 'both'] satisfies BlockDirection[], 'direction must be blockedByMe, hasBlockedMe or both')),
})

/**
 * The store's parameters for a parsed `GET /users` query: its filters, page and sort. Bulk actions
 * and exports apply the same filters, so they match exactly the users the list shows.
 */
export function usersFilterOf(ctx: OperationContext, actor: Actor, q: UsersQuery): ListUsersParams {
  const privileged = actor.kind === 'key' || actor.manageUsers
  const viewer = viewerUid(actor)
  const roles = [...(q.role ? [q.role] : []), ...(q.roles ?? [])]
  const params: ListUsersParams = {
    limit: q.perPage,
    offset: (q.page - 1) * q.perPage,
    deactivated: privileged && q.onlyDeactivated ? 'only' : privileged && q.withDeactivated ? 'include' : 'exclude',
    sortBy: q.sortBy ?? 'name',
    sortOrder: q.sortOrder ?? 'asc',
  }
  if (q.searchKey) params.search = { key: q.searchKey, in: q.searchIn?.length ? q.searchIn : ['uid', 'name'] }
  if (q.status) params.status = q.status === 'offline' ? 'offline' : 'online'
  const cutoff = onlineSince(ctx)
  if (cutoff !== undefined) params.onlineSince = cutoff
  if (roles.length > 0) params.roles = roles
  if (q.tags?.length) {
    params.tags = q.tags
    if (q.tagsMatch === 'all') params.tagsMatch = 'all'
  }
  if (q.uids?.length) params.uids = q.uids
  if (q.hideBlockedUsers && viewer) params.hideBlockedFor = viewer
  return params
}

/** `GET /users` on either surface, and the blocked-users lists (`blockedBy`, in the query's `direction`). */
export async function listUsers(
  ctx: OperationContext,
  actor: Actor,
  query: Record<string, string>,
  scope: { blockedBy?: string } = {},
): Promise<UserPage> {
  const q = parseOrThrow(usersQuerySchema, query)
  const params = usersFilterOf(ctx, actor, q)
  if (q.searchKey) {
    // A broad search would otherwise cost in proportion to everyone it matches, just to count them.
    params.countUpTo = Math.max(SEARCH_COUNT_CAP, params.offset + params.limit)
  }
  if (scope.blockedBy) {
    params.blockedBy = scope.blockedBy
    const { direction } = parseOrThrow(blockDirectionSchema, { direction: query.direction })
    if (direction) params.blockDirection = direction
  }
  const { users, total, totalCapped } = await ctx.store.listUsers(params)
  return { users: await presentFor(ctx, actor, users), total, ...(totalCapped ? { totalCapped } : {}), perPage: q.perPage, page: q.page }
}
