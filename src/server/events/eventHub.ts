import { UserkitError } from '../../model/index.js'
import { viewerUid, type Actor } from '../actor.js'
import { onlineSince, presentOne, type OperationContext } from '../operations/context.js'
import { StoreUnavailableError } from '../store/storeUnavailable.js'
import type { StoredUser } from '../store/types.js'
import { memoryEventBus } from './memoryEventBus.js'
import { createSseStream, sseFrame, type SseStream } from './sseStream.js'
import type { EventStreamOptions, UserEventNotice, UserEventType } from './types.js'

/** The event streams of one handler instance. */
export interface EventHub {
  /** Sends a notice to every instance on the bus, this one included. */
  publish(notice: UserEventNotice): void
  /** An SSE answer for `actor`, resuming after `lastEventId` when the ring still holds it. */
  open(actor: Actor, lastEventId: string | undefined, signal?: AbortSignal): Promise<Response>
  readonly openStreams: number
}

interface Entry {
  seq: number
  notice: UserEventNotice
  /** The user as the store had it when the notice arrived; null once erased. */
  user: StoredUser | null
}

interface Subscriber {
  actor: Actor
  stream: SseStream
  /** Presenting is async; chaining keeps each stream's events in order. */
  pending: Promise<void>
}

const sseHeaders = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' }

const describe = (actor: Actor): string => (actor.kind === 'user' ? `user ${actor.uid}` : `a ${actor.scope} key`)

const newEpoch = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

function unref(timer: ReturnType<typeof setInterval>): ReturnType<typeof setInterval> {
  ;(timer as { unref?: () => void }).unref?.()
  return timer
}

/**
 * Ids are `<epoch>-<seq>`: monotonic within one instance's life. An id from another instance or an
 * earlier life cannot be resumed from, and gets a `reset` instead of a silent gap.
 */
