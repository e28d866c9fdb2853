import * as v from 'valibot'
import { uidSchema, type User } from '../../model/index.js'
import { seesPrivateOf, viewerUid, type Actor } from '../actor.js'
import type { AvatarEncoder } from '../avatars/avatarEncoder.js'
import type { AvatarStore } from '../avatars/types.js'
import type { TokenCache } from '../tokenCache.js'
import type { BulkJobs } from './bulkJobs.js'
import type { UserEventNotice } from '../events/types.js'
import { presentUser, type PresentOptions } from '../present.js'
import type { Roles } from '../roles.js'
import type { StoredUser, UserStore } from '../store/types.js'

/** What every operation works with. */
export interface OperationContext {
  store: UserStore
  roles: Roles
  now: () => number
  /** Seconds of silence after which an online user reads as offline; absent or `Infinity`: never. */
  presenceTimeout?: number
  /** Token lifetime in seconds (absent: none) and the most live tokens per user. */
  tokens?: { ttlSeconds?: number; maxPerUser: number }
  /** Tells the event streams of every handler instance; absent, nobody listens. */
  publish?: (notice: UserEventNotice) => void
  /** Where uploaded pictures live (the `avatarStore` option, else the store's own); absent: no uploads. */
  avatars?: AvatarStore
  /** The origin put in front of a stored picture's path; absent: the request's. */
  avatarBaseUrl?: string
  /** Re-encodes an upload (the `avatarEncoder` option); absent: sharp's. */
  avatarEncoder?: AvatarEncoder
  /** Bounds of bulk actions and imports (`UserHandlerOptions.bulk`, defaults filled in). */
  bulk?: { maxUsers: number; maxJobUsers: number; maxImportBytes: number }
  /** Bulk actions over more than `bulk.maxUsers` users, run in the background; absent: refused. */
  jobs?: BulkJobs
  /** Token → user for a few seconds (`tokens.cacheSeconds`), kept right by the event bus; absent: every request reads the store. */
  tokenCache?: TokenCache
}

/** The cutoff before which an online user's last activity makes it offline, if presence expires. */
export function onlineSince(ctx: OperationContext): number | undefined {
  const timeout = ctx.presenceTimeout
  return timeout !== undefined && Number.isFinite(timeout) ? ctx.now() - timeout : undefined
}

/** Stored users as this actor may see them, with block flags relative to the actor's viewer. */
export async function presentFor(ctx: OperationContext, actor: Actor, stored: StoredUser[]): Promise<User[]> {
  const viewer = viewerUid(actor)
  // Nobody blocks themselves: a viewer seen by itself alone (GET /me) needs no lookup.
  const others = viewer ? stored.map((user) => user.uid).filter((uid) => uid !== viewer) : []
  const relations = viewer
    ? others.length > 0
      ? await ctx.store.blockRelations(viewer, others)
      : { blockedByMe: new Set<string>(), hasBlockedMe: new Set<string>() }
    : undefined
  return stored.map((user) =>
    presentSeen(
      ctx,
      actor,
      user,
      relations && { blockedByMe: relations.blockedByMe.has(user.uid), hasBlockedMe: relations.hasBlockedMe.has(user.uid) },
    ),
  )
}

export async function presentOne(ctx: OperationContext, actor: Actor, stored: StoredUser): Promise<User> {
  const [user] = await presentFor(ctx, actor, [stored])
  return user as User
}

/** A stored user as this actor may see it, its block flags already known (absent: no viewer). */
export function presentSeen(ctx: OperationContext, actor: Actor, stored: StoredUser, relations: PresentOptions['relations']): User {
  const cutoff = onlineSince(ctx)
  return presentUser(stored, {
    showPrivate: seesPrivateOf(actor, stored.uid),
    ...(cutoff !== undefined ? { onlineSince: cutoff } : {}),
    ...(relations ? { relations } : {}),
  })
}

/**
 * Whether some user could have this uid (from a path). One that no user can have is simply not
 * found, without asking the store: PostgreSQL cannot even compare a uid holding a NUL.
 */
export function isPossibleUid(uid: string): boolean {
  return v.is(uidSchema, uid)
}

/** An active user, or null for one that is absent or deactivated (both are "not found"). */
export async function findActive(ctx: OperationContext, uid: string): Promise<StoredUser | null> {
  if (!isPossibleUid(uid)) return null
  const user = await ctx.store.getUser(uid.toLowerCase())
  return user && user.deactivatedAt === undefined ? user : null
}
