import { canonicalJson, PRIVATE_METADATA_KEY, type UpdateUserBody, type UserMetadata } from '../model/index.js'
import type { StoredUser } from './store/types.js'

const editable = ['name', 'avatar', 'link', 'role', 'metadata', 'statusMessage', 'tags'] as const

/**
 * The user after an update, or `null` when nothing would change (so no write and no new version).
 * A viewer who cannot see `metadata["@private"]` cannot replace or clear it either: it is carried over.
 */
export function applyUpdate(
  current: StoredUser,
  body: UpdateUserBody,
  options: { keepsPrivate: boolean; now: number },
): StoredUser | null {
  const next: StoredUser = { ...current }
  for (const field of editable) {
    const value = body[field]
    if (value !== undefined) (next as unknown as Record<string, unknown>)[field] = value
  }
  for (const field of body.unset ?? []) delete next[field]
  if (next.tags?.length === 0) delete next.tags

  const hidden = current.metadata?.[PRIVATE_METADATA_KEY]
  if (options.keepsPrivate && hidden !== undefined && next.metadata !== current.metadata) {
    next.metadata = { ...withoutPrivate(next.metadata), [PRIVATE_METADATA_KEY]: hidden }
  }

  if (canonicalJson(next) === canonicalJson(current)) return null
  next.updatedAt = options.now
  return next
}

function withoutPrivate(metadata: UserMetadata | undefined): UserMetadata {
  const { [PRIVATE_METADATA_KEY]: _dropped, ...rest } = metadata ?? {}
  return rest
}
