import type { Context, Hono, MiddlewareHandler } from 'hono'
import { UserkitError } from '../../model/index.js'
import type { Actor, ServerEnv } from '../actor.js'
import { userAnswer } from '../http.js'
import type { OperationContext } from '../operations/context.js'
import { removeAvatar, setAvatar, type AvatarContext } from './avatarOperations.js'
import { sharpEncoder } from './sharpEncoder.js'

function contextOf(c: Context<ServerEnv>, ops: OperationContext): AvatarContext {
  if (!ops.avatars) {
    throw new UserkitError('ERR_API_NOT_FOUND', 'This server keeps no pictures: its store has no place for them and no avatarStore was given.')
  }
  return { ops: { ...ops, avatars: ops.avatars, avatarEncoder: ops.avatarEncoder ?? sharpEncoder }, origin: ops.avatarBaseUrl ?? new URL(c.req.url).origin }
}

/**
 * `PUT` (a picture as the body) and `DELETE` at `path`, for the user `uidOf` names, behind `guard`
 * (the surface's credentials).
 */
export function avatarRoutes(
  app: Hono<ServerEnv>,
  path: string,
  guard: MiddlewareHandler<ServerEnv>,
  uidOf: (c: Context<ServerEnv>, actor: Actor) => string,
  ops: OperationContext,
): void {
  app.put(path, guard, async (c) => {
    const actor = c.get('actor')
    return userAnswer(c, await setAvatar(contextOf(c, ops), actor, uidOf(c, actor), c.get('picture') ?? new Uint8Array(), c.req.header('if-match')))
  })
  app.delete(path, guard, async (c) => {
    const actor = c.get('actor')
    return userAnswer(c, await removeAvatar(contextOf(c, ops), actor, uidOf(c, actor), c.req.header('if-match')))
  })
}
