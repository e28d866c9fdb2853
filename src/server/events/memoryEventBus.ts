import type { EventBus, UserEventNotice } from './types.js'

/** An event bus within one process: share one between handler instances so they hear each other. */
export function memoryEventBus(): EventBus {
  const listeners = new Set<(notice: UserEventNotice) => void>()
  return {
    async publish(notice) {
      for (const listener of [...listeners]) listener(notice)
    },
    async subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      listeners.clear()
    },
  }
}
