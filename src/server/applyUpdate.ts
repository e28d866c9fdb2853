import { canonicalJson, PRIVATE_METADATA_KEY, type UpdateUserBody, type UserMetadata } from '../model/index.js'
import type { StoredUser } from './store/types.js'

const editable = ['name', 'avatar', 'link', 'role', 'metadata', 'statusMessage', 'tags'] as const

/**
 * The user after an update, or `null` when nothing would change (so no write and no new version).
 * A viewer who cannot see `metadata["@private"]` can neither write nor clear it: it is carried over as it was.
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

  if (options.keepsPrivate && next.metadata !== current.metadata) {
    const metadata = withHiddenPart(next.metadata, current.metadata?.[PRIVATE_METADATA_KEY])
    if (metadata === undefined) delete next.metadata
    else next.metadata = metadata
  }

  if (canonicalJson(next) === canonicalJson(current)) return null
  next.updatedAt = options.now
  return next
}

/** The shared part as sent, with the hidden part as it was: neither written nor cleared unseen. */
function withHiddenPart(metadata: UserMetadata | undefined, hidden: UserMetadata[string] | undefined): UserMetadata | undefined {
  if (metadata === undefined) return hidden === undefined ? undefined : { [PRIVATE_METADATA_KEY]: hidden }
  const { [PRIVATE_METADATA_KEY]: _ignored, ...shared } = metadata
  return hidden === undefined ? shared : { ...shared, [PRIVATE_METADATA_KEY]: hidden }
}
