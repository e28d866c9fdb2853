import type { Context, Hono, MiddlewareHandler } from 'hono'
import type { ServerEnv } from '../actor.js'
import * as v from 'valibot'
import { parseOrThrow, UserkitError } from '../../model/index.js'
import { exportUsers } from '../bulk/exportUsers.js'
import { importUsers } from '../bulk/importUsers.js'
import { importMediaTypes, mediaTypeOf, readAtMost } from '../jsonBody.js'
import { ok, queryOf, readBody } from '../http.js'
import { jobNotFound } from '../operations/bulkJobs.js'
import { bulkUsers } from '../operations/bulkUsers.js'
import type { OperationContext } from '../operations/context.js'

/**
 * The bulk routes of one surface, behind `guard` (a fullAccess key on `/v3`, a manager's token on
 * `/v3.0`). None lies under `/users/`: a user may have any uid (`export` too), which
 * `/users/{uid}` must reach, and a static segment beside `:uid` would also cost Hono its fastest
 * router (RegExpRouter refuses the pair and SmartRouter falls back to the TrieRouter).
 */
export function bulkRoutes(app: Hono<ServerEnv>, ctx: OperationContext, guard: MiddlewareHandler<ServerEnv>): void {
  app.post('/bulk_actions', guard, async (c) => {
    const answer = await bulkUsers(ctx, c.get('actor'), await readBody(c))
    if ('result' in answer) return ok(c, answer.result)
    // Accepted, not done: where to read how it goes.
    c.header('Location', `${new URL(c.req.url).pathname}/${answer.job.id}`)
    return c.json({ data: { job: answer.job } }, 202)
  })
  app.get('/bulk_actions/:id', guard, (c) => {
    const job = ctx.jobs?.get(c.req.param('id'))
    if (!job) throw jobNotFound(c.req.param('id'))
    return ok(c, { job })
  })
  app.post('/imports/users', guard, async (c) => {
    const { dryRun } = parseOrThrow(importQuerySchema, queryOf(c))
    return ok(c, await importUsers(ctx, c.get('actor'), { ...(await importBody(c, ctx.bulk?.maxImportBytes ?? 4 * 1024 * 1024)), dryRun }))
  })
  app.get('/exports/users', guard, async (c) => {
    const { format, body } = await exportUsers(ctx, c.get('actor'), queryOf(c))
    return c.body(body, 200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="users.${format}"`,
      'cache-control': 'no-store',
    })
  })
}

const importQuerySchema = v.object({
  dryRun: v.optional(
    v.pipe(
      v.picklist(['1', '0', 'true', 'false'], 'dryRun must be 1, 0, true or false'),
      v.transform((text) => text === '1' || text === 'true'),
    ),
    '0',
  ),
})

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * An import's body, read after credentials (`jsonBody` let it through for exactly these types):
 * at most `maxBytes`, counted as it arrives (413), strict UTF-8 (a BOM is dropped).
 */
async function importBody(c: Context<ServerEnv>, maxBytes: number): Promise<{ text: string; format: 'csv' | 'jsonl' }> {
  const mediaType = mediaTypeOf(c.req.header('content-type'))
  const format = importMediaTypes.get(mediaType)
  if (!format) {
    throw new UserkitError('ERR_UNSUPPORTED_MEDIA_TYPE', `An import is sent as text/csv or application/x-ndjson, not ${mediaType || 'without a Content-Type'}.`)
  }
  const tooLarge = (): UserkitError => new UserkitError('ERR_PAYLOAD_TOO_LARGE', `An import may be at most ${maxBytes} bytes; split the file.`)
  if (Number(c.req.header('content-length') ?? Number.NaN) > maxBytes) throw tooLarge()
  const bytes = await readAtMost(c.req.raw.body, maxBytes, tooLarge)
  try {
    return { text: strictUtf8.decode(bytes), format }
  } catch {
    throw new UserkitError('ERR_BAD_REQUEST', 'The file is not valid UTF-8.', { details: { body: ['must be valid UTF-8'] } })
  }
}
