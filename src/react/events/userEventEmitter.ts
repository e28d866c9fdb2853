import { createContext } from 'react'
import type { UserEvent } from '../../client/readUserEvents.js'

/** Hands each event of the provider's stream to the app's listeners. */
export interface UserEventEmitter {
  emit(event: UserEvent): void
  listen(listener: (event: UserEvent) => void): () => void
}

export function createUserEventEmitter(): UserEventEmitter {
  const listeners = new Set<(event: UserEvent) => void>()
  return {
    emit(event) {
      for (const listener of [...listeners]) listener(event)
    },
    listen(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export const UserEventsContext = createContext<UserEventEmitter | null>(null)
