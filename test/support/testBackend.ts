import { createUserClient, type UserClient } from '../../src/client/index.js'
// The handler and the memory store, not the server entry: that one also holds PGlite and Node's
// server, and the stories run this backend in a browser.
import { createUserHandler } from '../../src/server/createUserHandler.js'
import type { UserHandlerOptions } from '../../src/server/options.js'
import { memoryStore } from '../../src/server/store/memoryStore.js'
import type { UserStore } from '../../src/server/store/types.js'
import { AUTH_KEY, BASE, FULL_KEY } from './keys.js'

export interface TestBackend {
  store: UserStore
  handler: (request: Request) => Promise<Response>
  /** A fullAccess client straight to the handler, for setting things up. */
  admin: UserClient
}

/**
 * The real handler over a store (a fresh memory store unless given), with the test keys and the
 * roles `admin` (may manage users) and `default`; `options` adds to or replaces any of that.
 */
export function createTestBackend(options: Partial<UserHandlerOptions> = {}): TestBackend {
  const store = options.store ?? memoryStore()
  const handler = createUserHandler({
    keys: [
      { key: FULL_KEY, scope: 'fullAccess' },
      { key: AUTH_KEY, scope: 'authOnly' },
    ],
    roles: { admin: { manageUsers: true }, default: {} },
    ...options,
    store,
  })
  return { store, handler, admin: createUserClient({ baseUrl: BASE, apiKey: FULL_KEY, fetch: handler }) }
}
