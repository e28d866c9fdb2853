import { createRequire } from 'node:module'
import { initSdk, type Act, type Outcome, type Sdk, type SdkRuntime } from './sdkRuntime.js'

/** Web Storage in a Map: the SDK keeps its session in localStorage. */
class MemoryStorage {
  #items = new Map<string, string>()
  get length(): number {
    return this.#items.size
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value))
  }
  removeItem(key: string): void {
    this.#items.delete(key)
  }
  clear(): void {
    this.#items.clear()
  }
}

/**
 * CometChat's SDK in this Node process, over plain http: it always builds `https://` URLs, which
 * the fetch shim turns back into `http://`. The shims are the browser bits it touches in Node; they
 * stay for the life of the test process, since the SDK's timers outlive any test.
 */
export async function nodeRuntime(host: string, appId: string): Promise<SdkRuntime> {
  const realFetch = globalThis.fetch
  const define = (name: string, value: unknown): void => {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true })
  }
  define('window', globalThis)
  define('localStorage', new MemoryStorage())
  define('navigator', { userAgent: 'userkit-test (Node)', language: 'en' })
  // Read as login ends (a throw there would leave its login-in-progress flag set) and about 5 s
  // later, to describe the device and guess the app's framework.
  define('location', { hostname: 'localhost', origin: 'http://localhost', href: 'http://localhost/' })
  define('document', { querySelector: () => null, hasFocus: () => true })
  define('matchMedia', () => ({ matches: false }))
  define('fetch', (input: string | URL | Request, init?: RequestInit) => {
    // Node's fetch rejects the SDK's referrer "no-referrer".
    const { referrer: _referrer, ...rest } = init ?? {}
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    return realFetch(url.replace(/^https:\/\//, 'http://'), rest)
  })
  const sdk = createRequire(import.meta.url)('@cometchat/chat-sdk-javascript') as Sdk
  const run = async <TArgs, TResult>(act: Act<TArgs, TResult>, args: TArgs): Promise<Outcome<TResult>> => {
    try {
      const value = await act(sdk, args)
      return { ok: true, value: value === undefined ? value : JSON.parse(JSON.stringify(value)) }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? { name: error.name, message: error.message } : JSON.parse(JSON.stringify(error)) }
    }
  }
  const init = await run(initSdk, { appId, host })
  if (!init.ok) throw new Error(`CometChat.init failed: ${JSON.stringify(init.error)}`)
  return {
    run,
    close: async () => {},
  }
}
