import type { InfiniteData, UseInfiniteQueryResult, UseMutationResult, UseQueryResult, UseSuspenseQueryResult } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import type { BulkProgress, BulkUsersInput, BulkUsersResult, DeleteResult, Outcomes, UserPage } from '../../src/client/index.js'
import type { User, UserkitError } from '../../src/model/index.js'
import {
  useBlock,
  useBulkUsers,
  useBlockedUsers,
  useCreateUser,
  useDeactivateUser,
  useDeleteUser,
  useInfiniteBlockedUsers,
  useInfiniteUsers,
  useLogin,
  useLogout,
  useReactivateUser,
  useSuspenseUser,
  useUnblock,
  useUpdateUser,
  useUser,
  useUsers,
  type BlockChangeContext,
  type CreateUserVariables,
  type LoginCredentials,
  type UpdateUserVariables,
  type UserVariables,
} from '../../src/react/index.js'

// Type tests only: each data hook's inputs (its variables, the rest of TanStack's options) and results.
describe('useUser', () => {
  it("takes the rest of TanStack's query options, but not the key or the request", () => {
    expectTypeOf(useUser('ada', { staleTime: 0, refetchOnMount: 'always', enabled: false, retry: 1 })).toEqualTypeOf<UseQueryResult<User, UserkitError>>()
    // @ts-expect-error the key is the hook's
    useUser('ada', { queryKey: ['x'] })
    // @ts-expect-error so is the request
    useUser('ada', { queryFn: () => Promise.resolve({} as User) })
  })
})

describe('useSuspenseUser', () => {
  it('gives the user, never undefined, and narrows with select', () => {
    expectTypeOf(useSuspenseUser('ada').data).toEqualTypeOf<User>()
    expectTypeOf(useSuspenseUser('ada', { select: (user) => user.uid })).toEqualTypeOf<UseSuspenseQueryResult<string, UserkitError>>()
  })
})

describe('useUsers', () => {
  it('takes filters and options, and gives a page', () => {
    expectTypeOf(useUsers({ role: 'admin' }, { enabled: false })).toEqualTypeOf<UseQueryResult<UserPage, UserkitError>>()
    expectTypeOf(useUsers({}, { select: (page) => page.users.length }).data).toEqualTypeOf<number | undefined>()
    // @ts-expect-error not a filter
    useUsers({ colour: 'red' })
  })
})

describe('useInfiniteUsers', () => {
  it('gives pages, and takes no page of its own', () => {
    expectTypeOf(useInfiniteUsers({ searchKey: 'a' }, { enabled: true })).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<UserPage>, UserkitError>>()
    // @ts-expect-error the pages are the hook's to count
    useInfiniteUsers({ page: 2 })
  })
})

describe('useBlockedUsers', () => {
  it('gives a page of the blocked users', () => {
    expectTypeOf(useBlockedUsers({ perPage: 10 }, { staleTime: 0 })).toEqualTypeOf<UseQueryResult<UserPage, UserkitError>>()
  })
})

describe('useInfiniteBlockedUsers', () => {
  it('gives pages of the blocked users', () => {
    expectTypeOf(useInfiniteBlockedUsers({}, { enabled: false })).toEqualTypeOf<UseInfiniteQueryResult<InfiniteData<UserPage>, UserkitError>>()
  })
})

describe('useUpdateUser', () => {
  it('takes { uid, ...changes, ifMatch } and the mutation options', () => {
    const update = useUpdateUser({ onSuccess: (user) => expectTypeOf(user).toEqualTypeOf<User>(), throwOnError: false })
    expectTypeOf(update).toEqualTypeOf<UseMutationResult<User, UserkitError, UpdateUserVariables>>()
    update.mutate({ uid: 'grace', role: 'admin', ifMatch: '"v1"' })
    update.mutate({ uid: 'grace', unset: ['avatar'] })
    // @ts-expect-error whom to change is required
    update.mutate({ name: 'Grace' })
    // @ts-expect-error the request is the hook's
    useUpdateUser({ mutationFn: () => Promise.resolve({} as User) })
  })
})

describe('useCreateUser', () => {
  it('takes the new user, and may ask for a token', () => {
    const create = useCreateUser({ onError: (error) => expectTypeOf(error).toEqualTypeOf<UserkitError>() })
    expectTypeOf(create).toEqualTypeOf<UseMutationResult<User, UserkitError, CreateUserVariables>>()
    create.mutate({ uid: 'newbie', name: 'New Bie', withAuthToken: true })
  })
})

describe('useDeactivateUser, useReactivateUser, useDeleteUser', () => {
  it('take { uid }, as every single-user mutation does', () => {
    expectTypeOf(useDeactivateUser()).toEqualTypeOf<UseMutationResult<DeleteResult, UserkitError, UserVariables>>()
    expectTypeOf(useReactivateUser()).toEqualTypeOf<UseMutationResult<Outcomes, UserkitError, UserVariables>>()
    expectTypeOf(useDeleteUser({ onSettled: () => undefined })).toEqualTypeOf<UseMutationResult<DeleteResult, UserkitError, UserVariables>>()
    useDeactivateUser().mutate({ uid: 'grace' })
    // @ts-expect-error a bare uid is the old shape
    useDeactivateUser().mutate('grace')
  })
})

describe('useBlock, useUnblock', () => {
  it('take the uids and give each one’s outcome', () => {
    expectTypeOf(useBlock()).toEqualTypeOf<UseMutationResult<Outcomes, UserkitError, string[], BlockChangeContext>>()
    expectTypeOf(useUnblock({ onSuccess: (outcomes) => expectTypeOf(outcomes).toEqualTypeOf<Outcomes>() }).mutate).parameter(0).toEqualTypeOf<string[]>()
    // @ts-expect-error their optimistic onMutate is the hook's own
    useBlock({ onMutate: () => undefined })
  })
})

describe('useLogin, useLogout', () => {
  it('log in with a token or a uid and an authOnly key, and out with nothing', () => {
    expectTypeOf(useLogin()).toEqualTypeOf<UseMutationResult<User, UserkitError, LoginCredentials>>()
    useLogin().mutate({ uid: 'ada', authKey: 'key' })
    expectTypeOf(useLogout({ onSuccess: () => undefined })).toEqualTypeOf<UseMutationResult<DeleteResult, UserkitError, void>>()
  })
})

describe('useBulkUsers', () => {
  it("is a mutation over one bulk action, with how far a job is, and takes TanStack's mutation options and pollMs", () => {
    const bulk = useBulkUsers({ onSuccess: (result) => expectTypeOf(result).toEqualTypeOf<BulkUsersResult>(), pollMs: 250, onProgress: (seen) => expectTypeOf(seen).toEqualTypeOf<BulkProgress>() })
    expectTypeOf(bulk).toMatchTypeOf<UseMutationResult<BulkUsersResult, UserkitError, BulkUsersInput>>()
    expectTypeOf(bulk.progress).toEqualTypeOf<BulkProgress | null>()
    expectTypeOf(bulk.mutate).parameter(0).toEqualTypeOf<BulkUsersInput>()
    // @ts-expect-error the request is the hook's
    useBulkUsers({ mutationFn: () => Promise.resolve({} as BulkUsersResult) })
  })
})
