import type { AppSettingsBuilder } from './AppSettingsBuilder.js'
import { StorageMode } from './StorageMode.js'

/** What `CometChat.init` is given; made by {@link AppSettingsBuilder}. */
export class AppSettings {
  static SUBSCRIPTION_TYPE_NONE = 'NONE'
  static SUBSCRIPTION_TYPE_ALL_USERS = 'ALL_USERS'
  static SUBSCRIPTION_TYPE_ROLES = 'ROLES'
  static SUBSCRIPTION_TYPE_FRIENDS = 'FRIENDS'
  static REGION_EU = 'eu'
  static REGION_US = 'us'
  static REGION_IN = 'in'
  static REGION_PRIVATE = 'private'
  static STORAGE_MODE_LOCAL: StorageMode = StorageMode.LOCAL
  static STORAGE_MODE_SESSION: StorageMode = StorageMode.SESSION

  private readonly subscriptionType: string
  private readonly roles: string[] | null
  private readonly region: string
  private readonly autoJoinGroup: boolean
  private readonly establishSocketConnection: boolean
  private readonly adminHost: string | null
  private readonly clientHost: string | null
  private readonly storageMode: StorageMode

  /** @private Use `new AppSettingsBuilder()…build()`. */
  constructor(builder: AppSettingsBuilder) {
    const values = builder.values()
    this.subscriptionType = values.subscriptionType
    this.roles = values.roles
    this.region = values.region
    this.autoJoinGroup = values.autoJoinGroup
    this.establishSocketConnection = values.establishSocketConnection
    this.adminHost = values.adminHost
    this.clientHost = values.clientHost
    this.storageMode = values.storageMode
  }

  /** Whose presence user listeners hear of: `ALL_USERS`, `ROLES` (see {@link getRoles}), or nobody. */
  getSubscriptionType(): string {
    return this.subscriptionType
  }
  getRoles(): string[] {
    return this.roles as string[]
  }
  getRegion(): string {
    return this.region
  }
  getIsAutoJoinEnabled(): boolean {
    return this.autoJoinGroup
  }
  /** Kept for the SDK's sake: the facade opens no WebSocket. */
  shouldAutoEstablishSocketConnection(): boolean {
    return this.establishSocketConnection
  }
  getAdminHost(): string {
    return this.adminHost as string
  }
  getClientHost(): string {
    return this.clientHost as string
  }
  getStorageMode(): StorageMode {
    return this.storageMode
  }
}
