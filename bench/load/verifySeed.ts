import { deepStrictEqual, strictEqual } from 'node:assert/strict'
import type { UserStore } from '../../src/server/index.js'
import { benchUser } from '../benchUser.js'

/**
 * Bulk-seeded rows must be what the store would have written: read some back through the store
 * and through the served handler, and search a non-ASCII name in another case.
 */
export async function verifySeed(store: UserStore, url: string, apiKey: string, users: number): Promise<void> {
  const headers = { apikey: apiKey }
  for (const i of [0, 1, 10, 11, 12, 13, 4242, users - 1]) {
    const expected = benchUser(i)
    deepStrictEqual(await store.getUser(expected.uid), expected, `store.getUser(${expected.uid})`)
    const response = await fetch(`${url}/v3/users/${expected.uid}`, { headers })
    strictEqual(response.status, 200, `GET /v3/users/${expected.uid}`)
    const { data } = (await response.json()) as { data: { name: string; tags: string[] } }
    strictEqual(data.name, expected.name)
    deepStrictEqual(data.tags, expected.tags)
  }
  // Åsa is given name 10 of 14: user-10, user-24, … — far more than the 1,000 a search counts.
  const named = Math.floor((users - 1 - 10) / 14) + 1
  for (const key of ['ÅSA', 'asa']) {
    const { data, meta } = await search(url, headers, key)
    strictEqual(meta.pagination.total, Math.min(named, 1000), `users named Åsa (${key})`)
    strictEqual(meta.pagination.total_capped, named > 1000 ? true : undefined, `capped (${key})`)
    strictEqual(data.length, 25)
    for (const user of data) strictEqual(user.name.startsWith('Åsa '), true, user.name)
  }
  // A later word, and a whole name: the bulk-written search_prefixes are the store's own.
  const { data: lovelaces } = await search(url, headers, 'lovel')
  for (const user of lovelaces) strictEqual(user.name.includes(' Lovelace '), true, user.name)
  const exact = benchUser(users - 1)
  const { data: one } = await search(url, headers, exact.name)
  strictEqual(one[0]?.name, exact.name, `search ${exact.name}`)
}

interface Found {
  data: { name: string }[]
  meta: { pagination: { total: number; total_capped?: boolean } }
}

async function search(url: string, headers: Record<string, string>, key: string): Promise<Found> {
  const response = await fetch(`${url}/v3/users?searchKey=${encodeURIComponent(key)}&perPage=25`, { headers })
  strictEqual(response.status, 200, `search ${key}`)
  return (await response.json()) as Found
}
