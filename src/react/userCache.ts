import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query'
import type { UserPage } from '../client/index.js'
import type { UpdateUserInput, User } from '../model/index.js'
import { userKeys } from './userKeys.js'

/** What Userkit keeps under `userKeys.all`: a user, a page of users, or pages of them. */
type Cached = User | UserPage | InfiniteData<UserPage>

const isPage = (data: object): data is UserPage => Array.isArray((data as UserPage).users)
const isPages = (data: object): data is InfiniteData<UserPage> => Array.isArray((data as InfiniteData<UserPage>).pages)

function mapPage(page: UserPage, uid: string, change: (user: User) => User): UserPage {
  let changed = false
  const users = page.users.map((user) => {
    if (user.uid !== uid) return user
    const next = change(user)
    changed ||= next !== user
    return next
  })
  return changed ? { ...page, users } : page
}

/** `data` with the user `uid` changed wherever it appears; the same object when nothing changed. */
export function mapCachedUser<T>(data: T, uid: string, change: (user: User) => User): T {
  if (data === null || typeof data !== 'object') return data
  const cached = data as unknown as Cached
  if (isPages(cached)) {
    const pages = cached.pages.map((page) => mapPage(page, uid, change))
    return (pages.some((page, i) => page !== cached.pages[i]) ? { ...cached, pages } : data) as T
  }
  if (isPage(cached)) return mapPage(cached, uid, change) as T
  return ((cached as User).uid === uid ? change(cached as User) : data) as T
}

export function holdsUser(data: unknown, uid: string): boolean {
  let found = false
  mapCachedUser(data, uid, (user) => {
    found = true
    return user
  })
  return found
}

export type CacheSnapshot = Array<[QueryKey, unknown]>

/** Every cache entry that holds `uid`, as it is now: what a failed optimistic update goes back to. */
export function snapshotUser(queryClient: QueryClient, uid: string): CacheSnapshot {
  return queryClient.getQueriesData({ queryKey: userKeys.all }).filter(([, data]) => holdsUser(data, uid))
}

export function restoreSnapshot(queryClient: QueryClient, snapshot: CacheSnapshot): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data)
}

/** Changes the user in its detail entry and in every loaded list, page and `me` that holds it. */
export function patchUser(queryClient: QueryClient, uid: string, change: (user: User) => User): void {
  for (const [key, data] of queryClient.getQueriesData({ queryKey: userKeys.all })) {
    const next = mapCachedUser(data, uid, change)
    if (next !== data) queryClient.setQueryData(key, next)
  }
}

/** The server's copy, keeping the viewer-relative flags an answer without a viewer leaves out. */
export const replaceWith =
  (server: User) =>
  (old: User): User => ({
    ...withoutToken(server),
    ...(server.hasBlockedMe === undefined && old.hasBlockedMe !== undefined ? { hasBlockedMe: old.hasBlockedMe } : {}),
    ...(server.blockedByMe === undefined && old.blockedByMe !== undefined ? { blockedByMe: old.blockedByMe } : {}),
  })

/** A user as the cache keeps it: an `authToken` in an answer belongs to the client, not the cache. */
export function withoutToken(user: User): User {
  if (user.authToken === undefined) return user
  const { authToken: _token, ...rest } = user
  return rest
}

/** What the user will look like once the server accepts `input`: shown before it answers. */
export const applyInput =
  (input: UpdateUserInput) =>
  (old: User): User => {
    const { unset = [], ...fields } = input
    const next: User = { ...old }
    for (const [field, value] of Object.entries(fields)) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[field] = value
    }
    for (const field of unset) delete next[field]
    return next
  }

/** The user as some loaded entry has it (its detail, a list, a page), with when it was loaded. */
export function findCachedUser(queryClient: QueryClient, uid: string): { user: User; updatedAt: number } | undefined {
  const key = uid.toLowerCase()
  for (const query of queryClient.getQueryCache().findAll({ queryKey: userKeys.all })) {
    let user: User | undefined
    mapCachedUser(query.state.data, key, (found) => (user = found))
    if (user) return { user, updatedAt: query.state.dataUpdatedAt }
  }
  return undefined
}
