import type { UserEventType } from './types.js'

/** One open stream, written by the hub. */
export interface SseStream {
  readonly body: ReadableStream<Uint8Array>
  /** Queues text; `false` once the stream is closed or was just dropped for reading too slowly. */
  write(text: string): boolean
  close(): void
  readonly closed: boolean
}

const encoder = new TextEncoder()

/** One SSE frame; `data` is JSON on a single line, so it needs no splitting. */
export function sseFrame(event: UserEventType | 'ready' | 'reset', data: unknown, id?: string): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}

/**
 * A byte stream whose queue holds at most `maxBufferedBytes` for a reader that falls behind: past
 * that it errors, which frees the queue at once (closing would keep it until read).
 */
export function createSseStream(maxBufferedBytes: number, onEnd: () => void): SseStream {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  let closed = false
  const end = (): void => {
    if (closed) return
    closed = true
    onEnd()
  }
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c
      },
      cancel: end,
    },
    // A high-water mark of 0: desiredSize is minus the bytes waiting.
    { highWaterMark: 0, size: (chunk) => chunk.byteLength },
  )
  return {
    body,
    get closed() {
      return closed
    },
    write(text) {
      if (closed) return false
      controller.enqueue(encoder.encode(text))
      if (-(controller.desiredSize ?? 0) > maxBufferedBytes) {
        controller.error(new Error('The event stream was dropped: its reader fell too far behind.'))
        end()
        return false
      }
      return true
    },
    close() {
      if (closed) return
      controller.close()
      end()
    },
  }
}
