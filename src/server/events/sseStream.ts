import type { UserEventType } from './types.js'

/** One open stream, written by the hub. */
export interface SseStream {
  readonly body: ReadableStream<Uint8Array>
  /** Queues text; `false` once the stream is closed or was just dropped for reading too slowly. */
  write(text: string): boolean
  /** Ends the stream once what is queued has been read. */
  close(): void
  readonly closed: boolean
}

const encoder = new TextEncoder()

/** One SSE frame; `data` is JSON on a single line, so it needs no splitting. */
export function sseFrame(event: UserEventType | 'ready' | 'reset', data: unknown, id?: string): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}

/**
 * A byte stream that holds at most `maxBufferedBytes` for a reader that falls behind. Past that the
 * queue is dropped and the stream ends cleanly (`onDrop` is told): the reader reconnects and resumes
 * with Last-Event-ID. Ending, not erroring, keeps the HTTP adapter from logging a failed response.
 */
export function createSseStream(maxBufferedBytes: number, onEnd: () => void, onDrop: (queuedBytes: number) => void = () => {}): SseStream {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  // Chunks wait here, not in the stream's own queue, so a drop can let go of them.
  let queue: Uint8Array[] = []
  let queuedBytes = 0
  let readerWaiting = false
  let closed = false
  let finished = false
  const end = (): void => {
    if (closed) return
    closed = true
    onEnd()
  }
  const finishIfDrained = (): void => {
    if (closed && queue.length === 0 && !finished) {
      finished = true
      controller.close()
    }
  }
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c
      },
      pull() {
        const chunk = queue.shift()
        if (chunk === undefined) {
          readerWaiting = true
          return
        }
        queuedBytes -= chunk.byteLength
        controller.enqueue(chunk)
        finishIfDrained()
      },
      cancel() {
        finished = true
        queue = []
        end()
      },
    },
    { highWaterMark: 0 },
  )
  return {
    body,
    get closed() {
      return closed
    },
    write(text) {
      if (closed) return false
      const chunk = encoder.encode(text)
      if (readerWaiting) {
        readerWaiting = false
        controller.enqueue(chunk)
        return true
      }
      queue.push(chunk)
      queuedBytes += chunk.byteLength
      if (queuedBytes > maxBufferedBytes) {
        const dropped = queuedBytes
        queue = []
        queuedBytes = 0
        end()
        finishIfDrained()
        onDrop(dropped)
        return false
      }
      return true
    },
    close() {
      end()
      finishIfDrained()
    },
  }
}
