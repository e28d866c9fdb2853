import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { UserkitError } from '../model/index.js'
import type { ServerEnv } from './actor.js'
import { errorAnswer } from './http.js'
import type { OperationContext } from './operations/context.js'
import type { UserHandlerOptions } from './options.js'
import { createRoles } from './roles.js'
import { clientApi } from './routes/clientApi.js'
import { restApi } from './routes/restApi.js'

const corsHeaders = ['apikey', 'appid', 'authtoken', 'onbehalfof', 'content-type', 'if-match', 'resource', 'sdk', 'accept']

/**
 * The Userkit server as a Web `Request` → `Response` function: CometChat's REST API under `/v3`
 * and its client API under `/v3.0`. Stateless: run as many as you like over one store.
 *
 * @example
 * const handler = createUserHandler({ store: pgliteStore({ dataDir: './.userkit-data' }), keys: [{ key, scope: 'fullAccess' }] })
 */
export function createUserHandler(options: UserHandlerOptions): (request: Request) => Promise<Response> {
  const roles = createRoles(options.roles)
  const ctx: OperationContext = {
    store: options.store,
    roles,
    now: options.now ?? (() => Math.floor(Date.now() / 1000)),
  }
  const report = options.onError ?? ((error: unknown) => console.error('userkit: unexpected error', error))

  const app = new Hono<ServerEnv>()
  if (options.cors) {
    app.use(
      '*',
      cors({
        origin: options.cors.origin,
        allowHeaders: corsHeaders,
        allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
        exposeHeaders: ['ETag', 'Retry-After'],
        maxAge: 600,
      }),
    )
  }
  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 64 * 1024,
      onError: () => {
        throw new UserkitError('ERR_PAYLOAD_TOO_LARGE', `The body is larger than ${options.maxBodyBytes ?? 64 * 1024} bytes.`)
      },
    }),
  )
  app.route('/v3', restApi(ctx, options.keys))
  app.route('/v3.0', clientApi(ctx, roles, options.authenticate))
  app.notFound((c) => errorAnswer(new UserkitError('ERR_API_NOT_FOUND', `No API at ${c.req.method} ${new URL(c.req.url).pathname}.`)))
  app.onError((error) => {
    if (error instanceof UserkitError) return errorAnswer(error)
    report(error)
    return errorAnswer(new UserkitError('ERR_INTERNAL', 'The server could not complete the request.'))
  })
  return async (request) => app.fetch(request)
}
