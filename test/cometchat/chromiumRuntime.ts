import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { chromium } from 'playwright'
import { chromiumArgs, chromiumPath } from '../setup/chromium.js'
import { initSdk, type Act, type Outcome, type SdkRuntime } from './sdkRuntime.js'

const executablePath = chromiumPath
// The server's certificate is self-signed, made by the test.
const args = [...chromiumArgs, '--ignore-certificate-errors']

/** A page with the SDK's browser build, on an origin of its own (so every call is cross-origin). */
export async function startPageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const sdkSource = readFileSync(createRequire(import.meta.url).resolve('@cometchat/chat-sdk-javascript'), 'utf8')
  const page = '<!doctype html><html><head><title>CometChat SDK</title><script src="/CometChat.js"></script></head><body></body></html>'
  const server: Server = createServer((request, response) => {
    const [type, body] = request.url === '/CometChat.js' ? ['text/javascript', sdkSource] : ['text/html', page]
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

/** CometChat's SDK in headless Chromium, driven through `page.evaluate`. */
export async function chromiumRuntime(pageOrigin: string, host: string, appId: string): Promise<SdkRuntime> {
  const browser = await chromium.launch({ executablePath, args, headless: true })
  try {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(pageOrigin)
    const run = async <TArgs, TResult>(act: Act<TArgs, TResult>, actArgs: TArgs): Promise<Outcome<TResult>> =>
      page.evaluate(
        async ([source, input]) => {
          // The window holds every export of the SDK's UMD build, as the Node module does.
          const fn = (0, eval)(`(${source})`) as (sdk: unknown, args: unknown) => Promise<unknown>
          try {
            const value = await fn(window, input)
            return { ok: true, value: value === undefined ? value : JSON.parse(JSON.stringify(value)) }
          } catch (error) {
            return { ok: false, error: error instanceof Error ? { name: error.name, message: error.message } : JSON.parse(JSON.stringify(error)) }
          }
        },
        [act.toString(), actArgs] as const,
      ) as Promise<Outcome<TResult>>
    const init = await run(initSdk, { appId, host })
    if (!init.ok) throw new Error(`CometChat.init failed in Chromium: ${JSON.stringify(init.error)} ${errors.join('; ')}`)
    return { run, close: () => browser.close() }
  } catch (error) {
    await browser.close()
    throw error
  }
}
