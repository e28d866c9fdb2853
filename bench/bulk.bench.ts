// Bulk actions, export, import and the new sorts on PostgreSQL: a role change of 10,000 users
// matched by a filter, an export of every user (seconds, and the process's memory while it
// streams), an import of 10,000 rows (dry run, first run, again), and a page of each sort through
// the handler at 100k and 1M users. Prints figures; fails only on errors.
// Run with `npm run bench`, or alone with `npx tsx bench/bulk.bench.ts` (USERS=100000 for a quick run).
import { performance } from 'node:perf_hooks'
import { createUserClient } from '../src/client/index.js'
import { createUserHandler } from '../src/server/index.js'
import { listUsersPage } from '../src/server/store/sql/listUsersPage.js'
import type { Backend } from './load/backend.js'
import { describePlan, type PlanNode } from './load/explainSearch.js'
import { growUsers } from './load/growUsers.js'
import { percentile } from './load/percentile.js'
import { postgresBackend } from './load/postgresBackend.js'

const TOP = Number(process.env.USERS ?? 1_000_000)
const SIZES = [...new Set([100_000, TOP])].filter((size) => size <= TOP)
const API_KEY = 'bulk-bench-key'
const SORTS = ['name', 'createdAt', 'updatedAt', 'lastActiveAt', 'role'] as const
const RUNS = 30

const log = (line: string): void => void process.stderr.write(`${line}\n`)
const count = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`)
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const begun = performance.now()
  const result = await run()
  return [result, performance.now() - begun]
}

async function ok(response: Response): Promise<Response> {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`)
  return response
}

/** p50 and p99 (ms) of one page of `sortBy` through the handler, page 1 and page 200 alternately. */
async function sortLatency(handler: (request: Request) => Promise<Response>, sortBy: string, order: string): Promise<string> {
  const times: number[] = []
  for (let run = 0; run < RUNS + 3; run++) {
    const page = run % 2 === 0 ? 1 : 200
    const [, ms] = await timed(async () =>
      (await ok(await handler(new Request(`http://bench/v3/users?sortBy=${sortBy}&sortOrder=${order}&perPage=50&page=${page}`, { headers: { apikey: API_KEY } })))).json(),
    )
    if (run >= 3) times.push(ms)
  }
  times.sort((a, b) => a - b)
  return `${percentile(times, 50).toFixed(1)} / ${percentile(times, 99).toFixed(1)}`
}

/** p50 (ms) of the same page straight from the store, without its total: what the sort itself costs. */
async function pageLatency(backend: Backend, sortBy: (typeof SORTS)[number], sortOrder: 'asc' | 'desc'): Promise<string> {
  const times: number[] = []
  for (let run = 0; run < RUNS + 3; run++) {
    const offset = run % 2 === 0 ? 0 : 199 * 50
    const [, ms] = await timed(() => backend.store.listUsers({ limit: 50, offset, deactivated: 'exclude', sortBy, sortOrder, withoutTotal: true }))
    if (run >= 3) times.push(ms)
  }
  times.sort((a, b) => a - b)
  return percentile(times, 50).toFixed(1)
}

async function sortPlan(backend: Backend, sortBy: (typeof SORTS)[number]): Promise<string> {
  const page = listUsersPage({ limit: 50, offset: 9950, deactivated: 'exclude', sortBy, sortOrder: 'desc' })
  const { rows } = await backend.driver.query<Record<string, unknown>>(`EXPLAIN (FORMAT JSON) ${page.sql}`, page.params)
  const raw = Object.values(rows[0] ?? {})[0]
  return describePlan(((typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }])[0].Plan)
}

/** Streams the export to nowhere, sampling the process's resident memory as it goes. */
async function exportFigures(handler: (request: Request) => Promise<Response>, format: string): Promise<Record<string, string>> {
  global.gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const samples: number[] = []
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  try {
    const [bytes, ms] = await timed(async () => {
      const response = await ok(await handler(new Request(`http://bench/v3/exports/users?format=${format}`, { headers: { apikey: API_KEY } })))
      const reader = response.body!.getReader()
      let total = 0
      let nextSample = 0
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return total
        total += value.byteLength
        if (total >= nextSample) {
          samples.push(process.memoryUsage().rss)
          nextSample += 16 * 1024 * 1024
        }
      }
    })
    return {
      format,
      seconds: (ms / 1000).toFixed(1),
      'users/s': Math.round(TOP / (ms / 1000)).toLocaleString('en'),
      size: mb(bytes),
      'RSS before': mb(baseline),
      'RSS peak': mb(peak),
      'RSS every 16 MB written': samples.map((rss) => (rss / 1024 / 1024).toFixed(0)).join(' '),
    }
  } finally {
    clearInterval(sampler)
  }
}

