import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import type { User, UserkitError } from '../../src/model/index.js'
import {
  useCurrentUser,
  useUpdateCurrentUser,
  useUser,
  userKeys,
  userQueryOptions,
  type CurrentUserStatus,
  type UpdateCurrentUserVariables,
} from '../../src/react/index.js'

// Type tests only: vitest's typecheck (and `npm run typecheck`) compile these; nothing here runs.
describe('useUser', () => {
  it('gives User | undefined by default, with UserkitError as the error', () => {
    const result = useUser('ada')
    expectTypeOf(result.data).toEqualTypeOf<User | undefined>()
    expectTypeOf(result.error).toEqualTypeOf<UserkitError | null>()
    expectTypeOf(result).toEqualTypeOf<UseQueryResult<User, UserkitError>>()
  })

  it('narrows data to what select returns', () => {
    const { data } = useUser('ada', { select: (user) => user.name })
    expectTypeOf(data).toEqualTypeOf<string | undefined>()
    const flags = useUser('ada', { select: (user) => ({ blocked: user.blockedByMe === true }) })
    expectTypeOf(flags.data).toEqualTypeOf<{ blocked: boolean } | undefined>()
  })
})

describe('useUpdateCurrentUser', () => {
  it('takes the fields a user may change about themselves', () => {
    const { mutate } = useUpdateCurrentUser()
    expectTypeOf(useUpdateCurrentUser()).toEqualTypeOf<UseMutationResult<User, UserkitError, UpdateCurrentUserVariables>>()
    mutate({ name: 'Ada', statusMessage: 'Counting', ifMatch: false })
    mutate({ unset: ['avatar'] })
  })

  it('refuses role and uid', () => {
    const { mutate } = useUpdateCurrentUser()
    // @ts-expect-error role is not the user's to change
    mutate({ role: 'admin' })
    // @ts-expect-error uid is not the user's to change
    mutate({ uid: 'x' })
    // @ts-expect-error not even beside allowed fields
    mutate({ name: 'Ada', role: 'admin' })
  })
})

describe('useCurrentUser', () => {
  it('returns the whole state without a selector, and the selected type with one', () => {
    expectTypeOf(useCurrentUser().user).toEqualTypeOf<User | null>()
    expectTypeOf(useCurrentUser((state) => state.status)).toEqualTypeOf<CurrentUserStatus>()
    expectTypeOf(useCurrentUser((state) => state.user?.name)).toEqualTypeOf<string | undefined>()
    expectTypeOf(useCurrentUser((state) => state.authToken !== null)).toEqualTypeOf<boolean>()
  })
})

describe('userKeys', () => {
  it('are readonly tuples under userKeys.all', () => {
    expectTypeOf(userKeys.all).toEqualTypeOf<readonly ['userkit']>()
    expectTypeOf(userKeys.detail('ada')).toEqualTypeOf<readonly ['userkit', 'detail', string]>()
    expectTypeOf(userKeys.me()).toEqualTypeOf<readonly ['userkit', 'me']>()
    expectTypeOf(userKeys.lists()).toEqualTypeOf<readonly ['userkit', 'list']>()
  })

  it('key the query options the hooks use', () => {
    expectTypeOf(userQueryOptions).parameter(1).toEqualTypeOf<string>()
    expectTypeOf<ReturnType<typeof userQueryOptions>['queryKey']>().toExtend<readonly ['userkit', 'detail', string]>()
  })
})
