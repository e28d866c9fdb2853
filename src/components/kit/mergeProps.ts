import type { Ref, RefCallback } from 'react'
import { composeEventHandlers } from './composeEventHandlers.js'
import type { DataAttributes } from './types.js'

type AnyProps = Record<string, unknown>

// Lists of tokens: both sides' tokens count. Ids in `aria-*` are read in order, and the app's
// description (a hint of its own) comes before ours (an error); classes keep ours first.
const idLists = new Set(['aria-describedby', 'aria-labelledby'])

function joinTokens(first: unknown, second: unknown): string {
  const tokens = `${String(first)} ${String(second)}`.split(/\s+/).filter(Boolean)
  return [...new Set(tokens)].join(' ')
}

function assignRef<T>(ref: Ref<T> | undefined, node: T | null): void {
  if (typeof ref === 'function') ref(node)
  else if (ref) (ref as { current: T | null }).current = node
}

function composeRefs<T>(theirs: Ref<T>, ours: Ref<T>): RefCallback<T> {
  return (node) => {
    assignRef(theirs, node)
    assignRef(ours, node)
  }
}

/**
 * A part's props with the app's merged over ours, where the app wins: its handlers run first and
 * ours is skipped when it called `preventDefault()`; `className` (ours first), `aria-describedby`
 * and `aria-labelledby` (the app's first) keep both sides' tokens; `style` objects merge (the app's keys win); both refs
 * are set; every other prop is the app's. An `undefined` prop of the app's leaves ours in place,
 * so `className={classNames.x}` never erases a getter's value. (Zag and Radix `mergeProps`.) Typed with
 * `data-*` attributes, the kind a getter adds.
 *
 * @example <button {...mergeProps({ type: 'button', onClick: save }, { type: 'submit', onClick: track })} />
 */
export function mergeProps<TOurs extends object, TTheirs extends object = object>(ours: TOurs, theirs?: TTheirs): TOurs & TTheirs & DataAttributes {
  const result: AnyProps = { ...(ours as AnyProps) }
  for (const [key, value] of Object.entries(theirs ?? {})) {
    if (value === undefined) continue
    const own = result[key]
    if (own === undefined || own === null) result[key] = value
    else if (key === 'className') result[key] = joinTokens(own, value)
    else if (idLists.has(key)) result[key] = joinTokens(value, own)
    else if (key === 'style' && typeof own === 'object' && typeof value === 'object') result[key] = { ...own, ...value }
    else if (key === 'ref') result[key] = composeRefs(value as Ref<unknown>, own as Ref<unknown>)
    else if (/^on[A-Z]/.test(key) && typeof own === 'function' && typeof value === 'function') {
      result[key] = composeEventHandlers(value as (...args: unknown[]) => void, own as (...args: unknown[]) => void)
    } else result[key] = value
  }
  return result as TOurs & TTheirs & DataAttributes
}
