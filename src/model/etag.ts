import { PRIVATE_METADATA_KEY } from './fields.js'
import type { User } from './user.js'

// The fields an edit can change. Presence and viewer-relative fields are left out so that a
// heartbeat or a block never makes someone's edit stale.
const versionedFields = ['uid', 'name', 'avatar', 'link', 'role', 'metadata', 'statusMessage', 'tags'] as const

/**
 * The version of a user as an ETag, computed from its content so that a client can derive it
 * from any copy it holds (a detail, a list row) and send it as `If-Match`.
 * `metadata["@private"]` is left out because not every viewer can see it.
 */
export function userEtag(user: Pick<User, 'uid' | 'name'> & Partial<User>): string {
  const content: Record<string, unknown> = {}
  for (const field of versionedFields) {
    let value: unknown = user[field]
    if (field === 'metadata' && value !== undefined) {
      const { [PRIVATE_METADATA_KEY]: _private, ...shared } = value as Record<string, unknown>
      value = Object.keys(shared).length > 0 ? shared : undefined
    }
    if (value !== undefined) content[field] = value
  }
  return `"${hash53(canonicalJson(content)).toString(36)}"`
}

/** JSON with object keys sorted, so equal content always hashes equally (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

// cyrb53: a fast, well-mixed 53-bit string hash; collisions between two versions of one user are
// vanishingly unlikely, and it needs no async crypto.
function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** Whether an `If-Match` header value matches the current ETag: strongly (RFC 9110), so a weak tag never does. */
export function ifMatchSatisfied(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((part) => part.trim())
    .some((candidate) => candidate === '*' || candidate === etag)
}
