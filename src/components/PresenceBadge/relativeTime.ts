/** How long ago, in the largest unit that fits; `second` means "just now". */
export interface RelativeTime {
  unit: 'second' | 'minute' | 'hour' | 'day'
  /** Whole units ago (0 or more). */
  value: number
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * `thenMs` relative to `nowMs`, floored ("59 minutes" until the hour is full). A time in the
 * future (a clock ahead of ours) counts as just now.
 */
export function relativeTime(thenMs: number, nowMs: number): RelativeTime {
  const elapsed = Math.max(0, nowMs - thenMs)
  if (elapsed < MINUTE) return { unit: 'second', value: Math.floor(elapsed / 1000) }
  if (elapsed < HOUR) return { unit: 'minute', value: Math.floor(elapsed / MINUTE) }
  if (elapsed < DAY) return { unit: 'hour', value: Math.floor(elapsed / HOUR) }
  return { unit: 'day', value: Math.floor(elapsed / DAY) }
}

/**
 * How often a clock showing a time in `unit` needs to tick: often enough that the text is never
 * more than a small part of a unit behind, rarely enough to cost nothing.
 */
export const refreshIntervalMs: Record<RelativeTime['unit'], number> = {
  second: 10_000,
  minute: 15_000,
  hour: 60_000,
  day: 10 * 60_000,
}
