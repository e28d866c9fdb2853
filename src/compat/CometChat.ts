import type { Outcomes } from '../client/index.js'
import { AppSettings } from './AppSettings.js'
import { AppSettingsBuilder } from './AppSettingsBuilder.js'
import { BlockedUsersRequest } from './BlockedUsersRequest.js'
import { BlockedUsersRequestBuilder } from './BlockedUsersRequestBuilder.js'
import { CometChatException } from './CometChatException.js'
import { SORT_BY, SORT_ORDER, USER_STATUS } from './constants.js'
import { emptyUsersList, invalid, noAppId, notAnArray, notInitialized, parameterMissing, toCometChatException } from './errors.js'
import { asUser, deviceId, forgetUser, initSession, storedUser, storeUser, withKey, withToken } from './session.js'
import { StorageMode } from './StorageMode.js'
import { User } from './User.js'
import { UsersRequest } from './UsersRequest.js'
import { UsersRequestBuilder } from './UsersRequestBuilder.js'
import { addListener, removeListener, syncUserEvents } from './userEvents.js'
import { UserListener } from './UserListener.js'
import { editableFields, userFromWire, type UserLike } from './userWire.js'

/** What `login` accepts besides `(uid, authKey)` and `(authToken)`. */
export type LoginObject = { authToken: string } | { username: string; apiKey: string }

/**
 * CometChat's user-management API over Userkit's server, shaped as CometChat's JavaScript SDK is,
 * so that its documented samples run unchanged: every call resolves what the SDK resolves and
 * rejects with a {@link CometChatException} carrying the server's code.
 *
 * @example
 * await CometChat.init(appId, new CometChat.AppSettingsBuilder().overrideAdminHost('users.example.com/v3')
 *   .overrideClientHost('users.example.com/v3.0').build())
 * const user = new CometChat.User('ada')
 * user.setName('Ada Lovelace')
 * CometChat.createUser(user, authKey).then((created) => console.log(created), (error) => console.log(error.code))
 */
export class CometChat {
  static User = User
  static AppSettings = AppSettings
  static AppSettingsBuilder = AppSettingsBuilder
  static UsersRequest = UsersRequest
  static UsersRequestBuilder = UsersRequestBuilder
  static BlockedUsersRequest = BlockedUsersRequest
  static BlockedUsersRequestBuilder = BlockedUsersRequestBuilder
  static CometChatException = CometChatException
  static UserListener = UserListener
  static StorageMode = StorageMode
  static USER_STATUS = USER_STATUS
  static SORT_BY = SORT_BY
  static SORT_ORDER = SORT_ORDER

  private static initialized = false

  /**
   * Points the facade at a server and picks up a login kept from an earlier page load. Sends nothing.
   * Without settings, CometChat's `eu` hosts.
   */
  static async init(appId: string, appSettings?: AppSettings): Promise<boolean> {
    if (!appId) throw noAppId()
    initSession(appId, appSettings ?? new AppSettingsBuilder().build())
    CometChat.initialized = true
    syncUserEvents()
    return true
  }

  static isInitialized(): boolean {
    return CometChat.initialized
  }

  /** `POST {admin}/users` with an Auth Key (or REST API key). The uid is sent as typed. */
  static async createUser(user: UserLike, authKey: string): Promise<User> {
    if (!authKey) throw invalid('AUTH_KEY', 'AUTH_KEY')
    const { uid, fields } = editableFields(user)
    if (uid === undefined || fields.name === undefined) throw parameterMissing()
    const created = await withKey(authKey, (client) => client.createUser({ uid, ...fields, name: fields.name! }))
    return userFromWire(created)
  }

  /** `PUT {admin}/users/{uid}` with a REST API key; role included when set. */
  static async updateUser(user: UserLike, apiKey: string): Promise<User> {
    if (!apiKey) throw invalid('AUTH_KEY', 'AUTH_KEY')
    const { uid, fields } = editableFields(user)
    if (!uid) throw parameterMissing()
    const updated = await withKey(apiKey, (client) => client.updateUser(uid, fields))
    const me = storedUser()
    if (me !== undefined && me.uid === updated.uid) storeUser(updated, me.authToken)
    return userFromWire(updated)
  }

  /**
   * `PUT {client}/me`: updates the logged-in user, whatever uid the user passed holds. The role is
   * never sent: nobody changes their own role.
   */
  static async updateCurrentUserDetails(user: UserLike): Promise<User> {
    const { fields } = editableFields(user)
    const { role: _role, ...changes } = fields
    const { updated, authToken } = await asUser(async (client, me) => ({
      updated: await client.updateMe(changes),
      authToken: me.authToken,
    }))
    return storeUser(updated, authToken)
  }

  /** `GET {client}/users/{uid}` as the logged-in user. */
  static async getUser(uid: string | { uid: string }): Promise<User> {
    const id = typeof uid === 'object' && uid !== null ? uid.uid : uid
    if (typeof id !== 'string' || id.trim() === '') throw invalid('UID', 'UID')
    return userFromWire(await asUser((client) => client.getUser(id)))
  }

