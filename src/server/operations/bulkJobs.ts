import { UserkitError } from '../../model/index.js'
import { StoreUnavailableError } from '../store/storeUnavailable.js'
import type { BulkAction, BulkFailure, BulkResult } from './bulkUsers.js'

/**
 * A bulk action over more users than one request answers for: it runs in the background, and
 * `GET /bulk_actions/{id}` reports how far it is. `result` comes once it is `done`; a job an
 * unexpected error stopped part way is `failed`, the users it reached staying changed.
 */
export interface BulkJob {
  id: string
  action: BulkAction
  status: 'queued' | 'running' | 'done' | 'failed'
  /** How many users it acts on, and how many it has been through (succeeded or failed). */
  total: number
  processed: number
  failedCount: number
  startedAt: number
  finishedAt?: number
  result?: BulkResult
  error?: { code: string; message: string }
}

/** What a job runs: each uid's change, `undefined` when it was made, the refusal when it was not. */
export type BulkChange = (uid: string) => Promise<UserkitError | undefined>

export interface BulkJobs {
  /** Queues the action over `uids` and answers the job at once. */
  start(action: BulkAction, uids: readonly string[], change: BulkChange): BulkJob
  get(id: string): BulkJob | undefined
}

export interface BulkJobOptions {
  /** Unix seconds, as every timestamp on the wire. */
  now: () => number
  /** Users changed at once within a job. */
  concurrency: number
  /** How long a finished job stays readable, in seconds of `now`. */
  keepSeconds?: number
  /** Finished jobs kept at most (the oldest go first). */
  keepJobs?: number
  /** Told of an error that stopped a job (the handler's `onError`). */
  report: (error: unknown) => void
}

/**
 * The jobs of one handler, kept in its memory: a job runs, and is reported, by the instance that
 * took it (behind several instances, an admin's requests reach one of them; ARCHITECTURE.md).
 * Jobs run one after another, so one admin's 50,000 changes do not take every connection at once.
 */
export function bulkJobs({ now, concurrency, keepSeconds = 60 * 60, keepJobs = 100, report }: BulkJobOptions): BulkJobs {
  const jobs = new Map<string, BulkJob>()
  let queue: Promise<void> = Promise.resolve()

  const forgetOld = (): void => {
    const finished = [...jobs.values()].filter((job) => job.finishedAt !== undefined)
    finished.forEach((job, i) => {
      if (now() - job.finishedAt! > keepSeconds || finished.length - i > keepJobs) jobs.delete(job.id)
    })
  }

  const run = async (job: BulkJob, uids: readonly string[], change: BulkChange): Promise<void> => {
    job.status = 'running'
    const result: BulkResult = { succeeded: [], failed: [], total: uids.length }
    try {
      await forEachLimited(uids, concurrency, async (uid) => {
        const refusal = await refusalOf(change, uid)
        if (refusal) result.failed.push(failureOf(uid, refusal))
        else result.succeeded.push(uid)
        job.processed++
        job.failedCount = result.failed.length
      })
      Object.assign(job, { status: 'done', result })
    } catch (error) {
      const away = error instanceof StoreUnavailableError
      if (!away) report(error)
      const stopped = away
        ? { code: 'ERR_SERVICE_UNAVAILABLE', message: 'The database went away during the bulk action; run it again to finish it.' }
        : { code: 'ERR_INTERNAL', message: 'The bulk action stopped on an unexpected error; run it again to finish it.' }
      Object.assign(job, { status: 'failed', error: stopped })
    }
    job.finishedAt = now()
  }

  return {
    start(action, uids, change) {
      forgetOld()
      const job: BulkJob = { id: crypto.randomUUID(), action, status: 'queued', total: uids.length, processed: 0, failedCount: 0, startedAt: now() }
      jobs.set(job.id, job)
      queue = queue.then(() => run(job, uids, change))
      return { ...job }
    },
    get(id) {
      const job = jobs.get(id)
      return job && { ...job }
    },
  }
}

/** The change for one uid: a refusal (`UserkitError`) is that uid's outcome; anything else (the database gone, a bug) stops the whole. */
export async function refusalOf(change: BulkChange, uid: string): Promise<UserkitError | undefined> {
  try {
    return await change(uid)
  } catch (error) {
    if (error instanceof UserkitError) return error
    throw error
  }
}

export const failureOf = (uid: string, error: UserkitError): BulkFailure => ({ uid, code: error.code, message: error.message })

/** `fn` over `items`, at most `limit` at a time. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      await fn(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

export const jobNotFound = (id: string): UserkitError => new UserkitError('ERR_JOB_NOT_FOUND', `No bulk job ${id} here: it finished over an hour ago, or another server instance runs it.`)
