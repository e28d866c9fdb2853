'use client'
import { useContext, useEffect, useRef } from 'react'
import type { UserEvent } from '../../client/readUserEvents.js'
import { UserEventsContext } from './userEventEmitter.js'

/**
 * Calls `listener` with each user event the provider's stream delivers, after the cache has taken
 * it in. The stream runs while a user is logged in and the provider has `events`.
 * @example useUserEvents((event) => { if (event.type === 'user.online') toast(`${event.user?.name} is here`) })
 */
export function useUserEvents(listener: (event: UserEvent) => void): void {
  const emitter = useContext(UserEventsContext)
  if (!emitter) throw new Error('useUserEvents must be used inside <UserkitProvider>')
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => emitter.listen((event) => latest.current(event)), [emitter])
}
