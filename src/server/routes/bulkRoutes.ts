import type { Hono, MiddlewareHandler } from 'hono'
import type { ServerEnv } from '../actor.js'
import { exportUsers } from '../bulk/exportUsers.js'
import { ok, queryOf, readBody } from '../http.js'
import { bulkUsers } from '../operations/bulkUsers.js'
import type { OperationContext } from '../operations/context.js'

/**
 * The bulk routes of one surface, behind `guard` (a fullAccess key on `/v3`, a manager's token on
 * `/v3.0`). Registered before `/users/:uid`, which would otherwise take `/users/export` for a uid.
 */
export function bulkRoutes(app: Hono<ServerEnv>, ctx: OperationContext, guard: MiddlewareHandler<ServerEnv>): void {
  app.post('/users/bulk', guard, async (c) => ok(c, await bulkUsers(ctx, c.get('actor'), await readBody(c))))
  app.get('/users/export', guard, async (c) => {
    const { format, body } = await exportUsers(ctx, c.get('actor'), queryOf(c))
    return c.body(body, 200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="users.${format}"`,
      'cache-control': 'no-store',
    })
  })
}
