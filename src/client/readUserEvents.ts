import type { User, UserEventType } from '../model/index.js'
import type { FetchLike } from './options.js'
import { readEnvelope } from './response.js'

export type { UserEventType }

/**
 * One message of the event stream. `ready` opens it; `reset` says events were missed (the id to
 * resume from was too old), so whatever is shown should be reloaded.
 */
export type UserEventMessage = UserEvent | { type: 'ready' | 'reset'; id?: string }

/** A change to one user, with the id to resume after. */
export interface UserEvent {
  type: UserEventType
  id: string
  uid: string
  /** The user as the viewer may see it; absent once erased, or deactivated (for a token). */
  user?: User
}

export interface ReadUserEventsOptions {
  /** Where the server lives, without the API version, as for `createUserClient`. */
  baseUrl: string
  /** A user's token: the stream of `/v3.0`. */
  authToken?: string
  /** A fullAccess key, when there is no token: the stream of `/v3`. */
  apiKey?: string
  appId?: string
  /** Resume after this event: nothing in between is missed while the server still holds it. */
  lastEventId?: string
  /** @default globalThis.fetch */
  fetch?: FetchLike
  /** Ends the stream. */
  signal?: AbortSignal
}

/**
 * Reads the server's event stream over `fetch` (EventSource cannot send the `authtoken` header).
 * Rejects with a `UserkitError` when the server refuses; ends when the server closes the stream.
 * @example for await (const event of readUserEvents({ baseUrl, authToken })) console.log(event.type)
 */
export async function* readUserEvents(options: ReadUserEventsOptions): AsyncGenerator<UserEventMessage, void, undefined> {
  const headers = new Headers({ accept: 'text/event-stream' })
  const surface = options.authToken !== undefined ? '/v3.0' : '/v3'
  if (options.authToken !== undefined) headers.set('authtoken', options.authToken)
  else if (options.apiKey !== undefined) headers.set('apikey', options.apiKey)
  if (options.appId !== undefined) headers.set('appid', options.appId)
  if (options.lastEventId !== undefined) headers.set('last-event-id', options.lastEventId)
  const url = `${options.baseUrl.replace(/\/+$/, '')}${surface}/events`
  const fetchFn = options.fetch ?? ((request: Request) => globalThis.fetch(request))
  const response = await fetchFn(new Request(url, { headers, ...(options.signal ? { signal: options.signal } : {}) }))
  if (!response.ok || !response.body) {
    readEnvelope(response, await response.text())
    throw new Error(`The event stream answered ${response.status} without a body.`)
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  const stop = (): void => void reader.cancel().catch(() => {})
  options.signal?.addEventListener('abort', stop, { once: true })
  let buffer = ''
  let fields: { id?: string; event?: string; data: string[] } = { data: [] }
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      buffer += value
      const lines = buffer.split(/\r\n|\r|\n/)
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        if (line === '') {
          const message = toMessage(fields)
          fields = { data: [] }
          if (message) yield message
          continue
        }
        if (line.startsWith(':')) continue
        const colon = line.indexOf(':')
        const name = colon < 0 ? line : line.slice(0, colon)
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
        if (name === 'data') fields.data.push(value)
        else if (name === 'id') fields.id = value
        else if (name === 'event') fields.event = value
      }
    }
  } catch (error) {
    if (options.signal?.aborted) return
    throw error
  } finally {
    options.signal?.removeEventListener('abort', stop)
    stop()
  }
}

function toMessage(fields: { id?: string; event?: string; data: string[] }): UserEventMessage | undefined {
  if (fields.event === undefined || fields.data.length === 0) return undefined
  const data = JSON.parse(fields.data.join('\n')) as Record<string, unknown>
  return { ...data, type: fields.event, ...(fields.id !== undefined ? { id: fields.id } : {}) } as UserEventMessage
}
