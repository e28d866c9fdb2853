import type { UserEvent, UserEventMessage } from '../../client/readUserEvents.js'
import { isUserkitError } from '../../model/index.js'

export interface UserEventSubscription {
  /** Opens the stream, resuming after `lastEventId`. */
  open(lastEventId: string | undefined, signal: AbortSignal): AsyncIterable<UserEventMessage>
  onEvent(event: UserEvent): void
  /** Events may have been missed: reload what is shown. */
  onCatchUp(): void
  /** A sign of life while the page is visible. */
  heartbeat?: () => Promise<void>
  /** @default 30000 */
  heartbeatMs?: number
  /** A disconnect longer than this reloads what is shown even when the server could resume. @default 60000 */
  catchUpAfterMs?: number
  /** @default 1000, doubling up to 30000 */
  retryMs?: { initial: number; max: number }
}

const visible = (): boolean => typeof document === 'undefined' || document.visibilityState === 'visible'

/** Keeps a stream open, reconnecting with backoff, and sends heartbeats; returns the stop. */
export function subscribeUserEvents(options: UserEventSubscription): () => void {
  const abort = new AbortController()
  const { initial, max } = options.retryMs ?? { initial: 1000, max: 30_000 }
  const catchUpAfterMs = options.catchUpAfterMs ?? 60_000
  let lastEventId: string | undefined
  let lostAt: number | undefined

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms)
      abort.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
    })

  void (async () => {
    let delay = initial
    while (!abort.signal.aborted) {
      try {
        for await (const message of options.open(lastEventId, abort.signal)) {
          if ('uid' in message) options.onEvent(message)
          else {
            delay = initial
            if (message.type === 'reset' || (lostAt !== undefined && Date.now() - lostAt > catchUpAfterMs)) options.onCatchUp()
            lostAt = undefined
          }
          if (message.id !== undefined) lastEventId = message.id
        }
      } catch (error) {
        // The session is over (logged out, deactivated): nothing to reconnect to.
        if (isUserkitError(error) && (error.status === 401 || error.status === 403)) return
      }
      if (abort.signal.aborted) return
      lostAt ??= Date.now()
      await pause(delay)
      delay = Math.min(delay * 2, max)
    }
  })()

  const beat = (): void => {
    if (visible()) options.heartbeat?.().catch(() => {})
  }
  const timer = options.heartbeat ? setInterval(beat, options.heartbeatMs ?? 30_000) : undefined
  const onVisibility = (): void => beat()
  if (options.heartbeat && typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility)

  return () => {
    abort.abort()
    if (timer !== undefined) clearInterval(timer)
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility)
  }
}
