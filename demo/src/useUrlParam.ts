import { useCallback, useSyncExternalStore } from 'react'

// The admin console keeps its view and the table's search, filters, sort and page in the query
// string: a reload, a shared link or Back shows the same table.
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

/** One query-string parameter as state: `null` when absent; setting `null` or '' removes it. */
export function useUrlParam(name: string): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => new URLSearchParams(window.location.search).get(name),
    () => null,
  )
  const set = useCallback(
    (next: string | null) => {
      const params = new URLSearchParams(window.location.search)
      if (next === null || next === '') params.delete(name)
      else params.set(name, next)
      const search = params.toString()
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`)
      for (const listener of listeners) listener()
    },
    [name],
  )
  return [value, set]
}
