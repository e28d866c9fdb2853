import type { SyntheticEvent } from 'react'

/**
 * Calls the app's handler, then ours unless the app called `event.preventDefault()`: a prop getter's
 * handler never overrides one the app passed. (Radix `composeEventHandlers`.)
 */
export function composeEventHandlers<TEvent extends SyntheticEvent>(
  theirs: ((event: TEvent) => void) | undefined,
  ours: (event: TEvent) => void,
): (event: TEvent) => void {
  return (event) => {
    theirs?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}
