import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Result } from 'autocannon'
import type { LoadFigures } from './figures.js'
import type { VaryContext } from './loadOperation.js'

export interface HttpLoadOptions extends VaryContext {
  url: string
  seconds: number
  connections: number
}

const client = fileURLToPath(new URL('./loadClient.ts', import.meta.url))

/**
 * autocannon against a running server, from a child process so that the client takes neither the
 * server's event loop nor a share of its CPU figure. Any answer but 2xx, error or timeout fails the
 * run: a figure of refusals would be a lie. Requests still in flight at the end are not counted.
 */
export async function httpLoad(options: HttpLoadOptions): Promise<LoadFigures> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', client, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => void (text += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`the load client exited with ${code}`))))
  })
  const result = JSON.parse(output.trim().split('\n').at(-1) as string) as Result
  const refused = result.non2xx + result.errors + result.timeouts
  if (refused > 0) {
    throw new Error(
      `${options.operation} over HTTP: ${result['2xx']} ok, ${result.non2xx} non-2xx ${JSON.stringify(result.statusCodeStats)}, ` +
        `${result.errors} errors, ${result.timeouts} timeouts`,
    )
  }
  return { perSecond: result['2xx'] / result.duration, p50: result.latency.p50, p99: result.latency.p99, completed: result['2xx'] }
}
