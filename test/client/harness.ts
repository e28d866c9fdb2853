import { expect } from 'vitest'
import { createUserClient, UserkitError, type UserClient, type UserClientOptions } from '../../src/client/index.js'
import { BASE, FULL_KEY } from '../support/keys.js'
import { recordRequest, type RecordedRequest } from '../support/recordedRequest.js'
import { createTestBackend } from '../support/testBackend.js'

export { lines } from '../support/recordedRequest.js'

/** A request as the server received it. */
export type Sent = RecordedRequest

export interface Harness {
  handler: (request: Request) => Promise<Response>
  /** Every request the clients sent, in order. */
  sent: Sent[]
  /** The handler behind a recorder: what clients get as `fetch`. */
  fetch: (request: Request) => Promise<Response>
  /** A client holding the fullAccess key. */
  admin: UserClient
  /** A client over the same handler with other options (no key unless given). */
  clientWith(options?: Partial<UserClientOptions>): UserClient
  /** Creates users `ada`, `bob`, … with names, through the admin client, then forgets their requests. */
  seed(...uids: string[]): Promise<void>
  /** A client logged in as `uid` (an auth token issued by the admin key). */
  loginAs(uid: string, options?: Partial<UserClientOptions>): Promise<UserClient>
}

export const baseUrl = BASE

/** The real handler over a fresh memory store, behind a recorder that counts requests. */
export function createHarness(): Harness {
  const { handler } = createTestBackend()
  const sent: Sent[] = []
  const fetch = async (request: Request): Promise<Response> => {
    sent.push(await recordRequest(request))
    return handler(request)
  }
  const clientWith = (options: Partial<UserClientOptions> = {}): UserClient => createUserClient({ baseUrl, fetch, ...options })
  const admin = clientWith({ apiKey: FULL_KEY })
  return {
    handler,
    sent,
    fetch,
    admin,
    clientWith,
    async seed(...uids) {
      for (const uid of uids) await admin.createUser({ uid, name: `${uid[0]!.toUpperCase()}${uid.slice(1)}` })
      sent.length = 0
    },
    async loginAs(uid, options = {}) {
      const { authToken } = await admin.createAuthToken(uid)
      sent.length = 0
      return clientWith({ authToken, ...options })
    },
  }
}

/** The UserkitError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<UserkitError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(UserkitError)
  return error as UserkitError
}
