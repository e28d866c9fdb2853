import { benchNames, benchUser } from '../benchUser.js'

/**
 * `broad`: the first two letters of a given name, what a search box sends after two keystrokes;
 * each matches about a fourteenth of all users. `narrow`: a whole name, matching one user or a few.
 * `word`: the first three letters of a family name, a word inside the name (a tenth of all users).
 */
export type SearchKind = 'broad' | 'narrow' | 'word'

/** The two-letter prefixes a `broad` search picks from. */
export const broadPrefixes: readonly string[] = benchNames.given.map((name) => [...name.toLowerCase()].slice(0, 2).join(''))

const wordPrefixes: readonly string[] = benchNames.family.map((name) => name.toLowerCase().slice(0, 3))

/** A random search key of that kind among user-0 … user-(users - 1). */
export function searchKey(kind: SearchKind, users: number): string {
  if (kind === 'narrow') return benchUser(Math.floor(Math.random() * users)).name
  const keys = kind === 'broad' ? broadPrefixes : wordPrefixes
  return keys[Math.floor(Math.random() * keys.length)] as string
}
