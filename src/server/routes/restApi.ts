import { Hono } from 'hono'
import { every } from 'hono/combine'
import type { ServerEnv } from '../actor.js'
import { avatarRoutes } from '../avatars/avatarRoutes.js'
import { keyCredentials } from '../credentials.js'
import { bulkRoutes } from './bulkRoutes.js'
import { ok, pageAnswer, rolesAnswer, queryOf, readBody, userAnswer } from '../http.js'
import type { OperationContext } from '../operations/context.js'
import { createUser } from '../operations/createUser.js'
import { deleteUser, setActive } from '../operations/deactivateUsers.js'
import { changeBlocks } from '../operations/blocks.js'
import { findActive } from '../operations/context.js'
import { userNotFound, noAccess } from '../operations/notFound.js'
import { getUser, listUsers } from '../operations/readUsers.js'
import { issueAuthToken, revokeAuthTokens } from '../operations/tokens.js'
import { updateUser } from '../operations/updateUser.js'
import type { ApiKey } from '../options.js'
import type { RateLimiter } from '../rateLimit.js'

/** The REST API (`/v3`), what a backend calls with a key. */
export function restApi(ctx: OperationContext, keys: readonly ApiKey[], limiter?: RateLimiter): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  const anyKey = keyCredentials(keys, ctx.store, limiter)
  const fullAccess = every(
    anyKey,
    async (c, next) => {
      const actor = c.get('actor')
      if (actor.kind !== 'key' || actor.scope !== 'fullAccess') {
        throw noAccess('This call needs a fullAccess key; an authOnly key may only create users and issue auth tokens.')
      }
      await next()
    },
  )

  bulkRoutes(app, ctx, fullAccess)
  app.post('/users', anyKey, async (c) => userAnswer(c, await createUser(ctx, c.get('actor'), await readBody(c))))
  app.get('/users', fullAccess, async (c) => {
    const page = await listUsers(ctx, c.get('actor'), queryOf(c))
    return pageAnswer(c, page.users, page)
  })
  app.get('/users/:uid', fullAccess, async (c) => userAnswer(c, await getUser(ctx, c.get('actor'), c.req.param('uid'))))
  app.put('/users/:uid', fullAccess, async (c) =>
    userAnswer(c, await updateUser(ctx, c.get('actor'), c.req.param('uid'), await readBody(c), { ifMatch: c.req.header('if-match') })),
  )
  app.delete('/users/:uid', fullAccess, async (c) => ok(c, await deleteUser(ctx, c.get('actor'), c.req.param('uid'), await readBody(c))))
  app.delete('/users', fullAccess, async (c) => ok(c, await setActive(ctx, c.get('actor'), await readBody(c), false)))
  app.put('/users', fullAccess, async (c) => ok(c, await setActive(ctx, c.get('actor'), await readBody(c), true)))

  avatarRoutes(app, '/users/:uid/avatar', fullAccess, (c) => c.req.param('uid') ?? '', ctx)

  app.get('/roles', fullAccess, (c) => rolesAnswer(c, ctx.roles.list()))

  app.post('/users/:uid/auth_tokens', anyKey, async (c) => ok(c, await issueAuthToken(ctx, c.get('actor'), c.req.param('uid'), await readBody(c))))
  app.delete('/users/:uid/auth_tokens', fullAccess, async (c) => ok(c, await revokeAuthTokens(ctx, c.req.param('uid'))))
  app.delete('/users/:uid/auth_tokens/:token', fullAccess, async (c) =>
    ok(c, await revokeAuthTokens(ctx, c.req.param('uid'), c.req.param('token'))),
  )

  const blocker = async (uid: string): Promise<string> => {
    const user = await findActive(ctx, uid)
    if (!user) throw userNotFound(uid)
    return user.uid
  }
  app.post('/users/:uid/blockedusers', fullAccess, async (c) =>
    ok(c, await changeBlocks(ctx, await blocker(c.req.param('uid')), await readBody(c), true)),
  )
  app.delete('/users/:uid/blockedusers', fullAccess, async (c) =>
    ok(c, await changeBlocks(ctx, await blocker(c.req.param('uid')), await readBody(c), false)),
  )
  app.get('/users/:uid/blockedusers', fullAccess, async (c) => {
    const uid = await blocker(c.req.param('uid'))
    const page = await listUsers(ctx, { kind: 'key', scope: 'fullAccess', onBehalfOf: uid }, queryOf(c), { blockedBy: uid })
    return pageAnswer(c, page.users, page)
  })
  return app
}
