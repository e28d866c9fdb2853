import { benchNames, benchUser } from '../benchUser.js'

/**
 * `broad`: the first two letters of a given name, what a search box sends after two keystrokes;
 * each matches about a fourteenth of all users. `narrow`: a whole name, matching one user or a few.
 */
export type SearchKind = 'broad' | 'narrow'

/** The two-letter prefixes a `broad` search picks from. */
export const broadPrefixes: readonly string[] = benchNames.given.map((name) => [...name.toLowerCase()].slice(0, 2).join(''))

/** A random search key of that kind among user-0 … user-(users - 1). */
export function searchKey(kind: SearchKind, users: number): string {
  if (kind === 'narrow') return benchUser(Math.floor(Math.random() * users)).name
  return broadPrefixes[Math.floor(Math.random() * broadPrefixes.length)] as string
}
