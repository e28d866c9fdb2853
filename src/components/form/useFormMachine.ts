'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { User } from '../../model/index.js'
import type { DraftField, EditorDraft } from '../editor/draft.js'
import { initialFormState, transition } from './formMachine.js'
import { isDirty } from './formSelectors.js'
import type { FormConfig, FormEvent, FormState } from './formTypes.js'

export interface UseFormMachineOptions {
  config: FormConfig
  /** `edit`: the user as loaded now; `undefined` while loading. */
  user?: User | undefined
  /** `create`: the draft to start from. */
  initialDraft?: EditorDraft | undefined
  /** `create`: the draft, when the parent owns it (`onDraftChange` then reports each change). */
  draft?: EditorDraft | undefined
  onDraftChange?: ((draft: EditorDraft) => void) | undefined
}

export interface FormSubmitOptions {
  save: (draft: EditorDraft, base: User | undefined) => Promise<User>
  /** Puts a refusal in the caller's own words (`undefined`: the machine's). */
  explain?: ((error: unknown) => string | undefined) | undefined
  /** Fields that may not be sent for a reason outside the draft (a uid already taken). */
  blocked?: readonly DraftField[] | undefined
}

export interface FormMachine {
  state: FormState
  /** Runs `event` through the machine at once and returns the state it led to. */
  send(event: FormEvent): FormState
  isDirty: boolean
  /**
   * Submits: when the machine turns `saving`, calls `save` with the draft (and the version edited),
   * then tells the machine how it went. Resolves with the saved user, or `undefined` when nothing was
   * sent or it failed.
   */
  submit(options: FormSubmitOptions): Promise<User | undefined>
  /**
   * Resolves `true` at once when nothing is unsaved; otherwise asks (inline) and resolves with the
   * answer, discarding the changes on yes.
   */
  confirmLeave(): Promise<boolean>
  answer(discard: boolean): void
}

/**
 * The form machine in React: its state, a parent's draft, the leave question's promise and
 * `beforeunload` while something is unsaved. What to do when the status turns `saving` is the caller's.
 */
export function useFormMachine({ config, user, initialDraft, draft, onDraftChange }: UseFormMachineOptions): FormMachine {
  const [stored, setStored] = useState<FormState>(() => initialFormState(initialDraft))
  const owned = draft === undefined ? stored : { ...stored, draft }
  // The loaded user changed (another tab, a refetch): the machine decides whether to show it.
  const state = transition(owned, { type: 'load', user }, config)
  if (state !== owned) setStored(state)
  const latest = useRef({ state, config, onDraftChange })
  latest.current = { state, config, onDraftChange }
  const pendingLeave = useRef<((ok: boolean) => void) | null>(null)

  const send = useCallback((event: FormEvent): FormState => {
    const { state: before, config: now, onDraftChange: report } = latest.current
    const next = transition(before, event, now)
    latest.current.state = next
    setStored(next)
    if (next.draft && next.draft !== before.draft) report?.(next.draft)
    return next
  }, [])

  const submit = useCallback(
    async ({ save, explain, blocked }: FormSubmitOptions): Promise<User | undefined> => {
      const before = latest.current.state
      const next = send({ type: 'submit', blocked })
      if (before.status === 'saving' || next.status !== 'saving' || !next.draft) return undefined
      try {
        const saved = await save(next.draft, next.base)
        send({ type: 'saved', user: saved })
        return saved
      } catch (error) {
        send({ type: 'failed', error, message: explain?.(error) })
        return undefined
      }
    },
    [send],
  )

  const dirty = isDirty(state, config)
  useEffect(() => {
    if (!dirty) return
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault()
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [dirty])

  const confirmLeave = useCallback((): Promise<boolean> => {
    if (!isDirty(latest.current.state, latest.current.config)) return Promise.resolve(true)
    pendingLeave.current?.(false)
    send({ type: 'leave' })
    return new Promise<boolean>((resolve) => {
      pendingLeave.current = resolve
    })
  }, [send])

  const answer = useCallback(
    (discard: boolean): void => {
      send({ type: 'answer', discard })
      const resolve = pendingLeave.current
      pendingLeave.current = null
      resolve?.(discard)
    },
    [send],
  )

  return { state, send, isDirty: dirty, submit, confirmLeave, answer }
}
