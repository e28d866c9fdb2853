/** A request as the handler received it; `headers` and `signal` are there but not enumerable. */
export interface RecordedRequest {
  method: string
  /** Path and query as sent (still encoded), e.g. `/v3/users?uids=a,b`. */
  path: string
  headers: Headers
  /** The JSON body, parsed; absent when none was sent. */
  body?: unknown
  /** The `If-Match` header, when sent. */
  ifMatch?: string
  /** The `authtoken` header, when sent. */
  authToken?: string
  /** The `Last-Event-ID` header, when sent (an event stream resuming). */
  lastEventId?: string
  signal: AbortSignal
}

/** What a recording fetch keeps of `request`, read without consuming it. */
export async function recordRequest(request: Request): Promise<RecordedRequest> {
  const url = new URL(request.url)
  const entry = { method: request.method, path: `${url.pathname}${url.search}` } as RecordedRequest
  // At hand, but left out of a test's `toEqual` of what was sent: those compare what it says.
  Object.defineProperties(entry, { headers: { value: request.headers }, signal: { value: request.signal } })
  // A picture's bytes are not JSON: only the JSON bodies are kept.
  const json = request.headers.get('content-type')?.startsWith('application/json') ?? false
  const text = request.body && json ? await request.clone().text() : ''
  if (text) entry.body = JSON.parse(text)
  const ifMatch = request.headers.get('if-match')
  if (ifMatch !== null) entry.ifMatch = ifMatch
  const authToken = request.headers.get('authtoken')
  if (authToken !== null) entry.authToken = authToken
  const lastEventId = request.headers.get('last-event-id')
  if (lastEventId !== null) entry.lastEventId = lastEventId
  return entry
}

/** `METHOD /path?query` of each request. */
export const lines = (sent: readonly Pick<RecordedRequest, 'method' | 'path'>[]): string[] => sent.map(({ method, path }) => `${method} ${path}`)
