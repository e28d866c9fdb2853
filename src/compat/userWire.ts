import type { CreateUserInput, User as WireUser, UserMetadata } from '../model/index.js'
import { User } from './User.js'

/** A user as an app may pass one: a `User`, or a plain object as the SDK also accepts. */
export type UserLike = User | { uid?: string; name?: string; avatar?: string; link?: string; role?: string; metadata?: object; statusMessage?: string; tags?: string[] }

type Editable = Omit<CreateUserInput, 'uid'>

/**
 * The fields a creator may send, read from a `User` or a plain object. Server-set fields (status,
 * timestamps, blocks) and the auth token stay home: a user fetched, changed and saved back sends
 * only what can change.
 */
export function editableFields(user: UserLike): { uid: string | undefined; fields: Editable } {
  const source = user instanceof User ? fromUser(user) : user
  const fields: Editable = {} as Editable
  if (source.name !== undefined) fields.name = source.name
  if (source.avatar !== undefined) fields.avatar = source.avatar
  if (source.link !== undefined) fields.link = source.link
  if (source.role !== undefined) fields.role = source.role
  if (source.metadata !== undefined) fields.metadata = source.metadata as UserMetadata
  if (source.statusMessage !== undefined) fields.statusMessage = source.statusMessage
  if (source.tags !== undefined) fields.tags = source.tags
  return { uid: source.uid, fields }
}

function fromUser(user: User): Exclude<UserLike, User> {
  return {
    uid: user.getUid(),
    name: user.getName(),
    avatar: user.getAvatar(),
    link: user.getLink(),
    role: user.getRole(),
    metadata: user.getMetadata(),
    statusMessage: user.getStatusMessage(),
    tags: user.getTags(),
  }
}

/**
 * A server answer as the SDK hands it out: a `User` carrying every field of the answer, its status
 * folded into `online`/`offline`.
 */
export function userFromWire(data: WireUser): User {
  const status = data.status && (data.status as string) !== 'offline' ? 'online' : 'offline'
  const wire = { ...data, status }
  return Object.assign(new User(wire), wire)
}
