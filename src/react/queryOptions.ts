import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { BlockedUsersQuery, Role, UserClient, UserPage } from '../client/index.js'
import { isUserkitError, type User, type UserkitError, type UsersQueryInput } from '../model/index.js'
import { userKeys } from './userKeys.js'

/**
 * How long loaded users count as fresh. Long enough that a list and the rows that read their user
 * from it do not refetch each other on mount; override per query as usual.
 */
export const USER_STALE_TIME = 30_000

/**
 * Retries once, after RETRY_DELAY_MS, what may pass on a second try — no answer, a 5xx, a 429;
 * never a 4xx, which would only come back the same. One quick retry rides over a blip while a
 * server that is down shows its error (with Retry) within a couple of seconds, not after ten of
 * faint placeholders. The provider's own QueryClient uses it; pass both to yours for the same.
 * @example new QueryClient({ defaultOptions: { queries: { retry: retryTransient, retryDelay: RETRY_DELAY_MS } } })
 */
export function retryTransient(failureCount: number, error: Error): boolean {
  if (failureCount >= 1) return false
  return !isUserkitError(error) || error.status === 0 || error.status === 429 || error.status >= 500
}

/** The pause before `retryTransient`'s one retry. */
export const RETRY_DELAY_MS = 1000

/** One user. Use it to prefetch on a server or in a router loader with the key the hooks use. */
export function userQueryOptions(client: UserClient, uid: string) {
  return queryOptions<User, UserkitError, User, ReturnType<typeof userKeys.detail>>({
    queryKey: userKeys.detail(uid),
    queryFn: ({ signal }) => client.getUser(uid, { signal }),
    staleTime: USER_STALE_TIME,
  })
}

/** The roles the server knows, with their names: they change with the server's configuration only. */
export function rolesQueryOptions(client: UserClient) {
  return queryOptions<Role[], UserkitError, Role[], ReturnType<typeof userKeys.roles>>({
    queryKey: userKeys.roles(),
    queryFn: ({ signal }) => client.listRoles({ signal }),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** One page of users. */
export function usersQueryOptions(client: UserClient, filters: UsersQueryInput = {}) {
  return queryOptions<UserPage, UserkitError, UserPage, ReturnType<typeof userKeys.list>>({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) => client.listUsers(filters, { signal }),
    staleTime: USER_STALE_TIME,
  })
}

/** Pages of users, one after another, for infinite scrolling. */
export function infiniteUsersQueryOptions(client: UserClient, filters: Omit<UsersQueryInput, 'page'> = {}) {
  return infiniteQueryOptions({
    queryKey: userKeys.infinite(filters),
    queryFn: ({ pageParam, signal }) => client.listUsers({ ...filters, page: pageParam }, { signal }),
    initialPageParam: 1,
    getNextPageParam: (last: UserPage) =>
      last.pagination.currentPage < last.pagination.totalPages ? last.pagination.currentPage + 1 : undefined,
    staleTime: USER_STALE_TIME,
  })
}

/** The users the logged-in user has blocked. */
export function blockedUsersQueryOptions(client: UserClient, filters: BlockedUsersQuery = {}) {
  return queryOptions<UserPage, UserkitError, UserPage, ReturnType<typeof userKeys.blocked>>({
    queryKey: userKeys.blocked(filters),
    queryFn: ({ signal }) => client.getBlockedUsers(filters, { signal }),
    staleTime: USER_STALE_TIME,
  })
}

/** Pages of the users the logged-in user has blocked, one after another ("Show more"). */
export function infiniteBlockedUsersQueryOptions(client: UserClient, filters: Omit<BlockedUsersQuery, 'page'> = {}) {
  return infiniteQueryOptions({
    queryKey: userKeys.infiniteBlocked(filters),
    queryFn: ({ pageParam, signal }) => client.getBlockedUsers({ ...filters, page: pageParam }, { signal }),
    initialPageParam: 1,
    getNextPageParam: (last: UserPage) =>
      last.pagination.currentPage < last.pagination.totalPages ? last.pagination.currentPage + 1 : undefined,
    staleTime: USER_STALE_TIME,
  })
}

/** The logged-in user, from `GET /me`. */
export function currentUserQueryOptions(client: UserClient) {
  return queryOptions<User, UserkitError, User, ReturnType<typeof userKeys.me>>({
    queryKey: userKeys.me(),
    queryFn: ({ signal }) => client.getMe({ signal }),
    staleTime: USER_STALE_TIME,
  })
}
