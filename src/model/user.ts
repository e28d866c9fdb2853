/** Presence as the server reports it. */
export type UserStatus = 'online' | 'offline'

/** Any JSON value that `metadata` may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** Free-form data about a user. `metadata["@private"]` is shown only to the user and to keys. */
export type UserMetadata = { [key: string]: JsonValue }

/**
 * A user as the server returns it. Unset optional fields are absent, never `null`.
 * `hasBlockedMe` and `blockedByMe` are relative to whoever asked.
 */
export interface User {
  uid: string
  name: string
  avatar?: string
  link?: string
  role: string
  metadata?: UserMetadata
  status: UserStatus
  statusMessage?: string
  lastActiveAt?: number
  hasBlockedMe?: boolean
  blockedByMe?: boolean
  tags?: string[]
  deactivatedAt?: number
  createdAt: number
  updatedAt: number
  /** Present only where it was asked for: `withAuthToken` on create, and `PUT /me`. */
  authToken?: string
}

/** What a creator may send. */
export interface CreateUserInput {
  uid: string
  name: string
  avatar?: string
  link?: string
  role?: string
  metadata?: UserMetadata
  statusMessage?: string
  tags?: string[]
}

/** Optional fields an update may clear. */
export type UnsettableField = 'avatar' | 'link' | 'metadata' | 'statusMessage' | 'tags'

/** What an update of any user may send (role only with the right to manage users). */
export type UpdateUserInput = Partial<Omit<CreateUserInput, 'uid'>> & {
  /** Optional fields to clear. */
  unset?: UnsettableField[]
}

/** What the logged-in user may change about themselves: never uid, never role. */
export type UpdateCurrentUserInput = Omit<UpdateUserInput, 'role'> & { role?: never; uid?: never }
