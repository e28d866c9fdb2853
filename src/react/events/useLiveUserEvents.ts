'use client'
import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { UserClient } from '../../client/index.js'
import type { CurrentUserStore } from '../currentUserStore.js'
import { userKeys } from '../userKeys.js'
import { applyUserEvent } from './applyUserEvent.js'
import { subscribeUserEvents } from './subscribeUserEvents.js'
import { createUserEventEmitter, type UserEventEmitter } from './userEventEmitter.js'

/** `<UserkitProvider events>`: on, or on with options. The stream is the client's (`client.events()`). */
export type UserEventsSource =
  | boolean
  | {
      /** Seconds between presence heartbeats while the page is visible. @default 30 */
      heartbeatSeconds?: number
    }

/** While a user is logged in, keeps the cache current from the event stream; hands events on. */
export function useLiveUserEvents(
  client: UserClient,
  store: CurrentUserStore,
  queryClient: QueryClient,
  source: UserEventsSource | undefined,
): UserEventEmitter {
  const [emitter] = useState(createUserEventEmitter)
  const on = source !== undefined && source !== false
  const heartbeatSeconds = typeof source === 'object' ? source.heartbeatSeconds : undefined
  useEffect(() => {
    if (!on) return undefined
    let token: string | null = null
    let stop: (() => void) | undefined
    const follow = (): void => {
      const state = store.getState()
      const next = state.status === 'authenticated' ? (state.authToken ?? client.authToken ?? null) : null
      if (next === token) return
      stop?.()
      stop = undefined
      token = next
      if (next === null) return
      stop = subscribeUserEvents({
        // The logged-in user's own stream, whatever credentials the client started with.
        open: (lastEventId, signal) => client.withCredentials({ authToken: next }).events({ signal, ...(lastEventId ? { lastEventId } : {}) }),
        onEvent: (event) => {
          applyUserEvent(queryClient, store, event)
          emitter.emit(event)
        },
        onCatchUp: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
        heartbeat: () => client.heartbeat(),
        heartbeatMs: (heartbeatSeconds ?? 30) * 1000,
      })
    }
    follow()
    const unsubscribe = store.subscribe(follow)
    return () => {
      unsubscribe()
      stop?.()
    }
  }, [client, store, queryClient, emitter, on, heartbeatSeconds])
  return emitter
}
