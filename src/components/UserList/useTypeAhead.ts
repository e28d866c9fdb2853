'use client'
import { useCallback, useEffect, useMemo, useRef } from 'react'

export interface TypeAhead {
  /** Adds a typed character and returns everything typed since the last pause. */
  push(character: string): string
  /** Whether the user is mid-word: then Space is part of the name, not a selection. */
  typing(): boolean
}

/** The letters typed in a quick run, forgotten after `pauseMs` without a key. */
export function useTypeAhead(pauseMs = 500): TypeAhead {
  const buffer = useRef('')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const push = useCallback(
    (character: string): string => {
      clearTimeout(timer.current)
      buffer.current += character
      timer.current = setTimeout(() => void (buffer.current = ''), pauseMs)
      return buffer.current
    },
    [pauseMs],
  )
  return useMemo(() => ({ push, typing: () => buffer.current.length > 0 }), [push])
}
