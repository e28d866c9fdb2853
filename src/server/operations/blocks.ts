import { UserkitError } from '../../model/index.js'
import type { Outcomes } from './deactivateUsers.js'
import { parseUidList } from './deactivateUsers.js'
import type { OperationContext } from './context.js'

/** `POST` / `DELETE` `blockedusers`: per-uid outcomes; a uid that does not exist fails alone. */
export async function changeBlocks(
  ctx: OperationContext,
  blocker: string,
  body: Record<string, unknown>,
  block: boolean,
): Promise<Outcomes> {
  const uids = parseUidList(body, 'blockedUids')
  if (uids.includes(blocker)) throw new UserkitError('ERR_CANNOT_BLOCK_SELF', 'A user cannot block themselves.')
  const { users } = await ctx.store.listUsers({
    uids,
    limit: uids.length,
    offset: 0,
    deactivated: 'exclude',
    sortBy: 'name',
    sortOrder: 'asc',
  })
  const existing = new Set(users.map((user) => user.uid))
  const found = uids.filter((uid) => existing.has(uid))
  if (block) await ctx.store.block(blocker, found)
  else await ctx.store.unblock(blocker, found)
  for (const uid of found) ctx.publish?.({ type: block ? 'user.blocked' : 'user.unblocked', uid, by: blocker })
  // Keyed by uids, which may be `__proto__` or `constructor`: no prototype to collide with.
  const outcomes: Outcomes = Object.create(null)
  for (const uid of uids) {
    if (existing.has(uid)) {
      outcomes[uid] = { success: true, message: `${uid} was ${block ? 'blocked' : 'unblocked'} by ${blocker}.` }
    } else {
      const message = `The user ${uid} does not exist.`
      outcomes[uid] = { success: false, message, error: { code: 'ERR_UID_NOT_FOUND', message } }
    }
  }
  return outcomes
}