export function createEventHub(ctx: OperationContext, options: EventStreamOptions, report: (error: unknown) => void): EventHub {
  const bus = options.bus ?? memoryEventBus()
  const retain = options.retain ?? 1000
  const maxBuffered = options.maxBufferedBytes ?? 1 << 20
  const maxPerUser = options.maxStreamsPerUser ?? 10
  const keepAliveMs = (options.keepAliveSeconds ?? 15) * 1000
  const timeout = ctx.presenceTimeout
  const presenceExpires = timeout !== undefined && Number.isFinite(timeout)
  const sweepMs = (options.sweepSeconds ?? Math.min(5, presenceExpires ? (timeout as number) : 5)) * 1000
  let epoch = newEpoch()
  let seq = 0
  const ring: Entry[] = []
  const subscribers = new Set<Subscriber>()
  // Users this instance knows online, with when it last heard so: who may turn offline by silence.
  const online = new Map<string, number>()
  let timers: Array<ReturnType<typeof setInterval>> = []
  let started: Promise<void> | undefined
  // Notices and sweeps run one at a time, in arrival order.
  let incoming: Promise<void> = Promise.resolve()
  const enqueue = (work: () => Promise<void>): void => {
    incoming = incoming.then(work).catch(report)
  }

  const idOf = (n: number): string => `${epoch}-${n}`
  const readUser = (uid: string): Promise<StoredUser | null | undefined> => ctx.store.getUser(uid).catch(() => undefined)

  async function accept(notice: UserEventNotice): Promise<void> {
    if (notice.type === 'tokens.revoked') return revoke(notice)
    if (notice.type === 'tokens.pruned') return
    if (notice.type === 'user.online') {
      const cutoff = onlineSince(ctx)
      const known = online.get(notice.uid)
      online.set(notice.uid, ctx.now())
      // A heartbeat of a user already online is no news.
      if (known !== undefined && (cutoff === undefined || known >= cutoff)) return
    } else if (notice.type === 'user.offline' || notice.type === 'user.deactivated') {
      online.delete(notice.uid)
    }
    append(notice, notice.user ?? (await readUser(notice.uid)) ?? null)
  }

  // A revoked token reads nothing more, whichever instance its stream is on.
  function revoke({ uid, tokenHash }: UserEventNotice): void {
    for (const subscriber of subscribers) {
      const { actor, stream } = subscriber
      if (actor.kind !== 'user' || actor.uid !== uid || !actor.token) continue
      // After what the stream already has on its way.
      if (tokenHash === undefined || actor.token.hash === tokenHash) subscriber.pending = subscriber.pending.then(() => stream.close())
    }
  }

  function append(notice: UserEventNotice, user: StoredUser | null): void {
    const entry: Entry = { seq: ++seq, notice, user }
    ring.push(entry)
    if (ring.length > retain) ring.shift()
    for (const subscriber of subscribers) deliver(subscriber, entry)
  }

  // Every instance sweeps for itself and tells only its own streams: no notice, so no duplicates.
  async function sweep(): Promise<void> {
    const cutoff = onlineSince(ctx)
    if (cutoff === undefined) return
    for (const [uid, at] of online) {
      if (at >= cutoff) continue
      const user = await readUser(uid)
      if (user === undefined) continue
      const lastActive = user?.lastActiveAt ?? 0
      if (user && user.status === 'online' && lastActive >= cutoff) {
        online.set(uid, lastActive)
        continue
      }
      online.delete(uid)
      // Stored offline or erased: the logout's or the erasure's own notice tells the streams.
      if (user?.status === 'online' && user.deactivatedAt === undefined) append({ type: 'user.offline', uid }, user)
    }
  }

  async function payloadFor(actor: Actor, entry: Entry): Promise<Record<string, unknown>> {
    const { notice, user } = entry
    const payload: Record<string, unknown> = { type: notice.type, uid: notice.uid }
    // A user reads no deactivated user; a key does.
    if (!user || (user.deactivatedAt !== undefined && actor.kind === 'user')) return payload
    const shown = await presentOne(ctx, actor, user)
    if (notice.type === 'user.online') shown.status = 'online'
    if (notice.type === 'user.offline') shown.status = 'offline'
    payload.user = shown
    return payload
  }

  function deliver(subscriber: Subscriber, entry: Entry): void {
    const { actor, stream } = subscriber
    const { notice } = entry
    if ((notice.type === 'user.blocked' || notice.type === 'user.unblocked') && viewerUid(actor) !== notice.by) return
    subscriber.pending = subscriber.pending
      .then(async () => {
        if (stream.closed) return
        stream.write(sseFrame(notice.type as UserEventType, await payloadFor(actor, entry), idOf(entry.seq)))
        if (notice.type === 'user.deactivated' && viewerUid(actor) === notice.uid) stream.close()
      })
      .catch(report)
  }

  function start(): Promise<void> {
    started ??= (async () => {
      await bus.subscribe(
        (notice) => enqueue(() => accept(notice)),
        // Notices may have been lost: streams reconnect, and their old ids now get a reset.
        () => {
          epoch = newEpoch()
          ring.length = 0
          for (const subscriber of [...subscribers]) subscriber.stream.close()
        },
      )
      const cutoff = onlineSince(ctx)
      if (cutoff === undefined) return
      const { users } = await ctx.store
        .listUsers({ status: 'online', onlineSince: cutoff, limit: 1000, offset: 0, deactivated: 'exclude', sortBy: 'name', sortOrder: 'asc' })
        .catch(() => ({ users: [] as StoredUser[] }))
      for (const user of users) if (!online.has(user.uid)) online.set(user.uid, user.lastActiveAt ?? ctx.now())
    })()
    started.catch(() => {
      started = undefined
    })
    return started
  }

  function startTimers(): void {
    if (timers.length > 0) return
    timers.push(
      unref(
        setInterval(() => {
          for (const subscriber of subscribers) subscriber.stream.write(': keep-alive\n\n')
        }, keepAliveMs),
      ),
    )
    if (presenceExpires) timers.push(unref(setInterval(() => enqueue(sweep), sweepMs)))
  }

  function stopTimersIfIdle(): void {
    if (subscribers.size > 0) return
    for (const timer of timers) clearInterval(timer)
    timers = []
  }

  function streamsOf(uid: string): number {
    let count = 0
    for (const { actor } of subscribers) if (actor.kind === 'user' && actor.uid === uid) count++
    return count
  }

  function resumeFrom(lastEventId: string): number | undefined {
    const dash = lastEventId.lastIndexOf('-')
    const after = Number(lastEventId.slice(dash + 1))
    if (lastEventId.slice(0, dash) !== epoch || !Number.isInteger(after) || after > seq) return undefined
    const oldest = ring[0]?.seq ?? seq + 1
    return after >= oldest - 1 ? after : undefined
  }

  return {
    publish(notice) {
      bus.publish(notice).catch(report)
    },
    get openStreams() {
      return subscribers.size
    },
    async open(actor, lastEventId, signal) {
      // A bus that cannot listen (its database away) is the same 503 as a store that cannot answer.
      await start().catch((cause: unknown) => {
        throw new StoreUnavailableError('The event bus is unavailable', { cause })
      })
      // Whatever arrived before now is in the ring; a notice still being read lands after.
      await incoming
      if (actor.kind === 'user' && streamsOf(actor.uid) >= maxPerUser) {
        throw new UserkitError(
          'ERR_TOO_MANY_REQUESTS',
          `${actor.uid} already has ${maxPerUser} event streams open on this server; close one (another tab or device) first.`,
        )
      }
      const subscriber = { actor, pending: Promise.resolve() } as Subscriber
      subscriber.stream = createSseStream(
        maxBuffered,
        () => {
          subscribers.delete(subscriber)
          stopTimersIfIdle()
        },
        (queued) => report(new Error(`userkit: dropped the event stream of ${describe(actor)}: its reader fell ${queued} bytes behind (events.maxBufferedBytes ${maxBuffered}); it may reconnect and resume.`)),
      )
      subscribers.add(subscriber)
      startTimers()
      signal?.addEventListener('abort', () => subscriber.stream.close(), { once: true })
      subscriber.stream.write('retry: 1000\n\n')
      const after = lastEventId === undefined ? undefined : resumeFrom(lastEventId)
      if (lastEventId === undefined) subscriber.stream.write(sseFrame('ready', {}, idOf(seq)))
      else if (after === undefined) subscriber.stream.write(sseFrame('reset', {}, idOf(seq)))
      else {
        subscriber.stream.write(sseFrame('ready', {}))
        for (const entry of ring) if (entry.seq > after) deliver(subscriber, entry)
      }
      return new Response(subscriber.stream.body, { headers: sseHeaders })
    },
  }
}
