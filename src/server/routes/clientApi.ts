import { Hono } from 'hono'
import { every } from 'hono/combine'
import type { Actor, ServerEnv } from '../actor.js'
import { avatarRoutes } from '../avatars/avatarRoutes.js'
import { servePicture } from '../avatars/servePicture.js'
import { userCredentials } from '../credentials.js'
import { ok, pageAnswer, rolesAnswer, queryOf, readBody, userAnswer } from '../http.js'
import { withSdkLogin } from '../cometchatSocket/sdkLogin.js'
import { changeBlocks } from '../operations/blocks.js'
import type { OperationContext } from '../operations/context.js'
import { createUser } from '../operations/createUser.js'
import { deleteUser, setActive } from '../operations/deactivateUsers.js'
import { noAccess } from '../operations/notFound.js'
import { heartbeat, logout, noteActivity, putMe } from '../operations/presence.js'
import { getUser, listUsers } from '../operations/readUsers.js'
import { getMe } from '../operations/tokens.js'
import { updateUser } from '../operations/updateUser.js'
import type { UserHandlerOptions } from '../options.js'
import type { RateLimiter } from '../rateLimit.js'
import type { Roles } from '../roles.js'
import { bulkRoutes } from './bulkRoutes.js'
import { settingsApi } from './settings.js'

type UserActor = Actor & { kind: 'user' }

/** The client API (`/v3.0`), what a browser and CometChat's SDK call with an auth token. */
export function clientApi(
  ctx: OperationContext,
  roles: Roles,
  authenticate: UserHandlerOptions['authenticate'],
  limiter?: RateLimiter,
): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  const user = userCredentials(ctx, roles, authenticate, limiter, (found) => noteActivity(ctx, found))
  // Routes that write presence themselves: a sign of life noted first would be a second write.
  const presence = userCredentials(ctx, roles, authenticate, limiter)
  const manager = every(
    user,
    async (c, next) => {
      if (!(c.get('actor') as UserActor).manageUsers) throw noAccess('Only a user whose role may manage users can do this.')
      await next()
    },
  )
  const me = (actor: Actor): UserActor => actor as UserActor

  app.route('/', settingsApi())
  bulkRoutes(app, ctx, manager)
  app.put('/me', presence, async (c) =>
    userAnswer(c, withSdkLogin(await putMe(ctx, me(c.get('actor')), await readBody(c), { ifMatch: c.req.header('if-match') }), c.req.raw)),
  )
  avatarRoutes(app, '/me/avatar', user, (_c, actor) => me(actor).uid, ctx)
  app.route('/', servePicture(ctx.avatars))
  app.get('/me', user, async (c) => userAnswer(c, await getMe(ctx, me(c.get('actor')), c.get('self'))))
  app.delete('/me', presence, async (c) => ok(c, await logout(ctx, me(c.get('actor')))))
  app.post('/user_sessions', presence, async (c) => {
    await heartbeat(ctx, me(c.get('actor')))
    return ok(c, {})
  })

  app.get('/users', user, async (c) => {
    const page = await listUsers(ctx, c.get('actor'), queryOf(c))
    return pageAnswer(c, page.users, page)
  })
  app.get('/users/:uid', user, async (c) => userAnswer(c, await getUser(ctx, c.get('actor'), c.req.param('uid'))))

  // Every user may read them: lists and cards show a role by its name.
  app.get('/roles', user, (c) => rolesAnswer(c, ctx.roles.list()))

  app.post('/blockedusers', user, async (c) => ok(c, await changeBlocks(ctx, me(c.get('actor')).uid, await readBody(c), true)))
  app.delete('/blockedusers', user, async (c) => ok(c, await changeBlocks(ctx, me(c.get('actor')).uid, await readBody(c), false)))
  app.get('/blockedusers', user, async (c) => {
    const actor = c.get('actor')
    const page = await listUsers(ctx, actor, queryOf(c), { blockedBy: me(actor).uid })
    return pageAnswer(c, page.users, page)
  })

  app.post('/users', manager, async (c) => userAnswer(c, await createUser(ctx, c.get('actor'), await readBody(c))))
  app.put('/users/:uid', manager, async (c) =>
    userAnswer(c, await updateUser(ctx, c.get('actor'), c.req.param('uid'), await readBody(c), { ifMatch: c.req.header('if-match') })),
  )
  app.delete('/users/:uid', manager, async (c) => ok(c, await deleteUser(ctx, c.get('actor'), c.req.param('uid'), await readBody(c))))
  avatarRoutes(app, '/users/:uid/avatar', manager, (c) => c.req.param('uid') ?? '', ctx)
  app.put('/users', manager, async (c) => ok(c, await setActive(ctx, c.get('actor'), await readBody(c), true)))
  return app
}