  /**
   * Logs in with a uid and an Auth Key (prototypes: `POST {admin}/users/{uid}/auth_tokens`, then
   * `PUT {client}/me`), or with an auth token issued by the app's backend (`PUT {client}/me`).
   * Logging in again as the user already logged in sends nothing.
   */
  static login(authToken: string): Promise<User>
  static login(uid: string, authKey: string): Promise<User>
  static login(credentials: LoginObject): Promise<User>
  static async login(...args: [string] | [string, string] | [LoginObject]): Promise<User> {
    if (!CometChat.initialized) throw notInitialized()
    const [first, second] = normalizeLogin(args)
    if (!first) throw parameterMissing()
    const me = storedUser()
    if (second === undefined) {
      if (me !== undefined && me.authToken !== first) switchUser()
      return loginWithToken(first)
    }
    if (me !== undefined && me.uid === first.toLowerCase()) return userFromWire(me)
    if (me !== undefined) switchUser()
    const device = deviceId()
    const { authToken } = await withKey(second, (client) => client.createAuthToken(first, { deviceId: device }))
    return loginWithToken(authToken)
  }

  /** The logged-in user as kept by the last login (no request), or null. */
  static async getLoggedinUser(): Promise<User | null> {
    if (!CometChat.initialized) return null
    const me = storedUser()
    return me === undefined ? null : userFromWire(me)
  }

  /**
   * Calls the listener's `onUserOnline` / `onUserOffline` with each user whose presence the app
   * subscribed to (`subscribePresenceForAllUsers()` or `…ForRoles(roles)`) as they log in and out.
   * While someone is logged in and any listener is registered, one `GET {client}/events` stream is
   * open, resuming where it left off after a drop. A listener added again under its id replaces it.
   */
  static addUserListener(listenerId: string, userListener: UserListener): void {
    addListener(listenerId, userListener)
  }

  /** Forgets the listener; the event stream closes with the last one. */
  static removeUserListener(listenerId: string): void {
    removeListener(listenerId)
  }

  /**
   * `POST {client}/blockedusers`: resolves the outcome per uid, e.g. `{ bob: { success: true, message } }`.
   * Takes `String[]` as the SDK does (its samples declare `const usersList: String[]`).
   */
  static async blockUsers(blockedUids: readonly String[]): Promise<Outcomes> {
    const uids = checkUids(blockedUids, 'blockUsers')
    return asUser((client) => client.blockUsers(uids))
  }

  /** `DELETE {client}/blockedusers`: the outcome per uid. */
  static async unblockUsers(blockedUids: readonly String[]): Promise<Outcomes> {
    const uids = checkUids(blockedUids, 'unblockUsers')
    return asUser((client) => client.unblockUsers(uids))
  }

  /**
   * `DELETE {client}/me`: revokes this device's token, then forgets the login whatever the answer.
   * A token the server no longer knows counts as logged out.
   */
  static async logout(): Promise<object> {
    try {
      return await asUser((client) => client.logout())
    } catch (error) {
      const exception = toCometChatException(error)
      if (exception.code === 'AUTH_ERR_AUTH_TOKEN_NOT_FOUND') return {}
      throw exception
    } finally {
      if (CometChat.initialized) forgetUser()
      syncUserEvents()
    }
  }
}

// The SDK's declaration makes `CometChat` a namespace as well as a value, so its samples write
// `let user: CometChat.User = new CometChat.User(uid)` and `(error: CometChat.CometChatException) => …`.
// The statics above are the values; these aliases are the same classes as types.
type UserType = User
type CometChatExceptionType = CometChatException
type UsersRequestType = UsersRequest
type UsersRequestBuilderType = UsersRequestBuilder
type BlockedUsersRequestType = BlockedUsersRequest
type BlockedUsersRequestBuilderType = BlockedUsersRequestBuilder
type AppSettingsType = AppSettings
type AppSettingsBuilderType = AppSettingsBuilder
type UserListenerType = UserListener

export declare namespace CometChat {
  export type User = UserType
  export type CometChatException = CometChatExceptionType
  export type UsersRequest = UsersRequestType
  export type UsersRequestBuilder = UsersRequestBuilderType
  export type BlockedUsersRequest = BlockedUsersRequestType
  export type BlockedUsersRequestBuilder = BlockedUsersRequestBuilderType
  export type AppSettings = AppSettingsType
  export type AppSettingsBuilder = AppSettingsBuilderType
  export type UserListener = UserListenerType
}

function normalizeLogin(args: [string] | [string, string] | [LoginObject]): [string | undefined, string | undefined] {
  const [first, second] = args
  if (typeof first === 'object' && first !== null) {
    return 'authToken' in first ? [first.authToken, undefined] : [first.username, first.apiKey]
  }
  if (args.length === 2 && !second) return [undefined, undefined]
  return [first, second]
}

function switchUser(): void {
  forgetUser()
  syncUserEvents()
}

async function loginWithToken(authToken: string): Promise<User> {
  const device = deviceId()
  const user = await withToken(authToken, (client) => client.login({ platform: 'WEB', deviceId: device }))
  const me = storeUser({ ...user, status: 'online' }, user.authToken ?? authToken)
  syncUserEvents()
  return me
}

function checkUids(uids: unknown, method: string): string[] {
  if (!Array.isArray(uids)) throw notAnArray(method.toUpperCase(), `${method}()`)
  if (uids.length === 0) throw emptyUsersList()
  // JSON sends a `String` object as its text; anything else goes as given, for the server to name.
  return uids as string[]
}
