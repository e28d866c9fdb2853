import { useCallback, useRef, useState } from 'react'

export interface ControllableStateOptions<T> {
  /** The parent's value: when given (even `undefined` is not), the parent owns the state. */
  value?: T | undefined
  defaultValue: T
  onChange?: ((value: T) => void) | undefined
}

/**
 * State a parent may own (`value` + `onChange`) or leave to the component (`defaultValue`).
 * The setter always reports to `onChange`. (Radix `useControllableState`.)
 */
export function useControllableState<T>({ value, defaultValue, onChange }: ControllableStateOptions<T>): [T, (next: T | ((previous: T) => T)) => void] {
  const [own, setOwn] = useState(defaultValue)
  const controlled = value !== undefined
  const current = controlled ? value : own
  const latest = useRef({ current, controlled, onChange })
  latest.current = { current, controlled, onChange }
  const set = useCallback((next: T | ((previous: T) => T)) => {
    const { current: previous, controlled: isControlled, onChange: report } = latest.current
    const resolved = typeof next === 'function' ? (next as (previous: T) => T)(previous) : next
    if (Object.is(resolved, previous)) return
    if (!isControlled) setOwn(resolved)
    latest.current.current = resolved
    report?.(resolved)
  }, [])
  return [current, set]
}
