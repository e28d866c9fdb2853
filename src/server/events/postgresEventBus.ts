import type { EventBus, UserEventNotice } from './types.js'

export interface PostgresEventBusOptions {
  /** The database every handler instance shares. @example process.env.DATABASE_URL */
  connectionString: string
  /**
   * The `LISTEN` channel; instances on one database hear each other only on the same channel.
   * @default 'userkit_events'
   */
  channel?: string
}

interface ListenClient {
  connect(): Promise<unknown>
  query(sql: string, params?: unknown[]): Promise<unknown>
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown
  on(event: 'error' | 'end', listener: (error?: Error) => void): unknown
  end(): Promise<void>
}

const RECONNECT_MS = 1000
// PostgreSQL refuses a payload of 8000 bytes or more; without the user, the receiver reads its store.
const MAX_PAYLOAD_BYTES = 7900

function payloadOf(notice: UserEventNotice): string {
  const full = JSON.stringify(notice)
  if (new TextEncoder().encode(full).byteLength <= MAX_PAYLOAD_BYTES) return full
  const { user: _tooLarge, ...rest } = notice
  return JSON.stringify(rest)
}

/**
 * Carries events between handler instances through PostgreSQL `LISTEN/NOTIFY`, on one dedicated
 * connection (through `pg`, loaded on first use) that reconnects when it breaks.
 * @example createUserHandler({ store, keys, events: { bus: postgresEventBus({ connectionString }) } })
 */
export function postgresEventBus(options: PostgresEventBusOptions): EventBus {
  const channel = options.channel ?? 'userkit_events'
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new TypeError(`channel must be a lowercase SQL identifier, not ${channel}`)
  const listeners = new Set<(notice: UserEventNotice) => void>()
  const gaps = new Set<() => void>()
  let connecting: Promise<ListenClient> | undefined
  let closed = false
  const publishing = new Set<Promise<unknown>>()

  async function open(): Promise<ListenClient> {
    const pg = await import('pg')
    const Client = pg.Client ?? (pg as unknown as { default: typeof pg }).default.Client
    const client = new Client({ connectionString: options.connectionString }) as unknown as ListenClient
    client.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return
      let notice: UserEventNotice
      try {
        notice = JSON.parse(message.payload) as UserEventNotice
      } catch {
        return
      }
      for (const listener of [...listeners]) listener(notice)
    })
    let lost = false
    const onLost = (): void => {
      if (lost || closed) return
      lost = true
      connecting = undefined
      client.end().catch(() => {})
      setTimeout(() => {
        if (closed || listeners.size === 0) return
        connection()
          .then(() => {
            for (const gap of [...gaps]) gap()
          })
          .catch(onLost)
      }, RECONNECT_MS)
    }
    client.on('error', onLost)
    client.on('end', onLost)
    await client.connect()
    await client.query(`LISTEN ${channel}`)
    return client
  }

  function connection(): Promise<ListenClient> {
    if (closed) return Promise.reject(new Error('postgresEventBus is closed'))
    connecting ??= open().catch((error: unknown) => {
      connecting = undefined
      throw error
    })
    return connecting
  }

  return {
    async publish(notice) {
      const sending = connection().then((client) => client.query('SELECT pg_notify($1, $2)', [channel, payloadOf(notice)]))
      publishing.add(sending)
      try {
        await sending
      } finally {
        publishing.delete(sending)
      }
    },
    async subscribe(listener, onGap) {
      listeners.add(listener)
      if (onGap) gaps.add(onGap)
      await connection()
      return () => {
        listeners.delete(listener)
        if (onGap) gaps.delete(onGap)
      }
    },
    async close() {
      // Writes acknowledged before close() still reach the other instances.
      await Promise.allSettled([...publishing])
      closed = true
      const client = await connecting?.catch(() => undefined)
      connecting = undefined
      await client?.end()
    },
  }
}
