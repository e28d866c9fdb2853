import type { UsersQuery, UsersQueryInput } from '../model/index.js'

// The schema's names, in its order; the check below fails to compile when the schema gains a field
// this list lacks, so the client never silently drops a filter.
const queryNames = [
  'perPage',
  'page',
  'searchKey',
  'searchIn',
  'status',
  'role',
  'roles',
  'tags',
  'tagsMatch',
  'withTags',
  'uids',
  'onlyDeactivated',
  'withDeactivated',
  'hideBlockedUsers',
  'sortBy',
  'sortOrder',
] as const satisfies readonly (keyof UsersQuery)[]

type Never<T extends never> = T
type _EveryQueryName = Never<Exclude<keyof UsersQuery, (typeof queryNames)[number]>>

/** A query string (without `?`): arrays comma-joined, booleans as 1/0, undefined left out. */
export function usersQueryString(query: UsersQueryInput | undefined): string {
  if (!query) return ''
  const pairs: string[] = []
  for (const name of queryNames) {
    const value: unknown = query[name]
    if (value === undefined || value === null) continue
    // Items are encoded one by one so the commas between them stay readable in logs.
    const text = Array.isArray(value)
      ? value.map((item) => encodeURIComponent(String(item))).join(',')
      : encodeURIComponent(typeof value === 'boolean' ? (value ? '1' : '0') : String(value))
    pairs.push(`${name}=${text}`)
  }
  return pairs.join('&')
}
