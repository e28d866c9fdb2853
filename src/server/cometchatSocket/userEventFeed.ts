import { rememberClientAddress } from '../clientAddress.js'

/** One event of the user event stream (`GET /v3.0/events`), its `data` parsed. */
export interface UserEvent {
  type: string
  data: Record<string, unknown>
}

/** What the socket's token may do, learnt through the handler's own client API. */
export interface TokenCall {
  (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response>
}

/**
 * Calls the handler as the socket's user: every check the client API makes (the token, its expiry,
 * the failed-authentication limits by the socket's address) applies to the socket too.
 */
export function tokenCaller(handler: (request: Request) => Promise<Response>, origin: string, token: string, address: string | undefined): TokenCall {
  return (method, path, body) => {
    const headers: Record<string, string> = { authtoken: token }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const request = new Request(new URL(path, origin), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
    rememberClientAddress(request, address)
    return handler(request)
  }
}

/** The error code of a refused call (`AUTH_ERR_AUTH_TOKEN_NOT_FOUND`, …), or `ERR_INTERNAL`. */
export async function errorCodeOf(response: Response): Promise<string> {
  const answer = (await response.json().catch(() => undefined)) as { error?: { code?: unknown } } | undefined
  return typeof answer?.error?.code === 'string' ? answer.error.code : 'ERR_INTERNAL'
}

/**
 * The user events of an open `GET /v3.0/events` answer, as they arrive. The stream is the same hub
 * the SSE clients read (so another instance's events arrive through the bus), with the same bounds:
 * its per-user cap and its buffer for a slow reader.
 */
export async function* readUserEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<UserEvent> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let pending = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      pending += decoder.decode(value, { stream: true })
      let end: number
      while ((end = pending.indexOf('\n\n')) >= 0) {
        const block = pending.slice(0, end)
        pending = pending.slice(end + 2)
        const event = eventOf(block)
        if (event) yield event
      }
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
}

// The hub writes `event:` and one `data:` line of JSON per event (events/sseStream.ts); comments
// (keep-alives), `retry:` and `id:` lines carry nothing a socket needs.
function eventOf(block: string): UserEvent | undefined {
  let type: string | undefined
  let data: string | undefined
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) type = line.slice(7)
    else if (line.startsWith('data: ')) data = line.slice(6)
  }
  if (type === undefined || data === undefined) return undefined
  try {
    const parsed: unknown = JSON.parse(data)
    return typeof parsed === 'object' && parsed !== null ? { type, data: parsed as Record<string, unknown> } : undefined
  } catch {
    return undefined
  }
}
