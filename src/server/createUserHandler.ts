import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { UserkitError } from '../model/index.js'
import type { ServerEnv } from './actor.js'
import { createEventHub } from './events/eventHub.js'
import { errorAnswer } from './http.js'
import { jsonBody } from './jsonBody.js'
import { avatarBody } from './avatars/avatarBody.js'
import { cachedAvatarStore } from './avatars/cachedAvatarStore.js'
import { bulkJobs } from './operations/bulkJobs.js'
import { createTokenCache } from './tokenCache.js'
import { BULK_CONCURRENCY } from './operations/bulkUsers.js'
import type { OperationContext } from './operations/context.js'
import type { UserHandlerOptions } from './options.js'
import { createRateLimiter, rateLimitHeaders } from './rateLimit.js'
import { createRoles } from './roles.js'
import { clientApi } from './routes/clientApi.js'
import { clientEvents, restEvents } from './routes/events.js'
import { restApi } from './routes/restApi.js'
import { sameSiteSessions } from './sessionOrigin.js'
import { StoreUnavailableError } from './store/storeUnavailable.js'

const rateLimitHeaderNames = ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']
const corsHeaders = ['apikey', 'appid', 'authtoken', 'onbehalfof', 'content-type', 'if-match', 'resource', 'sdk', 'accept', 'last-event-id']

/**
 * Keys as given, or a TypeError that says what to set: a key read from an unset environment variable
 * is `undefined`, and a handler started with it would answer every keyed request with an error.
 */
function checkedKeys(keys: UserHandlerOptions['keys']): UserHandlerOptions['keys'] {
  if (!Array.isArray(keys)) throw new TypeError('createUserHandler needs keys: an array of { key, scope } (it may be empty).')
  keys.forEach((entry, i) => {
    const scope = entry?.scope
    if (scope !== 'fullAccess' && scope !== 'authOnly') {
      throw new TypeError(`createUserHandler: keys[${i}].scope must be 'fullAccess' or 'authOnly', not ${JSON.stringify(scope)}.`)
    }
    if (typeof entry.key !== 'string' || entry.key.trim() === '') {
      const variable = scope === 'fullAccess' ? 'USERKIT_API_KEY' : 'USERKIT_AUTH_KEY'
      throw new TypeError(
        `createUserHandler: the ${scope} key (keys[${i}]) is ${typeof entry.key === 'string' ? 'empty' : 'missing'}: ` +
          `set the environment variable you read it from (${variable} in the README) to a long random secret, e.g. \`openssl rand -base64 32\`.`,
      )
    }
  })
  return keys
}

function tokensOf(tokens: UserHandlerOptions['tokens']): OperationContext['tokens'] {
  const { ttlSeconds, maxPerUser = 50 } = tokens ?? {}
  if (ttlSeconds !== undefined && !(ttlSeconds > 0)) throw new TypeError(`tokens.ttlSeconds must be a positive number of seconds, not ${ttlSeconds}`)
  if (!Number.isInteger(maxPerUser) || maxPerUser < 1) throw new TypeError(`tokens.maxPerUser must be a whole number of at least 1, not ${maxPerUser}`)
  return { maxPerUser, ...(ttlSeconds !== undefined ? { ttlSeconds } : {}) }
}

function presenceTimeoutOf(presence: UserHandlerOptions['presence']): number {
  const timeout = presence?.timeoutSeconds ?? 60
  if (!(timeout > 0)) throw new TypeError(`presence.timeoutSeconds must be a positive number of seconds, not ${timeout}`)
  return timeout
}

function avatarsOf(options: UserHandlerOptions): Pick<OperationContext, 'avatars' | 'avatarBaseUrl' | 'avatarEncoder'> {
  const avatars = options.avatarStore ?? options.store.avatars
  const base = options.avatarBaseUrl
  if (base !== undefined && !/^https?:\/\/[^/]+$/.test(base.replace(/\/+$/, ''))) {
    throw new TypeError(`avatarBaseUrl must be an http(s) origin such as https://users.example.com, not ${JSON.stringify(base)}`)
  }
  return {
    ...(avatars ? { avatars: cachedAvatarStore(avatars) } : {}),
    ...(base !== undefined ? { avatarBaseUrl: base.replace(/\/+$/, '') } : {}),
    ...(options.avatarEncoder ? { avatarEncoder: options.avatarEncoder } : {}),
  }
}

function bulkOf(bulk: UserHandlerOptions['bulk']): NonNullable<OperationContext['bulk']> {
  const { maxUsers = 1000, maxJobUsers = Math.max(maxUsers, 100_000), maxImportBytes = 4 * 1024 * 1024 } = bulk ?? {}
  if (!Number.isInteger(maxUsers) || maxUsers < 1) throw new TypeError(`bulk.maxUsers must be a whole number of at least 1, not ${maxUsers}`)
  if (!Number.isInteger(maxJobUsers) || maxJobUsers < maxUsers) {
    throw new TypeError(`bulk.maxJobUsers must be a whole number no smaller than bulk.maxUsers (${maxUsers}), not ${maxJobUsers}`)
  }
  if (!Number.isInteger(maxImportBytes) || maxImportBytes < 1) throw new TypeError(`bulk.maxImportBytes must be a whole number of bytes, not ${maxImportBytes}`)
  return { maxUsers, maxJobUsers, maxImportBytes }
}

