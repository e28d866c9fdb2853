import { UserkitError, type User } from '../model/index.js'
import { abortReason } from './abort.js'

/** At most this many distinct uids go into one `GET /users?uids=`. */
export const maxUidsPerBatch = 100

export interface GetUserBatcherOptions {
  /** Fetches one user by uid: used when a batch holds a single uid, so its caller gets the exact error. */
  fetchOne(uid: string, signal: AbortSignal): Promise<User>
  /** Fetches the users among `uids` (lowercased, distinct) that exist. */
  fetchMany(uids: string[], signal: AbortSignal): Promise<User[]>
}

export interface GetUserBatcher {
  load(uid: string, signal?: AbortSignal): Promise<User>
}

interface Waiter {
  uid: string
  key: string
  settled: boolean
  resolve(user: User): void
  reject(error: unknown): void
  release(): void
  chunk?: Chunk
}

interface Chunk {
  waiters: Waiter[]
  controller: AbortController
}

/**
 * Collects `getUser` calls until a `setTimeout(0)` fires, then sends them as few requests as it
 * can. A list that lists many users in one render thus costs one request, not one per row.
 */
export function createGetUserBatcher({ fetchOne, fetchMany }: GetUserBatcherOptions): GetUserBatcher {
  let queue: Waiter[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  function settle(waiter: Waiter, outcome: { user: User } | { error: unknown }): void {
    if (waiter.settled) return
    waiter.settled = true
    waiter.release()
    if ('user' in outcome) waiter.resolve(outcome.user)
    else waiter.reject(outcome.error)
  }

  function abandon(waiter: Waiter, reason: unknown): void {
    settle(waiter, { error: reason })
    const { chunk } = waiter
    // A request still wanted by one caller runs on; the others are already rejected.
    if (chunk && chunk.waiters.every((other) => other.settled)) chunk.controller.abort(reason)
  }

  async function send(keys: string[], waiters: Waiter[]): Promise<void> {
    const controller = new AbortController()
    const chunk: Chunk = { waiters, controller }
    for (const waiter of waiters) waiter.chunk = chunk
    try {
      if (keys.length === 1) {
        const user = await fetchOne(waiters[0]!.uid, controller.signal)
        for (const waiter of waiters) settle(waiter, { user })
        return
      }
      const users = await fetchMany(keys, controller.signal)
      const byKey = new Map(users.map((user) => [user.uid.toLowerCase(), user]))
      for (const waiter of waiters) {
        const user = byKey.get(waiter.key)
        settle(
          waiter,
          user
            ? { user }
            : { error: new UserkitError('ERR_UID_NOT_FOUND', `The user ${waiter.uid} does not exist.`, { status: 404 }) },
        )
      }
    } catch (error) {
      for (const waiter of waiters) settle(waiter, { error })
    }
  }

  function flush(): void {
    timer = undefined
    const byKey = new Map<string, Waiter[]>()
    for (const waiter of queue) {
      if (waiter.settled) continue
      const same = byKey.get(waiter.key)
      if (same) same.push(waiter)
      else byKey.set(waiter.key, [waiter])
    }
    queue = []
    const keys = [...byKey.keys()]
    for (let start = 0; start < keys.length; start += maxUidsPerBatch) {
      const chunkKeys = keys.slice(start, start + maxUidsPerBatch)
      void send(
        chunkKeys,
        chunkKeys.flatMap((key) => byKey.get(key)!),
      )
    }
  }

  return {
    load(uid, signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal))
      return new Promise<User>((resolve, reject) => {
        const waiter: Waiter = { uid, key: uid.toLowerCase(), settled: false, resolve, reject, release: () => {} }
        if (signal) {
          const onAbort = (): void => abandon(waiter, abortReason(signal))
          signal.addEventListener('abort', onAbort, { once: true })
          waiter.release = () => signal.removeEventListener('abort', onAbort)
        }
        queue.push(waiter)
        timer ??= setTimeout(flush, 0)
      })
    },
  }
}
