import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import type { LoadFigures } from './figures.js'
import type { VaryContext } from './loadOperation.js'

export interface HttpLoadOptions extends VaryContext {
  url: string
  apiKey: string
  seconds: number
  connections: number
}

const varyRequest = fileURLToPath(new URL('./varyRequest.cts', import.meta.url))

/**
 * autocannon against a running server. The client runs in a worker thread so that it does not take
 * the server's event loop. Any answer but 2xx, error or timeout fails the run: a figure of refusals
 * would be a lie. Requests still in flight at the end are not counted.
 */
export async function httpLoad(options: HttpLoadOptions): Promise<LoadFigures> {
  const { url, apiKey, seconds, connections, ...context } = options
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    workers: 1,
    headers: { apikey: apiKey, 'content-type': 'application/json' },
    initialContext: context,
    requests: [{ setupRequest: varyRequest }],
  })
  const refused = result.non2xx + result.errors + result.timeouts
  if (refused > 0) {
    throw new Error(
      `${options.operation} over HTTP: ${result['2xx']} ok, ${result.non2xx} non-2xx ${JSON.stringify(result.statusCodeStats)}, ` +
        `${result.errors} errors, ${result.timeouts} timeouts`,
    )
  }
  return { perSecond: result['2xx'] / result.duration, p50: result.latency.p50, p99: result.latency.p99, completed: result['2xx'] }
}
