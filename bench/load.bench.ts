// Loopback load on the served handler over PGlite and PostgreSQL, set against a bare node:http
// server and a bare Hono server doing the same SQL on the same pool (bench/load/bare/), interleaved
// in the same run (the ratio holds on a shared, noisy machine); and search latency as the table
// grows. Prints figures; fails only on errors and non-2xx answers.
// Run with `npm run bench`, or alone with `npx tsx bench/load.bench.ts`. Shorter: BENCH_LOAD_SECONDS
// (5), BENCH_LOAD_ROUNDS (2), BENCH_SIZES (10000,100000,1000000; must include 100000).
import { performance } from 'node:perf_hooks'
import { createUserHandler, memoryEventBus, serve } from '../src/server/index.js'
import type { Backend } from './load/backend.js'
import { bareHonoServer } from './load/bare/bareHonoServer.js'
import { bareNodeServer } from './load/bare/bareNodeServer.js'
import type { BareServer } from './load/bare/bareServer.js'
import { seedTokens } from './load/benchTokens.js'
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
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [10_000, LOAD_USERS, 1_000_000]
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 2)
const WARMUP_SECONDS = 1
// The first runs on a server pay for its JIT: each server warms on each request kind before any is measured.
const FIRST_WARMUP_SECONDS = 3
const CONNECTIONS = 10
// Signed-in users the token requests spread over: each then makes many requests within presence's
// 15-s write interval, as an active user does, so its presence is written once per interval.
const TOKENS = 100
const API_KEY = 'load-bench-key'
const OPERATIONS: readonly LoadOperation[] = ['keyGet', 'tokenGet', 'putMe', 'search']
const KINDS: readonly SearchKind[] = ['narrow', 'broad', 'word']
// Word search finds what the previous search could not: no "before" for it.
const BEFORE_KINDS: readonly SearchKind[] = ['narrow', 'broad']
const LABELS: Record<LoadOperation, string> = {
  keyGet: 'keyed GET /v3/users/{uid}',
  tokenGet: 'token GET /v3.0/users/{uid}',
  putMe: 'PUT /v3.0/me statusMessage',
  search: 'token GET /v3.0/users?searchKey=<2 letters>',
}
/** The statements per request the issue asks for. */
const STATEMENT_GOALS: Record<LoadOperation, number> = { keyGet: 1, tokenGet: 2, putMe: 5, search: 4 }
const BARE = 'bare node:http'

if (!SIZES.includes(LOAD_USERS)) throw new Error(`BENCH_SIZES must include ${LOAD_USERS}, where the load runs`)

interface LoadRow {
  operation: LoadOperation
  server: string
  figures: LoadFigures
  /** The server process's CPU (user + system) per request, µs; PGlite's included, PostgreSQL's not. */
  cpuMicros: number
  statements: number
}

interface Report {
  backend: string
  inProcess: boolean
  seeding: string[]
  load: LoadRow[]
  search: Record<SearchKind, Map<number, SearchLatency>>
  /** The search as it was before word search (whole-name prefix, exact total), on the same tables. */
  before: Record<SearchKind, Map<number, SearchLatency>>
  plans: { kind: SearchKind; key: string; plan: string }[]
}

