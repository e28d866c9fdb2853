import type { MiddlewareHandler } from 'hono'
import { UserkitError } from '../model/index.js'
import type { ServerEnv } from './actor.js'

/** How deep a body may nest, the body object itself being the first level. */
export const MAX_JSON_DEPTH = 32

const methodsWithBody = new Set(['POST', 'PUT', 'DELETE', 'PATCH'])
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

const badBody = (message: string, detail: string): UserkitError =>
  new UserkitError('ERR_BAD_REQUEST', message, { details: { body: [detail] } })

/**
 * Reads, checks and parses the body of every request that may carry one, before credentials or the
 * store are touched: a refused body (too large, not JSON, not UTF-8, too deep) changes nothing and
 * costs nothing. Requests without a body (GET, HEAD) never build one.
 */
export function jsonBody(maxBytes: number): MiddlewareHandler<ServerEnv> {
  const tooLarge = (): UserkitError => new UserkitError('ERR_PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`)
  return async (c, next) => {
    if (!methodsWithBody.has(c.req.method)) return next()
    // An import's CSV or JSON Lines is read by its route, after credentials, with its own bound
    // (routes/bulkRoutes.ts). Neither type is one a page elsewhere may send without a preflight.
    if (c.req.method === 'POST' && importPath.test(c.req.path) && importMediaTypes.has(mediaTypeOf(c.req.header('content-type')))) return next()
    const declared = Number(c.req.header('content-length') ?? Number.NaN)
    if (declared > maxBytes) throw tooLarge()
    const bytes = await readAtMost(c.req.raw.body, maxBytes, tooLarge)
    c.set('body', parse(bytes, c.req.header('content-type')))
    await next()
  }
}

/** The bodies `POST /imports/users` takes, by media type. */
export const importMediaTypes: ReadonlyMap<string, 'csv' | 'jsonl'> = new Map([
  ['text/csv', 'csv'],
  ['application/x-ndjson', 'jsonl'],
])
const importPath = /\/imports\/users$/

/** The media type of a Content-Type header, lowercased, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
}

// Counts what is actually read: a declared length may lie, and a chunked body declares none.
export async function readAtMost(stream: ReadableStream<Uint8Array> | null, maxBytes: number, tooLarge: () => UserkitError): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0)
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

const isJsonWhitespace = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d

function parse(bytes: Uint8Array, contentType: string | undefined): Record<string, unknown> {
  // A body of nothing (or only whitespace) is `{}`, whatever its type: it asks for nothing.
  if (bytes.every(isJsonWhitespace)) return {}
  // Only JSON: a form or text/plain is what a page on another origin can send without a preflight.
  const mediaType = mediaTypeOf(contentType)
  if (mediaType !== 'application/json') {
    throw new UserkitError('ERR_UNSUPPORTED_MEDIA_TYPE', `The body must be sent as application/json, not ${mediaType || 'without a Content-Type'}.`)
  }
  let text: string
  try {
    text = strictUtf8.decode(bytes)
  } catch {
    throw badBody('The body is not valid UTF-8.', 'must be valid UTF-8')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw badBody('The body is not valid JSON.', 'must be valid JSON')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badBody('The body must be a JSON object.', 'must be a JSON object')
  }
  const body = parsed as Record<string, unknown>
  for (const field of Object.keys(body)) {
    if (depthExceeds(body[field], MAX_JSON_DEPTH - 1)) {
      throw new UserkitError('ERR_BAD_REQUEST', `${field} is nested too deeply.`, {
        details: { [field]: [`${field} must be nested at most ${MAX_JSON_DEPTH} levels deep, counting the body`] },
      })
    }
  }
  return body
}

/** Whether `value` nests deeper than `levels` objects or arrays. Iterative: the input chooses the depth. */
function depthExceeds(value: unknown, levels: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth > levels) return true
    for (const inner of Object.values(current)) stack.push([inner, depth + 1])
  }
  return false
}
