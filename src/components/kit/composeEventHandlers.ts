/**
 * Calls the app's handler, then ours unless the app called `event.preventDefault()`: a prop getter's
 * handler never overrides one the app passed. (Radix `composeEventHandlers`.)
 */
export function composeEventHandlers<TArgs extends unknown[]>(
  theirs: ((...args: TArgs) => void) | undefined,
  ours: (...args: TArgs) => void,
): (...args: TArgs) => void {
  return (...args) => {
    theirs?.(...args)
    const [event] = args
    // Not every `on*` prop receives an event (`onValueChange`): only an event can be prevented.
    if (typeof event === 'object' && event !== null && (event as { defaultPrevented?: unknown }).defaultPrevented === true) return
    ours(...args)
  }
}
