// Throughput of the handler against the store it wraps, measured in one run so the ratio holds on a
// shared, noisy machine. Run with `npm run bench`.
import { Bench } from 'tinybench'
import { createUserHandler, memoryStore, pgliteStore, type ListUsersParams, type UserStore } from '../src/server/index.js'
import { seedUsers } from './seedUsers.js'

const USERS = 10_000
const KEY = 'bench-key'
const search: ListUsersParams = {
  search: { key: 'gr', in: ['uid', 'name'] },
  limit: 25,
  offset: 0,
  deactivated: 'exclude',
  sortBy: 'name',
  sortOrder: 'asc',
}

interface Row {
  store: string
  operation: string
  handler: number
  direct: number
}

async function measure(name: string, store: UserStore): Promise<Row[]> {
  const uids = await seedUsers(store, USERS)
  // Counted like any request (the limiter's cost is part of the figure), but never refused.
  const rateLimit = { perMinute: { fullAccess: Number.MAX_SAFE_INTEGER } }
  const handler = createUserHandler({ store, keys: [{ key: KEY, scope: 'fullAccess' }], roles: { admin: { manageUsers: true } }, rateLimit })
  let i = 0
  const nextUid = (): string => uids[(i = (i + 7919) % uids.length)] as string
  // A figure of refusals would be a lie: any answer but 200 stops the bench.
  const get = (path: string) =>
    handler(new Request(`http://bench.local${path}`, { headers: { apikey: KEY } })).then(async (response) => {
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`)
      return response.text()
    })

  const bench = new Bench({ time: 1500, warmup: true })
  bench
    .add('get-by-uid via handler', () => get(`/v3/users/${nextUid()}`))
    .add('get-by-uid on store', () => store.getUser(nextUid()))
    .add('search page via handler', () => get('/v3/users?searchKey=gr&perPage=25'))
    .add('search page on store', () => store.listUsers(search))
  await bench.run()
  const hz = (task: string): number => {
    const result = bench.getTask(task)?.result
    return result && 'throughput' in result ? result.throughput.mean : 0
  }
  await store.close()
  return ['get-by-uid', 'search page'].map((operation) => ({
    store: name,
    operation,
    handler: hz(`${operation} via handler`),
    direct: hz(`${operation} on store`),
  }))
}

const rows = [...(await measure('memory', memoryStore())), ...(await measure('pglite', pgliteStore()))]
console.log(`\nUserkit server, ${USERS.toLocaleString('en')} users per store (requests per second; overhead = store ÷ handler)\n`)
console.table(
  rows.map((row) => ({
    store: row.store,
    operation: row.operation,
    'handler req/s': Math.round(row.handler),
    'store ops/s': Math.round(row.direct),
    overhead: `${(row.direct / row.handler).toFixed(2)}x`,
  })),
)
