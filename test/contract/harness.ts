import { afterAll, beforeAll, beforeEach, describe } from 'vitest'
import { createUserClient, type CreateUserInput, type User, type UserClient } from '../../src/client/index.js'
import { createUserHandler, type UserStore } from '../../src/server/index.js'
import { storeKits } from './stores.js'

export const FULL_KEY = 'full-access-key'
export const AUTH_KEY = 'auth-only-key'
export const BASE = 'http://userkit.test'
export const roles = { admin: { manageUsers: true }, moderator: {}, default: {} }
export const START = 1_800_000_000

/** Who makes a request. */
export type Credential = { apiKey?: string; authToken?: string; onBehalfOf?: string }

export interface Answer {
  status: number
  headers: Headers
  /** The parsed JSON body (`undefined` if not JSON). */
  body: any
}

export interface CallOptions {
  as?: Credential
  body?: unknown
  /** A body sent as is, not JSON-encoded. */
  rawBody?: string
  /** A picture's bytes, sent as image/png. */
  picture?: Uint8Array
  headers?: Record<string, string>
}

export interface ContractEnv {
  store: UserStore
  handler: (request: Request) => Promise<Response>
  /** A raw request to the handler: `call('GET', '/v3/users', { as: full })`. */
  call(method: string, path: string, options?: CallOptions): Promise<Answer>
  /** The real client over the handler. */
  client(as?: Credential): UserClient
  /** Creates a user with the fullAccess key. */
  createUser(input: Partial<CreateUserInput> & { uid: string }): Promise<User>
  /** A fresh auth token for `uid`, issued with the fullAccess key. */
  tokenFor(uid: string): Promise<string>
  /** Moves the server's clock forward (it starts at START for each test). */
  advance(seconds: number): void
  now(): number
  /** Raw SQL against the store's database; present for SQL stores only. */
  sql?: (query: string) => Promise<unknown[]>
}

export const full: Credential = { apiKey: FULL_KEY }
export const authOnly: Credential = { apiKey: AUTH_KEY }

/**
 * Runs `body` once per store, each test on an empty store and a fresh handler.
 * `env()` gives the current test's environment.
 */
export function describeContract(title: string, body: (env: () => ContractEnv) => void): void {
  describe.each(storeKits)(`${title} ($name store)`, (kit) => {
    let opened: Awaited<ReturnType<typeof kit.open>>
    let current: ContractEnv
    beforeAll(async () => {
      opened = await kit.open()
    })
    afterAll(async () => {
      await opened?.close()
    })
    beforeEach(async () => {
      await opened.reset()
      current = makeEnv(opened.store(), opened.sql)
    })
    body(() => current)
  })
}

/** A raw request to any handler (the env's, or one a test builds), its answer parsed. */
export async function callHandler(
  handler: (request: Request) => Promise<Response>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers = new Headers(options.headers)
  if (options.as?.apiKey) headers.set('apikey', options.as.apiKey)
  if (options.as?.authToken) headers.set('authtoken', options.as.authToken)
  if (options.as?.onBehalfOf) headers.set('onbehalfof', options.as.onBehalfOf)
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.rawBody
  if (options.picture) {
    body = options.picture as Uint8Array<ArrayBuffer>
    headers.set('content-type', 'image/png')
  }
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers.set('content-type', 'application/json')
  }
  return answerOf(await handler(new Request(`${BASE}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) })))
}

/** A response as status, headers and parsed JSON (`undefined` when the body is not JSON). */
export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: response.status, headers: response.headers, body }
}

export function makeEnv(store: UserStore, sql?: (query: string) => Promise<unknown[]>): ContractEnv {
  let clock = START
  const handler = createUserHandler({
    store,
    keys: [
      { key: FULL_KEY, scope: 'fullAccess' },
      { key: AUTH_KEY, scope: 'authOnly' },
    ],
    roles,
    now: () => clock,
    onError: (error) => {
      throw error
    },
  })
  const call = (method: string, path: string, options: CallOptions = {}): Promise<Answer> =>
    callHandler(handler, method, path, options)
  const client = (as: Credential = {}): UserClient =>
    createUserClient({
      baseUrl: BASE,
      fetch: handler,
      ...(as.apiKey ? { apiKey: as.apiKey } : {}),
      ...(as.authToken ? { authToken: as.authToken } : {}),
    })
  const admin = client(full)
  return {
    store,
    handler,
    call,
    client,
    createUser: (input) => admin.createUser({ name: input.uid, ...input }),
    tokenFor: async (uid) => (await admin.createAuthToken(uid)).authToken,
    advance: (seconds) => {
      clock += seconds
    },
    now: () => clock,
    ...(sql ? { sql } : {}),
  }
}
