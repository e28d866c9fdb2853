import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
}

/** Serves the built demo from `root`; any other path that is not a file gets the app's index.html. */
export function staticFiles(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 })
    const path = normalize(decodeURIComponent(new URL(request.url).pathname))
    const file = join(root, path)
    // `normalize` already folded `..`; this keeps any trick from leaving the folder.
    if (file !== root && !file.startsWith(root + sep)) return new Response('Not found', { status: 404 })
    const found = (await read(file)) ?? (extname(path) ? null : await read(join(root, 'index.html')))
    if (!found) return new Response('Not found', { status: 404 })
    const type = TYPES[extname(found.file)] ?? 'application/octet-stream'
    // Vite fingerprints everything under assets/; the page itself must always be fresh.
    const cache = found.file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.body), {
      headers: { 'content-type': type, 'cache-control': cache },
    })
  }
}

async function read(file: string): Promise<{ file: string; body: Buffer } | null> {
  try {
    return { file, body: await readFile(file) }
  } catch {
    return null
  }
}
