import type { User } from '../../model/index.js'
import type { Actor } from '../actor.js'
import type { OperationContext } from '../operations/context.js'
import { updateUser } from '../operations/updateUser.js'
import { avatarUrl } from './avatarUrls.js'
import { freePicture } from './freePicture.js'
import { reencodeAvatar } from './reencodeAvatar.js'
import type { AvatarEncoder } from './avatarEncoder.js'
import type { AvatarStore } from './types.js'

export interface AvatarContext {
  ops: OperationContext & { avatars: AvatarStore; avatarEncoder: AvatarEncoder }
  /** Where served pictures are reached: the handler's `avatarBaseUrl`, or the request's origin. */
  origin: string
}

/**
 * Stores the picture and points the user's `avatar` at it: an ordinary update (`If-Match`,
 * `user.updated`, the picture it replaced freed), so uploads racing for one user are serialized
 * by the store and each frees the one it replaced. The picture is stored before any user names it;
 * a refused update takes its picture away again.
 */
export async function setAvatar(ctx: AvatarContext, actor: Actor, uid: string, bytes: Uint8Array, ifMatch: string | undefined): Promise<User> {
  const picture = await reencodeAvatar(bytes, ctx.ops.avatarEncoder)
  await ctx.ops.avatars.put(picture)
  const url = avatarUrl(ctx.origin, picture.hash)
  try {
    const user = await updateUser(ctx.ops, actor, uid, { avatar: url }, { ifMatch })
    // Another user's change may have freed the same picture (identical bytes) between the put and
    // the update: put it back if someone shows it. Not unconditionally: a later upload of this user
    // may have replaced and freed it already, and putting it back would leave it orphaned.
    const { avatars, store } = ctx.ops
    if (!(await avatars.get(picture.hash)) && (await store.avatarInUse?.(picture.hash))) await avatars.put(picture)
    return user
  } catch (error) {
    await freePicture(ctx.ops, url)
    throw error
  }
}

/** Clears the user's `avatar`; the picture it named goes once nobody shows it. */
export function removeAvatar(ctx: AvatarContext, actor: Actor, uid: string, ifMatch: string | undefined): Promise<User> {
  return updateUser(ctx.ops, actor, uid, { unset: ['avatar'] }, { ifMatch })
}
