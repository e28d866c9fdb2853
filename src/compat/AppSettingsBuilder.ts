import { AppSettings } from './AppSettings.js'
import { StorageMode } from './StorageMode.js'

/** @internal What {@link AppSettings} copies from its builder. */
export interface AppSettingsValues {
  subscriptionType: string
  roles: string[] | null
  region: string
  autoJoinGroup: boolean
  establishSocketConnection: boolean
  adminHost: string | null
  clientHost: string | null
  storageMode: StorageMode
}

/**
 * `CometChat.AppSettingsBuilder`. Hosts are taken as the SDK takes them (`host:port/v3`, meaning
 * `https://host:port/v3`) or as a full URL with its scheme, so `http://127.0.0.1:8080/v3` reaches a
 * local server. Without overrides the region decides CometChat's own hosts.
 *
 * @example
 * const settings = new CometChat.AppSettingsBuilder()
 *   .setRegion('us')
 *   .overrideAdminHost('users.example.com/v3')
 *   .overrideClientHost('users.example.com/v3.0')
 *   .autoEstablishSocketConnection(false)
 *   .build()
 */
export class AppSettingsBuilder {
  private settings: AppSettingsValues = {
    subscriptionType: AppSettings.SUBSCRIPTION_TYPE_NONE,
    roles: null,
    region: AppSettings.REGION_EU,
    autoJoinGroup: true,
    establishSocketConnection: true,
    adminHost: null,
    clientHost: null,
    storageMode: StorageMode.LOCAL,
  }

  subscribePresenceForAllUsers(): this {
    return this.set({ subscriptionType: AppSettings.SUBSCRIPTION_TYPE_ALL_USERS })
  }
  subscribePresenceForRoles(roles: string[]): this {
    return this.set({ subscriptionType: AppSettings.SUBSCRIPTION_TYPE_ROLES, roles })
  }
  subscribePresenceForFriends(): this {
    return this.set({ subscriptionType: AppSettings.SUBSCRIPTION_TYPE_FRIENDS })
  }
  /** @default 'eu' */
  setRegion(region: string = AppSettings.REGION_EU): this {
    return this.set({ region: region.toLowerCase() })
  }
  enableAutoJoinForGroups(isAutoJoinEnabled = true): this {
    return this.set({ autoJoinGroup: isAutoJoinEnabled })
  }
  autoEstablishSocketConnection(establishSocketConnection = true): this {
    return this.set({ establishSocketConnection })
  }
  /** Where admin calls (an Auth Key or API key) go, e.g. `users.example.com/v3`. */
  overrideAdminHost(adminHost: string): this {
    return this.set({ adminHost })
  }
  /** Where a logged-in user's calls go, e.g. `users.example.com/v3.0`. */
  overrideClientHost(clientHost: string): this {
    return this.set({ clientHost })
  }
  setStorageMode(storageMode: StorageMode): this {
    return this.set({ storageMode })
  }
  build(): AppSettings {
    return new AppSettings(this)
  }

  /** @internal */
  values(): AppSettingsValues {
    return { ...this.settings }
  }

  private set(values: Partial<AppSettingsValues>): this {
    this.settings = { ...this.settings, ...values }
    return this
  }
}