const log = (line: string): void => void process.stderr.write(`${line}\n`)
const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1))
const count = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`)

interface Target {
  name: string
  url: string
  /** Only these operations (the rate-limited Userkit measures the token GET alone). */
  only?: LoadOperation
}

const loadOn = (target: Target, operation: LoadOperation, seconds: number): Promise<LoadFigures> =>
  httpLoad({ url: target.url, apiKey: API_KEY, seconds, connections: CONNECTIONS, operation, users: LOAD_USERS, tokens: TOKENS, prefixes: broadPrefixes })

// Requests the client left in flight finish before the next run's counts begin.
const settle = (figures: LoadFigures): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, Math.max(300, 2 * figures.p99)))

async function measure(backend: Backend, target: Target, operation: LoadOperation): Promise<Omit<LoadRow, 'operation' | 'server'>> {
  const run = (seconds: number): Promise<LoadFigures> => loadOn(target, operation, seconds)
  await settle(await run(WARMUP_SECONDS))
  const cpu = process.cpuUsage()
  const sent = backend.statements()
  const figures = await run(SECONDS)
  const used = process.cpuUsage(cpu)
  const statements = (backend.statements() - sent) / figures.completed
  if (figures.completed === 0) throw new Error(`${target.name} ${operation}: no request completed in ${SECONDS} s`)
  await settle(figures)
  return { figures, cpuMicros: (used.user + used.system) / figures.completed, statements }
}

/** Every operation on every server, the servers interleaved round after round; figures averaged over the rounds. */
async function loadTests(backend: Backend, targets: Target[]): Promise<LoadRow[]> {
  const rows: LoadRow[] = []
  for (const operation of OPERATIONS) {
    const runs = new Map<string, Omit<LoadRow, 'operation' | 'server'>[]>()
    const measured = targets.filter((target) => !target.only || target.only === operation)
    for (const target of measured) await settle(await loadOn(target, operation, FIRST_WARMUP_SECONDS))
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts with another server, so that no server always runs first (or last).
      for (const target of [...measured.slice(round % measured.length), ...measured.slice(0, round % measured.length)]) {
        const figures = await measure(backend, target, operation)
        runs.set(target.name, [...(runs.get(target.name) ?? []), figures])
        log(`  ${backend.name} ${operation} ${target.name}: ${Math.round(figures.figures.perSecond)} req/s, ${figures.statements.toFixed(2)} statements/request`)
      }
    }
    for (const [server, measured] of runs) {
      const mean = (pick: (run: Omit<LoadRow, 'operation' | 'server'>) => number): number => measured.reduce((sum, run) => sum + pick(run), 0) / measured.length
      rows.push({
        operation,
        server,
        figures: {
          perSecond: mean((run) => run.figures.perSecond),
          p50: mean((run) => run.figures.p50),
          p99: mean((run) => run.figures.p99),
          completed: mean((run) => run.figures.completed),
        },
        cpuMicros: mean((run) => run.cpuMicros),
        statements: mean((run) => run.statements),
      })
    }
  }
  return rows
}

async function benchBackend(backend: Backend): Promise<Report> {
  const { store } = backend
  const report: Report = { backend: backend.name, inProcess: backend.inProcess, seeding: [], load: [], search: { narrow: new Map(), broad: new Map(), word: new Map() }, before: { narrow: new Map(), broad: new Map(), word: new Map() }, plans: [] }
  // The first call runs the store's migrations: seeding writes into its own tables.
  await store.getUser('user-0')
  const keys = [{ key: API_KEY, scope: 'fullAccess' as const }]
  const server = await serve({ handler: createUserHandler({ store, keys, rateLimit: false }), port: 0, cometchatSocket: false })
  const servers: { close(): Promise<void> }[] = [server]
  const targets: Target[] = [{ name: 'Userkit', url: server.url }]
  try {
    for (const [name, start] of [[BARE, bareNodeServer], ['bare Hono', bareHonoServer]] as const) {
      const bare: BareServer = await start(store, API_KEY)
      servers.push(bare)
      targets.push({ name, url: bare.url })
    }
    // What a token cache (tokens.cacheSeconds, kept right by the bus) saves a signed-in user's requests.
    const cached = await serve({
      handler: createUserHandler({ store, keys, rateLimit: false, tokens: { cacheSeconds: 5 }, events: { bus: memoryEventBus() } }),
      port: 0,
      cometchatSocket: false,
    })
    servers.push(cached)
    targets.push({ name: 'Userkit, token cache 5 s', url: cached.url, only: 'tokenGet' })
    // Where the store shares a rate-limit counter among instances, what counting there costs.
    if (store.sharedRateLimitCounter) {
      const limited = await serve({ handler: createUserHandler({ store, keys, rateLimit: { perMinute: { token: Number.MAX_SAFE_INTEGER } } }), port: 0, cometchatSocket: false })
      servers.push(limited)
      targets.push({ name: 'Userkit, shared rate limit', url: limited.url, only: 'tokenGet' })
    }
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
        await seedTokens(backend.driver, TOKENS, Math.floor(Date.now() / 1000))
        report.load = await loadTests(backend, targets)
      }
    }
    for (const kind of KINDS) {
      const key = searchKey(kind, grown)
      report.plans.push({ kind, key, plan: await explainSearch(backend, key) })
    }
    return report
  } finally {
    for (const running of servers) await running.close()
  }
}

function print(reports: Report[]): void {
  console.log(`\nLoopback load, ${LOAD_USERS.toLocaleString('en')} users (${TOKENS} signed in), ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} rounds, servers interleaved`)
  console.log(`ratio = req/s ÷ the ${BARE} server's (the same SQL through the same store on the same pool, nothing else);`)
  console.log('CPU = the server process\'s per request (PGlite runs inside it; PostgreSQL\'s own processes are not counted);')
  console.log('statements = sent to the database per request, counted on the store\'s driver (BEGIN and COMMIT included)\n')
  console.table(
    reports.flatMap((report) =>
      report.load.map(({ operation, server, figures, cpuMicros, statements }) => {
        const bare = report.load.find((row) => row.operation === operation && row.server === BARE)
        return {
          store: report.backend,
          request: LABELS[operation],
          server,
          'req/s': Math.round(figures.perSecond),
          'p50 ms': ms(figures.p50),
          'p99 ms': ms(figures.p99),
          ratio: bare ? `${(figures.perSecond / bare.figures.perSecond).toFixed(2)}x` : '—',
          'CPU µs/req': Math.round(cpuMicros),
          'statements/req': statements.toFixed(2),
        }
      }),
    ),
  )
  console.log('\nGoals (figures, not assertions):')
  for (const report of reports) {
    const ratio = (operation: LoadOperation): number => {
      const row = (server: string): LoadRow | undefined => report.load.find((r) => r.operation === operation && r.server === server)
      return (row('Userkit')?.figures.perSecond ?? 0) / (row(BARE)?.figures.perSecond ?? Number.NaN)
    }
    const goals: [string, number, number][] = report.inProcess
      ? [['keyed GET', ratio('keyGet'), 0.85]]
      : [
          ['keyed GET', ratio('keyGet'), 1.0],
          ['token GET', ratio('tokenGet'), 0.9],
        ]
    for (const [what, value, goal] of goals) console.log(`  ${report.backend} ${what}: ${value.toFixed(2)}x of ${BARE} (goal ≥ ${goal.toFixed(2)}x) ${value >= goal ? 'met' : 'NOT met'}`)
    for (const operation of OPERATIONS) {
      const userkit = report.load.find((row) => row.operation === operation && row.server === 'Userkit')
      if (!userkit) continue
      const goal = STATEMENT_GOALS[operation]
      console.log(`  ${report.backend} ${LABELS[operation]}: ${userkit.statements.toFixed(2)} statements/request (goal ≤ ${goal}) ${userkit.statements <= goal + 0.05 ? 'met' : 'NOT met'}`)
    }
  }
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
