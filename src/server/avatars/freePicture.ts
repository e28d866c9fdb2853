import type { OperationContext } from '../operations/context.js'
import { avatarHashOf } from './avatarUrls.js'

/**
 * Removes the stored picture `avatar` names once no user shows it. Best effort: a picture left
 * behind by a failure here costs storage, never correctness, so the change that freed it stands.
 */
export async function freePicture(ctx: OperationContext, avatar: string | undefined): Promise<void> {
  const hash = avatarHashOf(avatar)
  const { avatars, store } = ctx
  if (!hash || !avatars || !store.avatarInUse) return
  try {
    if (!(await store.avatarInUse(hash))) await avatars.delete(hash)
  } catch {
    // See above: the user's change is already made.
  }
}
