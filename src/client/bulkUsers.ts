import { isUserkitError, UserkitError, type UserkitErrorCode } from '../model/index.js'
import { abortReason } from './abort.js'
import { path, type Surface, type Transport } from './request.js'
import type { BulkProgress, BulkUsersInput, BulkUsersOptions, BulkUsersResult } from './types.js'

interface BulkJobAnswer {
  id: string
  status: 'queued' | 'running' | 'done' | 'failed'
  total: number
  processed: number
  failedCount: number
  result?: BulkUsersResult
  error?: { code: UserkitErrorCode; message: string }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal))
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(abortReason(signal!))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

const progressOf = (job: BulkJobAnswer): BulkProgress => ({ processed: job.processed, total: job.total, failed: job.failedCount })

// A look at a job's progress that found no server is tried again this many times (once a poll
// interval) before the caller hears of it: the job goes on meanwhile, a blip must not end the wait.
const POLL_RETRIES = 3
const passing = (error: unknown): boolean => isUserkitError(error) && (error.code === 'ERR_NETWORK' || error.code === 'ERR_SERVICE_UNAVAILABLE')

/**
 * `POST /bulk_actions`, and when the server made the action a job (202, more users than it changes
 * while a request waits), its progress read every `pollMs` until it ends: the caller gets the same
 * result either way. Aborting stops the waiting, not the job; so does a failure to reach the server
 * that outlasts a few retries, and the job, already under way, still runs to its end.
 */
export async function bulkUsers(transport: Transport, surface: Surface, input: BulkUsersInput, options: BulkUsersOptions): Promise<BulkUsersResult> {
  const { signal, onProgress, pollMs = 500 } = options
  const { envelope, status } = await transport.send({ method: 'POST', surface, path: '/bulk_actions', body: input, signal })
  if (status !== 202) {
    const result = envelope.data as BulkUsersResult
    onProgress?.({ processed: result.total, total: result.total, failed: result.failed.length })
    return result
  }
  let job = (envelope.data as { job: BulkJobAnswer }).job
  for (;;) {
    onProgress?.(progressOf(job))
    if (job.status === 'done' && job.result) return job.result
    if (job.status === 'failed') throw new UserkitError(job.error?.code ?? 'ERR_INTERNAL', job.error?.message ?? 'The bulk action stopped.')
    await wait(pollMs, signal)
    job = await look(job.id)
  }

  async function look(id: string): Promise<BulkJobAnswer> {
    for (let attempt = 0; ; attempt++) {
      try {
        return ((await transport.send({ method: 'GET', surface, path: path`/bulk_actions/${id}`, signal })).envelope.data as { job: BulkJobAnswer }).job
      } catch (error) {
        if (attempt >= POLL_RETRIES || !passing(error)) throw error
        await wait(pollMs, signal)
      }
    }
  }
}
