import type { Act } from './sdkRuntime.js'

// Acts run inside the SDK's runtime (Node or the page): each uses only its own parameters.

export interface ListArgs {
  limit: number
  searchKeyword?: string
  searchIn?: string[]
  status?: 'online' | 'offline'
  role?: string
  roles?: string[]
  tags?: string[]
  withTags?: boolean
  uids?: string[]
  hideBlockedUsers?: boolean
  sortBy?: string
  sortOrder?: string
  /** Stops after this many pages even if none comes back empty. @default 10 */
  maxPages?: number
}

/** A listed user as the SDK's getters give it. */
export interface ListedUser {
  uid: string
  name: string
  role: string
  status: string
  tags?: string[]
  blockedByMe?: boolean
  hasBlockedMe?: boolean
}

/** `UsersRequest.fetchNext` with a builder set from `args`, page after page up to the first empty one. */
export const listUsers: Act<ListArgs, ListedUser[][]> = async (sdk, args) => {
  const { CometChat } = sdk
  let builder = new CometChat.UsersRequestBuilder().setLimit(args.limit)
  if (args.searchKeyword !== undefined) builder = builder.setSearchKeyword(args.searchKeyword)
  if (args.searchIn) builder = builder.searchIn(args.searchIn)
  if (args.status) builder = builder.setStatus(args.status === 'online' ? CometChat.USER_STATUS.ONLINE : CometChat.USER_STATUS.OFFLINE)
  if (args.role) builder = builder.setRole(args.role)
  if (args.roles) builder = builder.setRoles(args.roles)
  if (args.tags) builder = builder.setTags(args.tags)
  if (args.withTags !== undefined) builder = builder.withTags(args.withTags)
  if (args.uids) builder = builder.setUIDs(args.uids)
  if (args.hideBlockedUsers !== undefined) builder = builder.hideBlockedUsers(args.hideBlockedUsers)
  if (args.sortBy) builder = builder.sortBy(args.sortBy)
  if (args.sortOrder) builder = builder.sortByOrder(args.sortOrder)
  const request = builder.build()
  const pages: ListedUser[][] = []
  for (let i = 0; i < (args.maxPages ?? 10); i++) {
    const page = (await request.fetchNext()) as unknown as InstanceType<typeof CometChat.User>[]
    pages.push(
      page.map((user) => ({
        uid: user.getUid(),
        name: user.getName(),
        role: user.getRole(),
        status: user.getStatus(),
        ...(user.getTags() ? { tags: user.getTags() } : {}),
        blockedByMe: user.getBlockedByMe(),
        hasBlockedMe: user.getHasBlockedMe(),
      })),
    )
    if (page.length === 0) break
  }
  return pages
}

/** `BlockedUsersRequest.fetchNext`, page after page up to the first empty one. */
export const listBlockedUsers: Act<{ limit: number }, string[][]> = async (sdk, { limit }) => {
  const request = new sdk.CometChat.BlockedUsersRequestBuilder().setLimit(limit).build()
  const pages: string[][] = []
  for (let i = 0; i < 10; i++) {
    const page = (await request.fetchNext()) as unknown as InstanceType<typeof sdk.CometChat.User>[]
    pages.push(page.map((user) => `${user.getUid()} blockedByMe=${user.getBlockedByMe()}`))
    if (page.length === 0) break
  }
  return pages
}

export const createUser: Act<{ uid: string; name: string; tags?: string[]; key: string }, unknown> = async (sdk, args) => {
  const user = new sdk.CometChat.User(args.uid)
  user.setName(args.name)
  if (args.tags) user.setTags(args.tags)
  return sdk.CometChat.createUser(user, args.key)
}

export const updateUser: Act<{ uid: string; name: string; role: string; tags: string[]; metadata: object; key: string }, unknown> = async (
  sdk,
  args,
) => {
  const user = new sdk.CometChat.User(args.uid)
  user.setName(args.name)
  user.setRole(args.role)
  user.setTags(args.tags)
  user.setMetadata(args.metadata)
  return sdk.CometChat.updateUser(user, args.key)
}

export const loginWithKey: Act<{ uid: string; key: string }, unknown> = async (sdk, { uid, key }) => sdk.CometChat.login(uid, key)

export const loginWithToken: Act<{ authToken: string }, unknown> = async (sdk, { authToken }) => sdk.CometChat.login(authToken)

export const getLoggedinUser: Act<null, unknown> = async (sdk) => sdk.CometChat.getLoggedinUser()

/** Edits the logged-in user as an app would: starting from the SDK's own copy, role included. */
export const updateCurrentUserDetails: Act<{ name: string; statusMessage: string }, unknown> = async (sdk, args) => {
  const me = await sdk.CometChat.getLoggedinUser()
  if (!me) throw new Error('nobody is logged in')
  me.setName(args.name)
  me.setStatusMessage(args.statusMessage)
  return sdk.CometChat.updateCurrentUserDetails(me)
}

export const getUser: Act<{ uid: string }, unknown> = async (sdk, { uid }) => sdk.CometChat.getUser(uid)

export const blockUsers: Act<{ uids: string[] }, unknown> = async (sdk, { uids }) => sdk.CometChat.blockUsers(uids)

export const unblockUsers: Act<{ uids: string[] }, unknown> = async (sdk, { uids }) => sdk.CometChat.unblockUsers(uids)

export const logout: Act<null, unknown> = async (sdk) => sdk.CometChat.logout()
