import { createUserClient, type UserClient } from '../client/index.js'
import { UserkitError, type User as WireUser } from '../model/index.js'
import type { AppSettings } from './AppSettings.js'
import { notInitialized, notLoggedIn, toCometChatException } from './errors.js'
import { resolveHosts, type Hosts } from './hosts.js'
import { pickStorage, type KeyValueStorage } from './storage.js'
import type { User } from './User.js'
import { userFromWire } from './userWire.js'

// The client appends /v3 or /v3.0 to one base; CometChat's settings name two hosts of any shape.
// Requests go to this stand-in base and are sent on to the host their prefix stands for.
const standIn = 'http://userkit-compat.invalid'

interface Initialized {
  appId: string
  hosts: Hosts
  storage: KeyValueStorage
  client: UserClient
  presence: PresenceScope
}

/** Whose presence the app subscribed to (`AppSettingsBuilder.subscribePresenceFor…`). */
export interface PresenceScope {
  type: string
  roles: readonly string[]
}

// One session per page, as the SDK's is: CometChat's API is static.
let current: Initialized | undefined

/** `CometChat.init`: where calls go and where the login is kept. */
export function initSession(appId: string, settings: AppSettings): void {
  const hosts = resolveHosts(appId, settings)
  const client = createUserClient({ baseUrl: standIn, appId, fetch: (request) => route(request, hosts), batchGetUser: false })
  const presence = { type: settings.getSubscriptionType(), roles: settings.getRoles() ?? [] }
  current = { appId, hosts, storage: pickStorage(settings.getStorageMode()), client, presence }
}

export function hasSession(): boolean {
  return current !== undefined
}

export function presenceScope(): PresenceScope {
  return session().presence
}

/** The session's client with a user's token, for calls that are not one request (the event stream). */
export function tokenClient(authToken: string): UserClient {
  return session().client.withCredentials({ authToken })
}

async function route(request: Request, hosts: Hosts): Promise<Response> {
  const url = new URL(request.url)
  const [prefix, host] = url.pathname.startsWith('/v3.0/') ? ['/v3.0', hosts.client] : ['/v3', hosts.admin]
  const target = `${host}${url.pathname.slice(prefix.length)}${url.search}`
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text()
  return globalThis.fetch(target, { method: request.method, headers: request.headers, body, signal: request.signal })
}

function session(): Initialized {
  if (current === undefined) throw notInitialized()
  return current
}

const userKey = (appId: string): string => `${appId}:common_store/user`
const deviceKey = (appId: string): string => `${appId}:keys_store/deviceId`

/** The logged-in user as stored, with its auth token; undefined when nobody is logged in. */
export function storedUser(): (WireUser & { authToken: string }) | undefined {
  const { appId, storage } = session()
  const text = storage.getItem(userKey(appId))
  if (text === null) return undefined
  try {
    const user = JSON.parse(text) as WireUser
    return typeof user.authToken === 'string' && user.authToken !== '' ? (user as WireUser & { authToken: string }) : undefined
  } catch {
    return undefined
  }
}

/** Keeps the logged-in user (their token included) for later calls and page loads. */
export function storeUser(user: WireUser, authToken: string): User {
  const { appId, storage } = session()
  storage.setItem(userKey(appId), JSON.stringify({ ...user, authToken }))
  return userFromWire({ ...user, authToken })
}

export function forgetUser(): void {
  const { appId, storage } = session()
  storage.removeItem(userKey(appId))
}

/** The SDK's device id: one per browser, sent along with a login. */
export function deviceId(): string {
  const { appId, storage } = session()
  const known = storage.getItem(deviceKey(appId))
  if (known !== null) return known
  const id = `${appId}_${crypto.randomUUID()}_${Date.now()}`
  storage.setItem(deviceKey(appId), id)
  return id
}

/** Runs a call with an API key or Auth Key; any failure becomes a `CometChatException`. */
export async function withKey<T>(apiKey: string, call: (client: UserClient) => Promise<T>): Promise<T> {
  const { client } = session()
  try {
    return await call(client.withCredentials({ apiKey }))
  } catch (error) {
    throw toCometChatException(error)
  }
}

/**
 * Runs a call as the logged-in user. A token the server no longer knows ends the local session,
 * as the SDK ends it.
 */
export async function asUser<T>(call: (client: UserClient, user: WireUser & { authToken: string }) => Promise<T>): Promise<T> {
  const user = storedUser()
  if (user === undefined) throw notLoggedIn()
  return withToken(user.authToken, (client) => call(client, user))
}

export async function withToken<T>(authToken: string, call: (client: UserClient) => Promise<T>): Promise<T> {
  const { client } = session()
  try {
    return await call(client.withCredentials({ authToken }))
  } catch (error) {
    if (error instanceof UserkitError && error.code === 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND' && storedUser()?.authToken === authToken) {
      forgetUser()
    }
    throw toCometChatException(error)
  }
}

