import { parameterMissing } from './errors.js'

/** A user as a plain object: what `new User(object)` takes (a server answer or an app's own object). */
export interface UserObject {
  uid: string
  name?: string
  authToken?: string
  avatar?: string
  lastActiveAt?: number
  link?: string
  metadata?: object
  role?: string
  status?: string
  statusMessage?: string
  tags?: string[]
  deactivatedAt?: number
}

/**
 * `CometChat.User`, as CometChat's SDK has it: built with `new User(uid)`, `new User(uid, name)` or
 * `new User(object)`, then filled with setters. Getters are typed as the SDK types them: an unset
 * field reads as `undefined` all the same.
 *
 * @example
 * const user = new CometChat.User('ada')
 * user.setName('Ada Lovelace')
 * user.setTags(['staff'])
 */
export class User {
  // Own properties, never class-field initialisers: JSON.stringify(user) shows the set fields only,
  // as the SDK's objects do.
  private declare uid: string
  private declare name: string
  private declare authToken?: string
  private declare avatar?: string
  private declare lastActiveAt?: number
  private declare link?: string
  private declare metadata?: object
  private declare role?: string
  private declare status?: string
  private declare statusMessage?: string
  private declare tags?: string[]
  private declare hasBlockedMe: boolean
  private declare blockedByMe: boolean
  private declare deactivatedAt: number

  constructor(uid: string)
  constructor(uid: string, name: string)
  constructor(user: UserObject)
  constructor(...args: [string] | [string, string] | [UserObject]) {
    this.hasBlockedMe = false
    this.blockedByMe = false
    this.deactivatedAt = 0
    if (args.length === 2) {
      this.uid = args[0]
      this.name = args[1]
      return
    }
    if (args.length !== 1) throw parameterMissing()
    const [first] = args
    if (typeof first === 'string') {
      this.uid = first
      return
    }
    if (first === null || typeof first !== 'object') throw parameterMissing()
    this.uid = first.uid
    this.name = first.name as string
    if (first.authToken) this.authToken = first.authToken
    if (first.avatar) this.avatar = first.avatar
    if (first.lastActiveAt) this.lastActiveAt = first.lastActiveAt
    if (first.link) this.link = first.link
    if (first.metadata) this.metadata = first.metadata
    if (first.role) this.role = first.role
    if (first.statusMessage) this.statusMessage = first.statusMessage
    // The SDK knows two states: anything but `offline` (the server's `available` too) is online.
    this.status = first.status && first.status !== 'offline' ? 'online' : 'offline'
    if (first.tags) this.tags = first.tags
    if (first.deactivatedAt) this.deactivatedAt = first.deactivatedAt
  }

  getUid(): string {
    return this.uid
  }
  setUid(uid: string): void {
    this.uid = uid
  }
  getName(): string {
    return this.name
  }
  /** Ignores an empty name, as the SDK does. */
  setName(name: string): void {
    if (name) this.name = name
  }
  getAuthToken(): string {
    return this.authToken as string
  }
  setAuthToken(authToken: string): void {
    this.authToken = authToken
  }
  getAvatar(): string {
    return this.avatar as string
  }
  setAvatar(avatar: string): void {
    this.avatar = avatar
  }
  /** Unix seconds. */
  getLastActiveAt(): number {
    return this.lastActiveAt as number
  }
  setLastActiveAt(lastActiveAt: number): void {
    this.lastActiveAt = lastActiveAt
  }
  getLink(): string {
    return this.link as string
  }
  /** Returns the link, as the SDK's does. */
  setLink(link: string): string {
    return (this.link = link)
  }
  getMetadata(): object {
    return this.metadata as object
  }
  setMetadata(metadata: object): void {
    this.metadata = metadata
  }
  getRole(): string {
    return this.role as string
  }
  setRole(role: string): void {
    this.role = role
  }
  /** `online` or `offline` (`CometChat.USER_STATUS`). */
  getStatus(): string {
    return this.status as string
  }
  setStatus(status: string): void {
    this.status = status
  }
  getStatusMessage(): string {
    return this.statusMessage as string
  }
  setStatusMessage(statusMessage: string): void {
    this.statusMessage = statusMessage
  }
  /** Whether the logged-in user has blocked this user. */
  getBlockedByMe(): boolean {
    return this.blockedByMe
  }
  setBlockedByMe(blockedByMe: boolean): void {
    this.blockedByMe = blockedByMe
  }
  /** Whether this user has blocked the logged-in user. */
  getHasBlockedMe(): boolean {
    return this.hasBlockedMe
  }
  setHasBlockedMe(hasBlockedMe: boolean): void {
    this.hasBlockedMe = hasBlockedMe
  }
  getTags(): Array<string> {
    return this.tags as string[]
  }
  setTags(tags: Array<string>): void {
    this.tags = tags
  }
  /** Unix seconds; 0 for an active user. */
  getDeactivatedAt(): number {
    return this.deactivatedAt
  }
  setDeactivatedAt(deactivatedAt: number): void {
    this.deactivatedAt = deactivatedAt
  }
}

