'use client'
import { useMemo, type HTMLAttributes, type TimeHTMLAttributes } from 'react'
import type { User, UserStatus } from '../../model/index.js'
import { mergeProps } from '../kit/mergeProps.js'
import type { PartProps } from '../kit/types.js'
import { useLabels, useLocale } from '../shared/useLabels.js'
import { useNow } from '../shared/useNow.js'
import { presenceBadgeAnatomy } from './presenceBadgeAnatomy.js'
import { presenceBadgeLabels, type PresenceBadgeLabels } from './presenceBadgeLabels.js'
import { refreshIntervalMs, relativeTime } from './relativeTime.js'

export interface UsePresenceBadgeOptions {
  /** Whose presence: `status` and `lastActiveAt` are read from it. */
  user?: Partial<Pick<User, 'status' | 'lastActiveAt'>> | undefined
  /** Wins over `user.status`. @default user.status, else 'offline' */
  status?: UserStatus | undefined
  /** Unix seconds, as the server sends it; wins over `user.lastActiveAt`. */
  lastActiveAt?: number | undefined
  /**
   * Strings replacing the provider's `labels` and the English defaults.
   * @example { online: 'En ligne' }
   */
  labels?: Partial<PresenceBadgeLabels> | undefined
}

export interface PresenceBadgeState {
  status: UserStatus
  /** What the badge says: "Online", "Active 5 minutes ago", "Offline". Render it inside the label. */
  text: string
  /** The last activity as a `Date`, when known and offline. */
  lastActive: Date | undefined
}

export interface UsePresenceBadgeResult {
  state: PresenceBadgeState
  getRootProps(props?: HTMLAttributes<HTMLSpanElement>): PartProps<HTMLAttributes<HTMLSpanElement>>
  getIndicatorProps(props?: HTMLAttributes<HTMLSpanElement>): PartProps<HTMLAttributes<HTMLSpanElement>>
  /** The text's element: a `<time>` when there is a last activity to show (`dateTime`, and the full date as `title`), else a span. */
  getLabelProps(props?: TimeHTMLAttributes<HTMLElement>): PartProps<TimeHTMLAttributes<HTMLElement> & { suppressHydrationWarning?: boolean }>
}

/**
 * Presence as text: online, or how long ago an offline user was last active, in the provider's
 * locale, kept true as time passes.
 *
 * @example const badge = usePresenceBadge({ user })
 */
export function usePresenceBadge({ user, status, lastActiveAt, labels: own }: UsePresenceBadgeOptions = {}): UsePresenceBadgeResult {
  const labels = useLabels('presenceBadge', presenceBadgeLabels, own)
  const locale = useLocale()
  const resolvedStatus: UserStatus = status ?? user?.status ?? 'offline'
  const seconds = lastActiveAt ?? user?.lastActiveAt
  const lastActive = resolvedStatus === 'offline' && seconds !== undefined && Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined
  // The first render's clock decides the unit; the tick then follows the unit shown.
  const ago = lastActive ? relativeTime(lastActive.getTime(), Date.now()) : undefined
  const now = useNow(ago ? refreshIntervalMs[ago.unit] : 60 * 60_000)
  const formats = useMemo(
    () => ({
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      full: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }),
    }),
    [locale],
  )

  let text = resolvedStatus === 'online' ? labels.online : labels.offline
  if (lastActive) {
    const { unit, value } = relativeTime(lastActive.getTime(), now)
    text = unit === 'second' ? labels.activeJustNow : labels.activeAgo(formats.relative.format(-value, unit))
  }

  return {
    state: { status: resolvedStatus, text, lastActive },
    getRootProps: (props) => mergeProps({ ...presenceBadgeAnatomy.attrs('root'), 'data-state': resolvedStatus }, props),
    getIndicatorProps: (props) =>
      mergeProps({ ...presenceBadgeAnatomy.attrs('indicator'), 'data-state': resolvedStatus, 'aria-hidden': true }, props),
    getLabelProps: (props) =>
      mergeProps(
        {
          ...presenceBadgeAnatomy.attrs('label'),
          ...(lastActive
            ? {
                dateTime: lastActive.toISOString(),
                title: formats.full.format(lastActive),
                // The server's clock and the browser's never agree on "how long ago".
                suppressHydrationWarning: true,
              }
            : {}),
        },
        props,
      ),
  }
}
