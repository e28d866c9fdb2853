import { UserkitError } from '../model/index.js'
import { isAbortError, raceAbort, abortReason } from './abort.js'
import type { FetchLike } from './options.js'
import { readEnvelope, type Envelope } from './response.js'
import { uploadWithProgress, type UploadProgress } from './uploadWithProgress.js'

/** `rest` is `/v3` with `apikey`; `client` is `/v3.0` with `authtoken`. */
export type Surface = 'rest' | 'client'

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  surface: Surface
  /** From {@link path}: starts with `/`, segments encoded. */
  path: string
  /** Without `?`; empty or absent for none. */
  query?: string
  body?: unknown
  /** A file sent as it is (a picture), in place of a JSON `body`. */
  blob?: Blob
  /** Upload progress of `blob`: reported through XMLHttpRequest when the client uses the browser's own fetch. */
  onProgress?: (progress: UploadProgress) => void
  /** A body sent as is (an import's CSV), with its media type. */
  file?: { text: string; type: string }
  ifMatch?: string
  signal?: AbortSignal
}

export interface Credentials {
  appId?: string
  apiKey?: string
  authToken?: string
}

export interface Transport {
  /** Sends and reads the envelope; the HTTP status comes along for error messages. */
  send(request: ApiRequest): Promise<{ envelope: Envelope; status: number }>
  /** Sends and resolves a successful answer's body unread (an export); a failure rejects as `send` does. */
  stream(request: ApiRequest): Promise<ReadableStream<Uint8Array>>
}

/** A path whose interpolated values (uids, tokens) are encoded as one segment each. */
export function path(strings: TemplateStringsArray, ...segments: string[]): string {
  return strings.reduce((text, part, i) => text + part + (i < segments.length ? encodeURIComponent(segments[i]!) : ''), '')
}

const surfacePrefix: Record<Surface, string> = { rest: '/v3', client: '/v3.0' }

/**
 * `ownFetch`: the app passed no `fetch` of its own, so an upload with progress may go through
 * XMLHttpRequest instead (the app's function, a test's handler, is always honoured).
 */
export function createTransport(baseUrl: string, fetchFn: FetchLike, credentials: () => Credentials, ownFetch = false): Transport {
  // Plain concatenation, not `new URL`: a relative base such as '/api' is fine in a browser.
  const base = baseUrl.replace(/\/+$/, '')

  function buildRequest(request: ApiRequest): Request {
    const { appId, apiKey, authToken } = credentials()
    const headers = new Headers({ accept: 'application/json' })
    if (appId !== undefined) headers.set('appid', appId)
    if (request.surface === 'rest' && apiKey !== undefined) headers.set('apikey', apiKey)
    if (request.surface === 'client' && authToken !== undefined) headers.set('authtoken', authToken)
    if (request.ifMatch !== undefined) headers.set('if-match', request.ifMatch)
    const init: RequestInit = { method: request.method, headers }
    if (request.body !== undefined) {
      headers.set('content-type', 'application/json')
      init.body = JSON.stringify(request.body)
    } else if (request.blob) {
      // The server goes by the bytes; the type only has to be one a foreign form could not send.
      headers.set('content-type', request.blob.type.startsWith('image/') ? request.blob.type : 'application/octet-stream')
      init.body = request.blob
    } else if (request.file !== undefined) {
      headers.set('content-type', request.file.type)
      init.body = request.file.text
    }
    if (request.signal) init.signal = request.signal
    const query = request.query ? `?${request.query}` : ''
    return new Request(`${base}${surfacePrefix[request.surface]}${request.path}${query}`, init)
  }

  async function exchange(request: Request, api: ApiRequest): Promise<{ response: Response; text: string }> {
    let response: Response
    try {
      const { blob, onProgress } = api
      const viaXhr = blob && onProgress && ownFetch && typeof XMLHttpRequest !== 'undefined'
      response = viaXhr ? await uploadWithProgress(request, blob, onProgress, api.signal) : await fetchFn(request)
      if (blob && onProgress && !viaXhr) onProgress({ loaded: blob.size, total: blob.size })
    } catch (error) {
      throw networkError(error, request)
    }
    try {
      return { response, text: await response.text() }
    } catch (error) {
      throw networkError(error, request)
    }
  }

  return {
    async send(request) {
      const { signal } = request
      if (signal?.aborted) throw abortReason(signal)
      const built = buildRequest(request)
      try {
        const { response, text } = await raceAbort(exchange(built, request), signal)
        return { envelope: readEnvelope(response, text), status: response.status }
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal)
        throw error
      }
    },
    async stream(request) {
      const { signal } = request
      if (signal?.aborted) throw abortReason(signal)
      const built = buildRequest(request)
      let response: Response
      try {
        response = await raceAbort(Promise.resolve(fetchFn(built)), signal)
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal)
        throw networkError(error, built)
      }
      if (response.ok && response.body) return response.body
      // A failure is the usual envelope; reading it throws the UserkitError.
      readEnvelope(response, await response.text())
      throw new UserkitError('ERR_BAD_RESPONSE', `The server's answer (HTTP ${response.status}) has no body.`, { status: response.status })
    },
  }
}

function networkError(error: unknown, request: Request): unknown {
  if (isAbortError(error)) return error
  const reason = error instanceof Error ? error.message : String(error)
  return new UserkitError('ERR_NETWORK', `No answer from ${request.method} ${request.url}: ${reason}`, {
    status: 0,
    cause: error,
  })
}
