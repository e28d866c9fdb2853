import type { InfiniteData, QueryKey, UseInfiniteQueryOptions } from '@tanstack/react-query'
import type { UserPage } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'

/** The options of a query for pages of users, numbered from 1. */
export type UserPagesQueryOptions<TKey extends QueryKey> = UseInfiniteQueryOptions<UserPage, UserkitError, InfiniteData<UserPage, number>, TKey, number>

/** TanStack's infinite query options but the key, the request and the paging: what an app may pass. */
export type UserPagesOptions<TKey extends QueryKey> = Omit<UserPagesQueryOptions<TKey>, 'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'>