/**
 * The Userkit server as a Web `Request` → `Response` function: CometChat's REST API under `/v3`
 * and its client API under `/v3.0`. Stateless: run as many as you like over one store.
 *
 * @example
 * const handler = createUserHandler({ store: pgliteStore({ dataDir: './.userkit-data' }), keys: [{ key, scope: 'fullAccess' }] })
 */
export function createUserHandler(options: UserHandlerOptions): (request: Request) => Promise<Response> {
  const keys = checkedKeys(options.keys)
  const roles = createRoles(options.roles)
  const ctx: OperationContext = {
    store: options.store,
    roles,
    now: options.now ?? (() => Math.floor(Date.now() / 1000)),
    presenceTimeout: presenceTimeoutOf(options.presence),
    tokens: tokensOf(options.tokens),
    ...avatarsOf(options),
    bulk: bulkOf(options.bulk),
  }
  const report = options.onError ?? ((error: unknown) => console.error('userkit: unexpected error', error))
  const events = createEventHub(ctx, options.events ?? {}, report)
  ctx.publish = events.publish
  ctx.jobs = bulkJobs({ now: ctx.now, concurrency: BULK_CONCURRENCY, report })
  const cacheSeconds = options.tokens?.cacheSeconds ?? 0
  if (cacheSeconds > 0) {
    const bus = options.events?.bus
    if (!bus) throw new TypeError('tokens.cacheSeconds needs events.bus: the bus that tells every instance of a revoked token (memoryEventBus() for one instance alone)')
    ctx.tokenCache = createTokenCache({ seconds: cacheSeconds, now: ctx.now, bus, report })
  } else if (!(cacheSeconds >= 0)) {
    throw new TypeError(`tokens.cacheSeconds must be a number of seconds, not ${cacheSeconds}`)
  }
  const limiter = createRateLimiter(options.rateLimit, ctx.now, options.clientAddress, options.store.sharedRateLimitCounter)
  const authenticate = options.authenticate && sameSiteSessions(options.authenticate, options.cors)
  const maxUrlLength = options.maxUrlLength ?? 8192
  const internal = (): Response => errorAnswer(new UserkitError('ERR_INTERNAL', 'The server could not complete the request.'))

  const app = new Hono<ServerEnv>()
  if (options.cors) {
    app.use(
      '*',
      cors({
        origin: options.cors.origin,
        allowHeaders: corsHeaders,
        allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
        exposeHeaders: ['ETag', ...rateLimitHeaderNames],
        maxAge: 600,
      }),
    )
  }
  // Before routing reads a parameter: the query string of an over-long URL is never parsed.
  app.use('*', async (c, next) => {
    if (c.req.url.length > maxUrlLength) {
      throw new UserkitError('ERR_BAD_REQUEST', `The URL is longer than ${maxUrlLength} characters.`, {
        details: { url: [`must be at most ${maxUrlLength} characters`] },
      })
    }
    await next()
  })
  if (limiter) app.use('*', rateLimitHeaders())
  app.use('*', avatarBody(jsonBody(options.maxBodyBytes ?? 64 * 1024)))
  app.route('/v3', restEvents(ctx, keys, events, limiter))
  app.route('/v3.0', clientEvents(ctx, roles, authenticate, events, limiter))
  app.route('/v3', restApi(ctx, keys, limiter))
  // CometChat's SDK puts the version after the admin host its settings name (routes/settings.ts).
  app.route('/v3/v3.0', restApi(ctx, keys, limiter))
  app.route('/v3.0', clientApi(ctx, roles, authenticate, limiter))
  app.notFound((c) => errorAnswer(new UserkitError('ERR_API_NOT_FOUND', `No API at ${c.req.method} ${new URL(c.req.url).pathname}.`)))
  app.onError((error) => {
    if (error instanceof UserkitError) return errorAnswer(error)
    report(error)
    // The database is away: the client may try again (Retry-After), nothing was half done.
    if (error instanceof StoreUnavailableError) return errorAnswer(new UserkitError('ERR_SERVICE_UNAVAILABLE', 'The service is unavailable; try again shortly.'))
    return internal()
  })
  return async (request) => {
    try {
      return await app.fetch(request)
    } catch (error) {
      // Hono hands only Error instances to onError; whatever else a store throws (a string holding
      // SQL, say) lands here. An Error here came out of onError itself: let it be seen.
      if (error instanceof Error) throw error
      report(error)
      return internal()
    }
  }
}
