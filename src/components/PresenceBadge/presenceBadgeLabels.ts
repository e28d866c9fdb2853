/** What PresenceBadge shows. */
export interface PresenceBadgeLabels {
  online: string
  /** Offline, with no last activity known. */
  offline: string
  /** Offline, active less than a minute ago. */
  activeJustNow: string
  /**
   * Offline, active a while ago; `ago` is the locale's relative time ("5 minutes ago", "vor 5 Minuten").
   * @example (ago) => `Zuletzt aktiv ${ago}`
   */
  activeAgo: (ago: string) => string
}

export const presenceBadgeLabels: PresenceBadgeLabels = {
  online: 'Online',
  offline: 'Offline',
  activeJustNow: 'Active just now',
  activeAgo: (ago) => `Active ${ago}`,
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    presenceBadge: PresenceBadgeLabels
  }
}
