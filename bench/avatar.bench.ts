// Picture uploads: the cost of taking a 12-megapixel phone JPEG (upload, decode, crop, re-encode,
// store), and serving a stored picture over HTTP beside a static file of the same size from disk.
// Run with `npm run bench` (or `node --expose-gc --import tsx bench/avatar.bench.ts`).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import autocannon from 'autocannon'
import { createUserHandler, memoryStore, pgliteStore, serve, type UserStore } from '../src/server/index.js'

const KEY = 'bench-key'
const UPLOADS = 8
const SECONDS = 5

// Coarse noise blown up (shapes at every scale, as in a photo) with fine grain on top: a file as
// large as a phone's whose 512 px crop still has detail. Made in a child process, so that this
// one's memory holds nothing of sharp's before the uploads are measured.
const made = join(await mkdtemp(join(tmpdir(), 'userkit-photo-')), 'photo.jpg')
execFileSync(process.execPath, [
  '--input-type=module',
  '-e',
  `import sharp from 'sharp'
  const noise = (width, height, sigma) => sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma } } }).png().toBuffer()
  const grain = await noise(4000, 3000, 8)
  await sharp(await noise(40, 30, 70)).resize(4000, 3000, { kernel: 'cubic' }).composite([{ input: grain, blend: 'overlay' }]).jpeg({ quality: 85 }).toFile(${JSON.stringify(made)})`,
])
const photo = await readFile(made)
await rm(dirname(made), { recursive: true, force: true })

async function uploads(store: UserStore): Promise<{ meanMs: number; minMs: number; peakRssMb: number; baseRssMb: number; avatar: string }> {
  const handler = createUserHandler({ store, keys: [{ key: KEY, scope: 'fullAccess' }], rateLimit: false })
  await store.createUser({ uid: 'ada', name: 'Ada', role: 'default', status: 'offline', createdAt: 0, updatedAt: 0 })
  const put = async (): Promise<string> => {
    const response = await handler(
      new Request('http://bench.local/v3/users/ada/avatar', { method: 'PUT', headers: { apikey: KEY, 'content-type': 'image/jpeg' }, body: photo }),
    )
    if (response.status !== 200) throw new Error(`upload answered ${response.status}: ${await response.text()}`)
    return ((await response.json()) as { data: { avatar: string } }).data.avatar
  }
  ;(globalThis as { gc?: () => void }).gc?.()
  // Before the first upload: sharp's native memory (libvips, its caches off) counts in the peak.
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2)
  let avatar = await put() // loads sharp, warms the store
  const times: number[] = []
  for (let i = 0; i < UPLOADS; i++) {
    const start = performance.now()
    avatar = await put()
    times.push(performance.now() - start)
  }
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  return {
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    minMs: Math.min(...times),
    peakRssMb: (peak - baseline) / 2 ** 20,
    baseRssMb: baseline / 2 ** 20,
    avatar,
  }
}

async function perSecond(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: SECONDS, workers: 1 })
  if (result.non2xx + result.errors + result.timeouts > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result['2xx'] / result.duration
}

const dir = await mkdtemp(join(tmpdir(), 'userkit-avatar-bench-'))
// Uploads first, on a memory store: nothing but sharp moves the process's memory while they run.
const upload = await uploads(memoryStore())
const store = pgliteStore({ dataDir: join(dir, 'db') })
try {
  await uploads(store)
  const handler = createUserHandler({ store, keys: [{ key: KEY, scope: 'fullAccess' }], rateLimit: false })
  const avatar = (await (await handler(new Request('http://bench.local/v3/users/ada', { headers: { apikey: KEY } }))).json()) as { data: { avatar: string } }
  const picture = new Uint8Array(await (await handler(new Request(avatar.data.avatar))).arrayBuffer())
  const file = join(dir, 'same-size.webp')
  await writeFile(file, picture)
  // A static file as a plain Node app serves one: read from disk on each request, immutable cache.
  const app = async (request: Request): Promise<Response> =>
    new URL(request.url).pathname === '/static.webp'
      ? new Response(new Uint8Array(await readFile(file)), { headers: { 'content-type': 'image/webp', 'cache-control': 'public, max-age=31536000, immutable' } })
      : handler(request)
  const server = await serve({ handler: app, port: 0, hostname: '127.0.0.1' })
  const path = new URL(avatar.data.avatar).pathname
  const stored = await perSecond(`${server.url}${path}`)
  const staticFile = await perSecond(`${server.url}/static.webp`)
  await server.close()

  console.log(`\nPicture uploads (sharp, loaded by the first upload; served from a PGlite store)\n`)
  console.log(`  upload + re-encode of a 12-megapixel JPEG (${(photo.byteLength / 2 ** 20).toFixed(1)} MB, 4000 × 3000) to a 512 px WebP (${(picture.byteLength / 1024).toFixed(1)} KB)`)
  console.log(`    mean ${upload.meanMs.toFixed(0)} ms, best ${upload.minMs.toFixed(0)} ms over ${UPLOADS}; peak memory +${upload.peakRssMb.toFixed(0)} MB RSS over the ${upload.baseRssMb.toFixed(0)} MB of the process before its first upload`)
  console.log(`  serving it over HTTP (10 connections, ${SECONDS} s each, same server)`)
  console.log(`    stored picture  ${stored.toFixed(0)} req/s`)
  console.log(`    static file     ${staticFile.toFixed(0)} req/s (same bytes read from disk)`)
} finally {
  await store.close()
  await rm(dir, { recursive: true, force: true })
}
