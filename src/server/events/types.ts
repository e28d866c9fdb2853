import type { UserEventType } from '../../model/index.js'
import type { StoredUser } from '../store/types.js'

export type { UserEventType }

/**
 * What travels between handler instances. Each instance presents the user for each of its viewers;
 * the stored user rides along when the write has it, so that each event shows its own version even
 * when later writes land before the notice is read.
 */
export interface UserEventNotice {
  /**
   * `tokens.revoked` is told to no one: it closes the streams opened with those tokens.
   * `tokens.pruned` (the oldest tokens gave way to a new one) is told to no one either: it only
   * drops the user's cached tokens, whose pruned ones are found gone on the next lookup.
   */
  type: UserEventType | 'tokens.revoked' | 'tokens.pruned'
  uid: string
  /** For `user.blocked` / `user.unblocked`: the blocker, the only viewer who hears of it. */
  by?: string
  /** For `tokens.revoked`: the SHA-256 of the one token revoked; absent, all of the user's. */
  tokenHash?: string
  /** The user as this write left it; absent, the receiving instance reads its store. */
  user?: StoredUser
}

/** Carries notices between handler instances. */
export interface EventBus {
  publish(notice: UserEventNotice): Promise<void>
  /**
   * Resolves once notices reach `listener`; `onGap` hears that some may have been lost (the
   * connection behind the bus broke and came back).
   */
  subscribe(listener: (notice: UserEventNotice) => void, onGap?: () => void): Promise<() => void>
  close(): Promise<void>
}

/** Options of the event stream (`GET /v3.0/events`, `GET /v3/events`). */
export interface EventStreamOptions {
  /**
   * How events reach other handler instances. Two instances hear each other only through a shared bus:
   * `postgresEventBus(...)` across processes, one `memoryEventBus()` within a process.
   * @default a memoryEventBus() of this handler alone
   */
  bus?: EventBus
  /**
   * How many recent events a reconnecting stream can resume from with `Last-Event-ID`; older ids
   * get a `reset` event, after which a client reloads what it shows.
   * @default 1000
   */
  retain?: number
  /**
   * Seconds between keep-alive comments, so that proxies keep an idle stream open.
   * @default 15
   */
  keepAliveSeconds?: number
  /**
   * Bytes a stream may have waiting for a slow reader; past it the stream is dropped (the reader
   * reconnects and resumes), so one stalled client cannot grow the server's memory.
   * @default 1048576
   */
  maxBufferedBytes?: number
  /**
   * Event streams one user may hold open at once on each handler instance (tabs, devices). One more
   * is refused with 429 `ERR_TOO_MANY_REQUESTS` and `Retry-After`, the open ones left alone: closing
   * the oldest instead would let two clients over the cap knock each other off in turn. Keys have no cap.
   * @default 10
   */
  maxStreamsPerUser?: number
  /**
   * Seconds between looks for users whose silence outlasted the presence timeout (`user.offline`).
   * @default the smaller of 5 and the presence timeout
   */
  sweepSeconds?: number
}