const backend = await postgresBackend(10)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void backend.close().finally(() => process.exit(130)))
try {
  await backend.store.getUser('user-0')
  const handler = createUserHandler({
    store: backend.store,
    keys: [{ key: API_KEY, scope: 'fullAccess' }],
    roles: { admin: { manageUsers: true }, moderator: {} },
    rateLimit: false,
  })
  const sorts: Record<string, string>[] = []
  const seeding: string[] = []
  let grown = 0
  for (const size of SIZES) {
    const [, ms] = await timed(() => growUsers(backend.driver, grown, size))
    grown = size
    seeding.push(`${count(size)} in ${(ms / 1000).toFixed(1)} s`)
    log(`${backend.name}: ${size.toLocaleString('en')} users`)
    for (const sortBy of SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        sorts.push({
          users: count(size),
          sortBy,
          sortOrder: order,
          'handler p50 / p99 (page 1 and 200 of 50)': await sortLatency(handler, sortBy, order),
          'page alone p50 (no total)': await pageLatency(backend, sortBy, order),
        })
      }
    }
  }
  const plans = await Promise.all(SORTS.map(async (sortBy) => `    ${sortBy} desc, offset 9950: ${await sortPlan(backend, sortBy)}`))

  // The seed's admins in team-0: every 100th user, 10,000 at 1M.
  const filter = TOP >= 1_000_000 ? { role: 'admin', tags: ['team-0'] } : { role: 'admin' }
  log('bulk role change…')
  // Past the default bulk.maxUsers (1000): the server runs it as a job, which the client follows.
  const admin = createUserClient({ baseUrl: 'http://bench', apiKey: API_KEY, fetch: handler })
  const [result, bulkMs] = await timed(() => admin.bulkUsers({ action: 'setRole', role: 'moderator', target: { filter } }, { pollMs: 100 }))
  if (result.failed.length > 0) throw new Error(`${result.failed.length} users failed the bulk change`)

  log('export…')
  const exports = [await exportFigures(handler, 'csv'), await exportFigures(handler, 'jsonl')]
  log('import…')
  const imports: Record<string, string | number>[] = []
  const file = `uid,name,role,tags\r\n${Array.from({ length: 10_000 }, (_, i) => `imported-${i},Imported ${i},moderator,"[""batch""]"`).join('\r\n')}\r\n`
  for (const [label, query] of [['dry run', '?dryRun=1'], ['first run (creates)', ''], ['same file again (unchanged)', '']] as const) {
    const [report, importMs] = await timed(async () => {
      const response = await ok(await handler(new Request(`http://bench/v3/imports/users${query}`, { method: 'POST', headers: { apikey: API_KEY, 'content-type': 'text/csv' }, body: file })))
      return ((await response.json()) as { data: { created: number; updated: number; unchanged: number; failed: number } }).data
    })
    if (report.failed > 0) throw new Error(`${report.failed} import rows failed`)
    imports.push({ run: label, rows: 10_000, created: report.created, unchanged: report.unchanged, seconds: (importMs / 1000).toFixed(2), 'rows/s': Math.round(10_000 / (importMs / 1000)) })
  }


  console.log(`\n${backend.name}, seeded ${seeding.join(', ')}`)
  console.log('\nA page of each sort through the handler (GET /v3/users, exact total counted), ms')
  console.table(sorts)
  console.log(`Plans at ${count(TOP)} (the page's query):`)
  for (const plan of plans) console.log(plan)
  console.log(`\nBulk role change by filter ${JSON.stringify(filter)} (one POST /v3/bulk_actions, run as a job and followed every 100 ms; 4 users at a time, each its own transaction and event)`)
  console.table([{ users: result.total, seconds: (bulkMs / 1000).toFixed(2), 'users/s': Math.round(result.total / (bulkMs / 1000)) }])
  console.log(`\nImport of a 10,000-row CSV (${(file.length / 1024).toFixed(0)} KB), one POST /v3/imports/users each, a row at a time`)
  console.table(imports)
  console.log(`\nExport of ${TOP.toLocaleString('en')} users, read to the end in process (the process's RSS: the server's, PostgreSQL apart)`)
  console.table(exports)
} finally {
  await backend.close()
}
