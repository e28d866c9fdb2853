import type { AppSettings } from './AppSettings.js'

/** Where admin calls and a logged-in user's calls go, as full URLs without a trailing slash. */
export interface Hosts {
  admin: string
  client: string
}

/**
 * The SDK prefixes `https://` to an override; a host given with its own scheme keeps it, so a
 * plain-HTTP server on loopback is reachable. Without overrides: CometChat's hosts for the region.
 */
export function resolveHosts(appId: string, settings: AppSettings): Hosts {
  const region = settings.getRegion()
  const admin = settings.getAdminHost() ?? `${appId}.api-${region}.cometchat.io/v3`
  const client = settings.getClientHost() ?? `${appId}.apiclient-${region}.cometchat.io/v3.0`
  return { admin: absolute(admin), client: absolute(client) }
}

function absolute(host: string): string {
  const url = /^[a-z][a-z\d+.-]*:\/\//i.test(host) ? host : `https://${host}`
  return url.replace(/\/+$/, '')
}
