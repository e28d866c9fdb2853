import { Hono, type Context } from 'hono'
import type { ServerEnv } from '../actor.js'
import { keyCredentials, userCredentials } from '../credentials.js'
import type { EventHub } from '../events/eventHub.js'
import type { OperationContext } from '../operations/context.js'
import { noAccess } from '../operations/notFound.js'
import { noteActivity } from '../operations/presence.js'
import type { ApiKey, UserHandlerOptions } from '../options.js'
import type { RateLimiter } from '../rateLimit.js'
import type { Roles } from '../roles.js'

// The query parameter is for readers that cannot set headers on a reconnect.
const lastEventIdOf = (c: Context<ServerEnv>): string | undefined => c.req.header('last-event-id') ?? c.req.query('lastEventId')

/** `GET /v3.0/events`: the stream of user events as this token's user may see them. */
export function clientEvents(
  ctx: OperationContext,
  roles: Roles,
  authenticate: UserHandlerOptions['authenticate'],
  hub: EventHub,
  limiter?: RateLimiter,
): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  const user = userCredentials(ctx, roles, authenticate, limiter, (found) => noteActivity(ctx, found))
  app.get('/events', user, (c) => hub.open(c.get('actor'), lastEventIdOf(c), c.req.raw.signal))
  return app
}

/** `GET /v3/events`: every user event, for a fullAccess key (as `onBehalfOf`'s viewer, if named). */
export function restEvents(ctx: OperationContext, keys: readonly ApiKey[], hub: EventHub, limiter?: RateLimiter): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  app.get('/events', keyCredentials(keys, ctx.store, limiter), (c) => {
    const actor = c.get('actor')
    if (actor.kind !== 'key' || actor.scope !== 'fullAccess') throw noAccess('The event stream needs a fullAccess key.')
    return hub.open(actor, lastEventIdOf(c), c.req.raw.signal)
  })
  return app
}
