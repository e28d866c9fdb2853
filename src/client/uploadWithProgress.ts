import { abortReason } from './abort.js'

/** How much of an upload has gone, in bytes. */
export interface UploadProgress {
  loaded: number
  total: number
}

/**
 * Sends `request` (whose body is `blob`) through XMLHttpRequest, the one browser API that reports
 * upload progress: `fetch` reports none, and a streamed request body, which could be counted, is
 * not sent by every browser (and by none over HTTP/1.1). Resolves a `Response` like `fetch`'s, so
 * the answer is read the same way; a network failure rejects with a TypeError, as `fetch` does.
 */
export function uploadWithProgress(
  request: Request,
  blob: Blob,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal | undefined,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(request.method, request.url)
    request.headers.forEach((value, name) => xhr.setRequestHeader(name, value))
    xhr.responseType = 'text'
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : blob.size })
    xhr.onload = () => {
      onProgress({ loaded: blob.size, total: blob.size })
      const headers = new Headers()
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(':')
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim())
      }
      // A Response cannot carry the statuses below 200 (or 0); those never come with a body anyway.
      resolve(new Response(xhr.status >= 200 ? xhr.responseText : null, { status: Math.max(200, xhr.status), headers }))
    }
    xhr.onerror = () => reject(new TypeError('The upload failed: the network is down or the server did not answer.'))
    xhr.onabort = () => reject(signal ? abortReason(signal) : new DOMException('This operation was aborted', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(blob)
  })
}
