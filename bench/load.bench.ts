// Loopback load on the served handler over PGlite and PostgreSQL, set against the same SQL straight
// through the driver in the same run (the ratio holds on a shared, noisy machine), and search
// latency as the table grows. Prints figures; fails only on errors and non-2xx answers.
// Run with `npm run bench`, or alone with `npx tsx bench/load.bench.ts`.
import { performance } from 'node:perf_hooks'
import { createUserHandler, serve } from '../src/server/index.js'
import type { Backend } from './load/backend.js'
import { driverLoad } from './load/driverLoad.js'
import { driverOperations } from './load/driverOperations.js'
import { explainSearch } from './load/explainSearch.js'
import type { LoadFigures } from './load/figures.js'
import { growUsers } from './load/growUsers.js'
import { httpLoad } from './load/httpLoad.js'
import type { LoadOperation } from './load/loadOperation.js'
import { pgliteBackend } from './load/pgliteBackend.js'
import { postgresBackend } from './load/postgresBackend.js'
import { broadPrefixes, searchKey, type SearchKind } from './load/searchKeys.js'
import { previousLatency, searchLatency, type SearchLatency } from './load/searchLatency.js'
import { verifySeed } from './load/verifySeed.js'

const LOAD_USERS = 100_000
const SIZES = [10_000, LOAD_USERS, 1_000_000]
const SECONDS = 5
const WARMUP_SECONDS = 1
const CONNECTIONS = 10
const API_KEY = 'load-bench-key'
const OPERATIONS: readonly LoadOperation[] = ['get', 'search', 'update']
const KINDS: readonly SearchKind[] = ['narrow', 'broad', 'word']
// Word search finds what the previous search could not: no "before" for it.
const BEFORE_KINDS: readonly SearchKind[] = ['narrow', 'broad']
const LABELS: Record<LoadOperation, string> = {
  get: 'GET /v3/users/{uid}',
  search: 'GET /v3/users?searchKey=<2 letters>&perPage=25',
  update: 'PUT /v3/users/{uid} statusMessage',
}

interface Report {
  backend: string
  seeding: string[]
  load: { operation: LoadOperation; http: LoadFigures; driver: LoadFigures }[]
  search: Record<SearchKind, Map<number, SearchLatency>>
  /** The search as it was before word search (whole-name prefix, exact total), on the same tables. */
  before: Record<SearchKind, Map<number, SearchLatency>>
  plans: { kind: SearchKind; key: string; plan: string }[]
}

