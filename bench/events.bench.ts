// Fan-out of the event stream: how long a write takes to reach 1,000 open streams, and what those
// streams cost the server's memory. In-process (the handler's Response bodies read directly), so the
// figures are the server's own work without a network. Run with `npx tsx --expose-gc bench/events.bench.ts`
// (without --expose-gc the memory figure includes garbage not yet collected).
import { readUserEvents } from '../src/client/readUserEvents.js'
import { createUserClient } from '../src/client/index.js'
import { createUserHandler, memoryStore } from '../src/server/index.js'

const SUBSCRIBERS = 1000
const WRITES = 50
const KEY = 'bench-key'
const BASE = 'http://bench.test'

const gc = (globalThis as { gc?: () => void }).gc
const heap = (): number => {
  gc?.()
  return process.memoryUsage().heapUsed
}
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

const store = memoryStore()
const rateLimit = { perMinute: { fullAccess: Number.MAX_SAFE_INTEGER, token: Number.MAX_SAFE_INTEGER } }
const handler = createUserHandler({ store, keys: [{ key: KEY, scope: 'fullAccess' }], rateLimit })
const admin = createUserClient({ baseUrl: BASE, apiKey: KEY, fetch: handler })

await admin.createUser({ uid: 'writer', name: 'Writer', metadata: { '@private': { note: 'n' }, team: 'bench' } })
const tokens: string[] = []
for (let i = 0; i < SUBSCRIBERS; i++) {
  const uid = `viewer-${i}`
  await admin.createUser({ uid, name: `Viewer ${i}` })
  tokens.push((await admin.createAuthToken(uid)).authToken)
}

const baseline = heap()
const aborts: AbortController[] = []
let ready = 0
let allReady!: () => void
const subscribed = new Promise<void>((resolve) => (allReady = resolve))
// For each write, when each stream saw it.
const arrivals = new Map<string, number[]>()
let received = 0
let onReceived: (() => void) | undefined
const readers = tokens.map(async (authToken) => {
  const abort = new AbortController()
  aborts.push(abort)
  const stream = readUserEvents({ baseUrl: BASE, authToken, fetch: handler, signal: abort.signal })
  for await (const message of stream) {
    if (message.type === 'ready' && ++ready === SUBSCRIBERS) allReady()
    if (message.type !== 'user.updated') continue
    const name = message.user?.name ?? ''
    const list = arrivals.get(name) ?? []
    list.push(performance.now())
    arrivals.set(name, list)
    received++
    onReceived?.()
  }
})
await subscribed
const withStreams = heap()

const latencies: number[] = []
for (let w = 0; w < WRITES; w++) {
  const name = `Writer ${w}`
  const target = (w + 1) * SUBSCRIBERS
  const done = new Promise<void>((resolve) => {
    onReceived = () => received >= target && resolve()
  })
  const start = performance.now()
  await admin.updateUser('writer', { name })
  await done
  for (const at of arrivals.get(name) ?? []) latencies.push(at - start)
}
for (const abort of aborts) abort.abort()
await Promise.allSettled(readers)
latencies.sort((a, b) => a - b)

console.log(`\nUserkit event stream: ${SUBSCRIBERS.toLocaleString('en')} token streams, ${WRITES} writes (in-process)\n`)
console.table({
  'fan-out latency, ms': {
    p50: +percentile(latencies, 50).toFixed(1),
    p99: +percentile(latencies, 99).toFixed(1),
    max: +(latencies.at(-1) ?? NaN).toFixed(1),
  },
})
console.log(
  `server heap with ${SUBSCRIBERS.toLocaleString('en')} open streams: ${((withStreams - baseline) / 1024 / 1024).toFixed(1)} MiB ` +
    `(${((withStreams - baseline) / SUBSCRIBERS / 1024).toFixed(1)} KiB per stream, readers included${gc ? '' : '; no --expose-gc'})`,
)
