'use client'
import { useCallback, useEffect, useRef, useState } from 'react'

export interface LeaveGuard {
  /** The inline "discard your changes?" question is showing. */
  confirming: boolean
  /**
   * Resolves `true` at once when nothing is unsaved; otherwise asks (inline) and resolves with the
   * answer, discarding the changes on yes. For a router's blocker:
   * `editor.confirmLeave().then((ok) => (ok ? blocker.proceed() : blocker.reset()))`.
   */
  confirmLeave(): Promise<boolean>
  /** The user answered yes / no. */
  answer(discard: boolean): void
}

/** Asks before unsaved changes are lost: `beforeunload` while dirty, and an inline question otherwise. */
export function useLeaveGuard(isDirty: boolean, discard: () => void): LeaveGuard {
  const [confirming, setConfirming] = useState(false)
  const pending = useRef<((ok: boolean) => void) | null>(null)
  const latest = useRef({ isDirty, discard })
  latest.current = { isDirty, discard }

  useEffect(() => {
    if (!isDirty) return
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault()
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [isDirty])

  const confirmLeave = useCallback((): Promise<boolean> => {
    if (!latest.current.isDirty) return Promise.resolve(true)
    pending.current?.(false)
    setConfirming(true)
    return new Promise<boolean>((resolve) => {
      pending.current = resolve
    })
  }, [])

  const answer = useCallback((yes: boolean): void => {
    if (yes) latest.current.discard()
    setConfirming(false)
    const resolve = pending.current
    pending.current = null
    resolve?.(yes)
  }, [])

  return { confirming, confirmLeave, answer }
}