const log = (line: string): void => void process.stderr.write(`${line}\n`)
const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1))
const count = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`)

async function sendOnce(url: string, operation: LoadOperation): Promise<void> {
  const init: RequestInit = { headers: { apikey: API_KEY, 'content-type': 'application/json' } }
  const path =
    operation === 'get' ? '/v3/users/user-1' : operation === 'search' ? '/v3/users?searchKey=gr&perPage=25' : '/v3/users/user-2'
  if (operation === 'update') Object.assign(init, { method: 'PUT', body: JSON.stringify({ statusMessage: 'captured' }) })
  const response = await fetch(`${url}${path}`, init)
  if (!response.ok) throw new Error(`${operation}: ${response.status} ${await response.text()}`)
  await response.arrayBuffer()
}

async function loadTests(backend: Backend, url: string): Promise<Report['load']> {
  const context = { users: LOAD_USERS, prefixes: broadPrefixes }
  const direct = await driverOperations({ backend, request: (operation) => sendOnce(url, operation), ...context })
  const rows: Report['load'] = []
  for (const operation of OPERATIONS) {
    const http = (seconds: number): Promise<LoadFigures> =>
      httpLoad({ url, apiKey: API_KEY, seconds, connections: CONNECTIONS, operation, ...context })
    await http(WARMUP_SECONDS)
    const overHttp = await http(SECONDS)
    if (overHttp.completed === 0) throw new Error(`${operation}: no request completed over HTTP in ${SECONDS} s`)
    await driverLoad(direct[operation], WARMUP_SECONDS, CONNECTIONS)
    const driver = await driverLoad(direct[operation], SECONDS, CONNECTIONS)
    log(`  ${backend.name} ${operation}: ${Math.round(overHttp.perSecond)} req/s over HTTP, ${Math.round(driver.perSecond)} ops/s on the driver`)
    rows.push({ operation, http: overHttp, driver })
  }
  return rows
}

async function benchBackend(backend: Backend): Promise<Report> {
  const { store } = backend
  const report: Report = { backend: backend.name, seeding: [], load: [], search: { narrow: new Map(), broad: new Map(), word: new Map() }, before: { narrow: new Map(), broad: new Map(), word: new Map() }, plans: [] }
  // The first call runs the store's migrations: seeding writes into its own tables.
  await store.getUser('user-0')
  const handler = createUserHandler({ store, keys: [{ key: API_KEY, scope: 'fullAccess' }], rateLimit: false })
  const server = await serve({ handler, port: 0 })
  try {
    let grown = 0
    for (const size of SIZES) {
      const begun = performance.now()
      await growUsers(backend.driver, grown, size)
      report.seeding.push(`${count(size)} in ${((performance.now() - begun) / 1000).toFixed(1)} s`)
      log(`${backend.name}: ${size.toLocaleString('en')} users (${report.seeding.at(-1)})`)
      grown = size
      for (const kind of KINDS) report.search[kind].set(size, await searchLatency(store, size, kind))
      for (const kind of BEFORE_KINDS) report.before[kind].set(size, await previousLatency(backend.driver, size, kind))
      if (size === LOAD_USERS) {
        await verifySeed(store, server.url, API_KEY, size)
        report.load = await loadTests(backend, server.url)
      }
    }
    for (const kind of KINDS) {
      const key = searchKey(kind, grown)
      report.plans.push({ kind, key, plan: await explainSearch(backend, key) })
    }
    return report
  } finally {
    await server.close()
  }
}

function print(reports: Report[]): void {
  console.log(`\nLoopback load, ${LOAD_USERS.toLocaleString('en')} users, ${CONNECTIONS} connections, ${SECONDS} s each`)
  console.log('overhead = driver ops/s ÷ HTTP req/s (the same SQL straight through the driver, same concurrency)\n')
  console.table(
    reports.flatMap((report) =>
      report.load.map(({ operation, http, driver }) => ({
        store: report.backend,
        operation: LABELS[operation],
        'HTTP req/s': Math.round(http.perSecond),
        'p50 ms': ms(http.p50),
        'p99 ms': ms(http.p99),
        'driver ops/s': Math.round(driver.perSecond),
        'driver p50': ms(driver.p50),
        'driver p99': ms(driver.p99),
        overhead: `${(driver.perSecond / http.perSecond).toFixed(2)}x`,
      })),
    ),
  )
  console.log('\nSearch page latency by table size, one query at a time, ms p50 / p99 (runs)')
  console.log('narrow = a whole name (a few matches); broad = two letters of a given name (a fourteenth of all users);')
  console.log('word = three letters of a family name, a later word (a tenth); each with its total, counted up to 1,000;')
  console.log('before = the search as it was (whole-name prefix, every match counted), same keys, same tables\n')
  console.table(
    reports.flatMap((report) =>
      [
        ...KINDS.map((kind) => [kind, report.search[kind]] as const),
        ...BEFORE_KINDS.map((kind) => [`${kind}, before`, report.before[kind]] as const),
      ].map(([kind, figures]) => {
        const at = (size: number): SearchLatency | undefined => figures.get(size)
        const row: Record<string, string> = { store: report.backend, search: kind }
        for (const size of SIZES) {
          const figure = at(size)
          row[count(size)] = figure ? `${ms(figure.p50)} / ${ms(figure.p99)} (${figure.runs})` : '—'
        }
        const first = at(SIZES[0] as number)
        const last = at(SIZES.at(-1) as number)
        row[`p50 ${count(SIZES.at(-1) as number)}/${count(SIZES[0] as number)}`] = first && last ? `${(last.p50 / first.p50).toFixed(2)}x` : '—'
        return row
      }),
    ),
  )
  console.log(`\nPlans at ${count(SIZES.at(-1) as number)} users (EXPLAIN node types):`)
  for (const report of reports) {
    console.log(`  ${report.backend}, seeded ${report.seeding.join(', ')}`)
    for (const { kind, key, plan } of report.plans) console.log(`    ${kind} "${key}": ${plan}`)
  }
}

let open: Backend | undefined
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`)
    void (open?.close() ?? Promise.resolve()).finally(() => process.exit(130))
  })
}

const reports: Report[] = []
for (const start of [pgliteBackend, () => postgresBackend(CONNECTIONS)]) {
  const backend = await start()
  open = backend
  try {
    reports.push(await benchBackend(backend))
  } finally {
    open = undefined
    await backend.close()
  }
}
print(reports)
