import { performance } from 'node:perf_hooks'
import type { ListUsersParams, UserStore } from '../../src/server/index.js'
import { SEARCH_COUNT_CAP } from '../../src/server/operations/readUsers.js'
import type { SqlDriver } from '../../src/server/store/sql/sqlDriver.js'
import { percentile } from './percentile.js'
import { previousSearch } from './previousSearch.js'
import { searchKey, type SearchKind } from './searchKeys.js'

export interface SearchLatency {
  /** Milliseconds. */
  p50: number
  /** Milliseconds. */
  p99: number
  runs: number
}

/** What the handler asks the store for `GET /v3/users?searchKey=…&perPage=25`, its count capped. */
export function searchPage(key: string): ListUsersParams {
  return { search: { key, in: ['uid', 'name'] }, countUpTo: SEARCH_COUNT_CAP, limit: 25, offset: 0, deactivated: 'exclude', sortBy: 'name', sortOrder: 'asc' }
}

const WARMUP_RUNS = 3

/**
 * One search page at a time with random keys: `runs` of them, or fewer (20 at least) if they take
 * longer than `budgetMs`, after a few untimed ones that warm the caches and the JIT.
 */
export async function searchLatency(store: UserStore, users: number, kind: SearchKind, runs = 200, budgetMs = 10_000): Promise<SearchLatency> {
  return timeRuns(users, kind, runs, budgetMs, async (params) => (await store.listUsers(params)).users.length)
}

/** The search as it was before word search, through the driver on the same table (`previousSearch.ts`). */
export async function previousLatency(driver: SqlDriver, users: number, kind: SearchKind, runs = 200, budgetMs = 10_000): Promise<SearchLatency> {
  return timeRuns(users, kind, runs, budgetMs, async (params) => previousSearch(driver, params.search!.key))
}

async function timeRuns(
  users: number,
  kind: SearchKind,
  runs: number,
  budgetMs: number,
  search: (params: ListUsersParams) => Promise<number>,
): Promise<SearchLatency> {
  for (let i = 0; i < WARMUP_RUNS; i++) await search(searchPage(searchKey(kind, users)))
  const times: number[] = []
  const deadline = performance.now() + budgetMs
  while (times.length < runs && (times.length < 20 || performance.now() < deadline)) {
    const params = searchPage(searchKey(kind, users))
    const begun = performance.now()
    const found = await search(params)
    times.push(performance.now() - begun)
    if (found === 0) throw new Error(`search ${JSON.stringify(params.search)} found nobody among ${users} users`)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p99: percentile(times, 99), runs: times.length }
}
