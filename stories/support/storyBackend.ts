import { QueryClient } from '@tanstack/react-query'
import { createUserClient, type UserClient } from '../../src/client/index.js'
import type { CreateUserInput, User } from '../../src/model/index.js'
import { createCurrentUserStore, type CurrentUserStore } from '../../src/react/index.js'
import { BASE } from '../../test/support/keys.js'
import { createTestBackend } from '../../test/support/testBackend.js'
import { canvasAvatarEncoder } from './canvasAvatarEncoder.js'
import { sampleUsers } from './sampleUsers.js'

export interface StoryBackendOptions {
  /** Users to seed; default: the sample users. */
  users?: CreateUserInput[]
  /** Who is logged in; default: nobody. */
  loginAs?: string
  /** Added to every answer, to see loading states. */
  latencyMs?: number
  /** `'down'`: every request fails as a network failure would; `'hang'`: no answer ever comes. */
  network?: 'up' | 'down' | 'hang'
  /** Live events on the provider (`<UserkitProvider events>`). */
  events?: boolean
  /** The server's `bulk.maxUsers`: past it, a bulk action runs as a job. */
  bulkMaxUsers?: number
}

export interface StoryBackend {
  /** The app's client: no key; the logged-in user's token once logged in. */
  client: UserClient
  /** A fullAccess client over the same data, for seeding and for admin stories' checks. */
  admin: UserClient
  store: CurrentUserStore
  queryClient: QueryClient
  /** Switches the network for requests from now on. */
  setNetwork(state: 'up' | 'down' | 'hang'): void
  /** Every request the app's client sent, as `METHOD /path?query`. */
  sent: string[]
  /** The same, once the handler answered (for a stream: once it is subscribed). */
  answered: string[]
  events: boolean
}

/**
 * The real handler over a memory store, in the browser: the stories' client fetches from it
 * directly, with no network and no request mocking.
 */
export async function createStoryBackend(options: StoryBackendOptions = {}): Promise<StoryBackend> {
  // The test keys live only in this in-browser backend, never in an app: the stories seed users as a server would.
  const { handler, admin } = createTestBackend({
    roles: { admin: { manageUsers: true }, moderator: {}, default: {} },
    // One visitor in one tab: a limit would only trip the stories that seed thousands of users.
    rateLimit: false,
    avatarEncoder: canvasAvatarEncoder,
    ...(options.bulkMaxUsers !== undefined ? { bulk: { maxUsers: options.bulkMaxUsers } } : {}),
  })
  let network = options.network ?? 'up'
  const sent: string[] = []
  const answered: string[] = []
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    const line = `${request.method} ${url.pathname}${url.search}`
    sent.push(line)
    if (network === 'down') throw new TypeError('Failed to fetch')
    if (network === 'hang') return new Promise<Response>(() => {})
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs))
    const response = await handler(request)
    answered.push(line)
    return response
  }
  for (const user of options.users ?? sampleUsers()) await admin.createUser(user)

  const client = createUserClient({ baseUrl: BASE, fetch })
  const store = createCurrentUserStore()
  if (options.loginAs) {
    const { authToken } = await admin.createAuthToken(options.loginAs)
    client.setAuthToken(authToken)
    const me: User = await admin.getUser(options.loginAs)
    store.getState().loginSucceeded(me, authToken)
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  return { client, admin, store, queryClient, setNetwork: (state) => void (network = state), sent, answered, events: options.events ?? false }
}
