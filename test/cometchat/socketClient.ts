import { WebSocket } from 'ws'

/** A raw WebSocket client for the server's CometChat socket: what it received, and how it closed. */
export interface SocketClient {
  received: any[]
  closed: Promise<{ code: number; reason: string }>
  send(frame: unknown): void
  sendRaw(data: string | Buffer): void
  /** The next frame matching `test` (already received or to come), or a timeout error. */
  next(test: (frame: any) => boolean, timeoutMs?: number): Promise<any>
  close(): void
}

/** Opens `ws://host/` (or `wss://` for a self-signed https server) and waits for it to open. */
export async function openSocket(host: string, options: { secure?: boolean } = {}): Promise<SocketClient> {
  const ws = new WebSocket(`${options.secure ? 'wss' : 'ws'}://${host}/`, { rejectUnauthorized: false })
  const received: any[] = []
  const waiters = new Set<() => void>()
  ws.on('message', (data) => {
    received.push(JSON.parse(data.toString()))
    for (const wake of waiters) wake()
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return {
    received,
    closed,
    send: (frame) => ws.send(JSON.stringify(frame)),
    sendRaw: (data) => ws.send(data),
    next: (test, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = received.find(test)
          if (found === undefined) return false
          waiters.delete(wake)
          clearTimeout(timer)
          resolve(found)
          return true
        }
        const wake = (): void => void check()
        const timer = setTimeout(() => {
          waiters.delete(wake)
          reject(new Error(`no matching frame within ${timeoutMs} ms; received ${JSON.stringify(received)}`))
        }, timeoutMs)
        waiters.add(wake)
        check()
      }),
    close: () => ws.close(),
  }
}

/** The `auth` frame as CometChat's SDK 4.2 sends it. */
export function authFrame(uid: string, token: string | undefined, presenceSubscription = 'ALL_USERS'): object {
  return {
    appId: 'userkit-sdk-test',
    deviceId: 'test-device',
    type: 'auth',
    sender: uid,
    body: { auth: token, deviceId: 'test-device', presenceSubscription, params: { platform: 'javascript' } },
  }
}
