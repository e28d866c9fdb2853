import {
  useMutation,
  useQueryClient,
  type InfiniteData,
  type Query,
  type QueryClient,
  type QueryKey,
  type UseMutationResult,
} from '@tanstack/react-query'
import type { Outcomes, UserPage } from '../../client/index.js'
import type { User, UserkitError, UsersQueryInput } from '../../model/index.js'
import { useUserkit } from '../context.js'
import { patchEverywhere } from '../optimisticUpdate.js'
import { findCachedUser, holdsUser } from '../userCache.js'
import { userKeys } from '../userKeys.js'
import { composeMutationOptions, type UserkitMutationOptions } from './mutationOptions.js'

// Lists that hide blocked users change membership, not just a flag: those refetch.
const hidesBlocked = (query: Query): boolean => (query.queryKey[3] as UsersQueryInput | undefined)?.hideBlockedUsers === true
const blockedPrefix = userKeys.blocked()[1]
const isBlockedList = (query: Query): boolean => query.queryKey[1] === blockedPrefix

/** A user taken out of a blocked list at once on unblock: put back where it was if the server refuses. */
interface Removal {
  queryKey: QueryKey
  /** Which page of an infinite list (`0` for a single page). */
  page: number
  index: number
  user: User
}

// A blocked list is one page (`useBlockedUsers`) or pages of them (`useInfiniteBlockedUsers`).
type BlockedList = UserPage | InfiniteData<UserPage>
const isPages = (data: BlockedList): data is InfiniteData<UserPage> => Array.isArray((data as InfiniteData<UserPage>).pages)
const pagesOf = (data: BlockedList): UserPage[] => (isPages(data) ? data.pages : [data])
const withPages = (data: BlockedList, pages: UserPage[]): BlockedList => (isPages(data) ? { ...data, pages } : (pages[0] ?? data))

interface BlockContext {
  /** Each uid's `blockedByMe` before the change, as the cache had it (`undefined`: not known). */
  previous: Map<string, boolean | undefined>
  removed: Removal[]
}

const withFlag =
  (blocked: boolean | undefined) =>
  (user: User): User => {
    if (blocked !== undefined) return { ...user, blockedByMe: blocked }
    const { blockedByMe: _flag, ...rest } = user
    return rest
  }

function removeFromBlockedLists(queryClient: QueryClient, uids: string[]): Removal[] {
  const removed: Removal[] = []
  for (const query of queryClient.getQueryCache().findAll({ queryKey: userKeys.blocked().slice(0, 2), predicate: isBlockedList })) {
    const data = query.state.data as BlockedList | undefined
    if (!data) continue
    const pages = pagesOf(data)
    const gone = pages.flatMap((page, pageIndex) =>
      page.users.flatMap((user, index) => (uids.includes(user.uid) ? [{ queryKey: query.queryKey, page: pageIndex, index, user }] : [])),
    )
    if (gone.length === 0) continue
    removed.push(...gone)
    // `total` is the whole list's, on every page; `count` is each page's own.
    const next = pages.map((page) => {
      const users = page.users.filter((user) => !uids.includes(user.uid))
      const count = page.pagination.count - (page.users.length - users.length)
      return { ...page, users, pagination: { ...page.pagination, total: page.pagination.total - gone.length, count } }
    })
    queryClient.setQueryData<BlockedList>(query.queryKey, withPages(data, next))
  }
  return removed
}

function putBack(queryClient: QueryClient, removals: Removal[]): void {
  // Page by page, in index order, so each lands where it was.
  const inOrder = [...removals].sort((a, b) => a.page - b.page || a.index - b.index)
  for (const { queryKey, page: pageIndex, index, user } of inOrder) {
    const data = queryClient.getQueryData<BlockedList>(queryKey)
    if (!data) continue
    const pages = pagesOf(data)
    if (pages.length === 0 || pages.some((page) => page.users.some((listed) => listed.uid === user.uid))) continue
    const at = Math.min(pageIndex, pages.length - 1)
    const next = pages.map((page, i) => {
      const users = [...page.users]
      if (i === at) users.splice(Math.min(index, users.length), 0, user)
      const count = page.pagination.count + (i === at ? 1 : 0)
      return { ...page, users, pagination: { ...page.pagination, total: page.pagination.total + 1, count } }
    })
    queryClient.setQueryData<BlockedList>(queryKey, withPages(data, next))
  }
}

/** The context of a block or an unblock: what to undo if the server refuses. */
export type BlockChangeContext = BlockContext

/** Blocks (`block`) or unblocks the uids for the logged-in user, optimistically; `options` are the app's. */
export function useBlockChange(
  hook: string,
  block: boolean,
  options?: UserkitMutationOptions<Outcomes, string[], BlockContext>,
): UseMutationResult<Outcomes, UserkitError, string[], BlockContext> {
  const { client, store } = useUserkit(hook)
  const queryClient = useQueryClient()
  const undo = (context: BlockContext | undefined, uids: string[]): void => {
    if (!context) return
    // Put back first: the copies taken out were taken after the flag changed, and get it restored too.
    putBack(queryClient, context.removed.filter(({ user }) => uids.includes(user.uid)))
    for (const uid of uids) patchEverywhere(queryClient, store, uid, withFlag(context.previous.get(uid)))
  }
  return useMutation(composeMutationOptions<Outcomes, string[], BlockContext>({
    mutationFn: (uids: string[]) => (block ? client.blockUsers(uids) : client.unblockUsers(uids)),
    // Shown at once everywhere the users are loaded (and, on unblock, gone from the blocked lists);
    // undone uid by uid if the server refuses or never answers.
    onMutate: async (uids) => {
      const keys = uids.map((uid) => uid.toLowerCase())
      // A refetch landing mid-change would bring the old flag back.
      await queryClient.cancelQueries({
        queryKey: userKeys.all,
        predicate: (query) => isBlockedList(query) || keys.some((uid) => holdsUser(query.state.data, uid)),
      })
      const previous = new Map(keys.map((uid) => [uid, findCachedUser(queryClient, uid)?.user.blockedByMe] as const))
      for (const uid of keys) patchEverywhere(queryClient, store, uid, withFlag(block))
      return { previous, removed: block ? [] : removeFromBlockedLists(queryClient, keys) }
    },
    onSuccess: (outcomes, _uids, context) => {
      const failed: string[] = []
      for (const [uid, outcome] of Object.entries(outcomes)) {
        if (outcome.success) patchEverywhere(queryClient, store, uid, withFlag(block))
        else failed.push(uid)
      }
      undo(context, failed)
    },
    onError: (_error, uids, context) => undo(context, uids.map((uid) => uid.toLowerCase())),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.blocked().slice(0, 2), predicate: isBlockedList }),
        queryClient.invalidateQueries({ queryKey: userKeys.lists(), predicate: hidesBlocked }),
      ]),
  }, options))
}
