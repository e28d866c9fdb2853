'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type * as v from 'valibot'
import { userEtag, type UpdateUserInput, type User } from '../../model/index.js'
import type { Conflict, ConflictChoice } from './conflict.js'
import { changedInput, draftFromUser, newMetadataRow, type EditorDraft, type EditorField, type MetadataRow } from './draft.js'
import type { EditorLabels } from './editorLabels.js'
import {
  errorOf,
  hasErrors,
  initialFormState,
  isDirty,
  rowErrorOf,
  transition,
  type FormConfig,
  type FormEvent,
  type FormState,
  type FormStatus,
} from './formMachine.js'

/** The form's status, as the machine has it. */
export type EditorStatus = FormStatus

export interface EditorCoreOptions {
  /** The user as loaded; `undefined` while loading. */
  user: User | undefined
  fields: readonly EditorField[]
  schema: v.GenericSchema
  labels: EditorLabels
  readOnly: boolean
  save(input: UpdateUserInput, ifMatch: string): Promise<User>
  onSaved?: ((user: User) => void) | undefined
  /** A refusal the caller handles itself (UserEditor: a 403 turns it read-only): the message to show, or `undefined`. */
  onSaveError?: ((error: unknown) => string | undefined) | undefined
}

export interface EditorCore {
  /** The version being edited: what the draft is compared with and saved against (`If-Match`). */
  base: User | undefined
  draft: EditorDraft | undefined
  isDirty: boolean
  status: EditorStatus
  /** What the status region says: saved, discarded, nothing to save, resolve and save again. */
  notice: string
  /** A failure not tied to one field, for the alert summary. */
  formError: string | null
  conflict: Conflict | null
  /** The message shown beside a field, if any: the schema's once touched or submitted, else the server's. */
  errorOf(field: EditorField): string | undefined
  rowErrorOf(row: MetadataRow): string | undefined
  /** Whether anything blocks a save (shown or not yet). */
  hasErrors: boolean
  /** Bumped when a submit finds errors: the form moves focus to the first one. */
  invalidSubmits: number
  /** The inline "discard your changes?" question is showing. */
  confirming: boolean
  setField<F extends EditorField>(field: F, value: EditorDraft[F]): void
  touch(field: EditorField): void
  addRow(isPrivate: boolean): void
  updateRow(id: string, patch: Partial<Pick<MetadataRow, 'key' | 'value'>>): void
  removeRow(id: string): void
  submit(): Promise<void>
  choose(field: EditorField, choice: ConflictChoice): void
  resolveConflict(mode: ConflictChoice | 'choices'): void
  /**
   * Resolves `true` at once when nothing is unsaved; otherwise asks (inline) and resolves with the
   * answer, discarding the changes on yes. For a router's blocker:
   * `editor.actions.confirmLeave().then((ok) => (ok ? blocker.proceed() : blocker.reset()))`.
   */
  confirmLeave(): Promise<boolean>
  /** The user answered yes / no. */
  answer(discard: boolean): void
}

/**
 * The form machine (`formMachine.ts`) in React: its state, the save it asks for, the leave guard's
 * promise and `beforeunload`. Everything else is the machine's.
 */
export function useEditorCore({ user, fields, schema, labels, readOnly, save, onSaved, onSaveError }: EditorCoreOptions): EditorCore {
  const config: FormConfig = { fields, schema, labels, readOnly }
  const [stored, setStored] = useState<FormState>(initialFormState)
  // The loaded user changed (another tab, a refetch): the machine decides whether to show it.
  const state = transition(stored, { type: 'load', user }, config)
  if (state !== stored) setStored(state)
  const latest = useRef({ state, config })
  latest.current = { state, config }
  const pendingLeave = useRef<((ok: boolean) => void) | null>(null)

  const send = (event: FormEvent): FormState => {
    const next = transition(latest.current.state, event, latest.current.config)
    latest.current.state = next
    setStored(next)
    return next
  }

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

  const submit = async (): Promise<void> => {
    const before = latest.current.state
    if (send({ type: 'submit' }).status !== 'saving' || !before.draft || !before.base) return
    try {
      const saved = await save(changedInput(before.draft, draftFromUser(before.base), fields), userEtag(before.base))
      send({ type: 'saved', user: saved })
      onSaved?.(saved)
    } catch (error) {
      send({ type: 'failed', error, message: onSaveError?.(error) })
    }
  }

  const confirmLeave = useCallback((): Promise<boolean> => {
    if (!isDirty(latest.current.state, latest.current.config)) return Promise.resolve(true)
    pendingLeave.current?.(false)
    send({ type: 'leave' })
    return new Promise<boolean>((resolve) => {
      pendingLeave.current = resolve
    })
  }, [])

  const answer = useCallback((discard: boolean): void => {
    send({ type: 'answer', discard })
    const resolve = pendingLeave.current
    pendingLeave.current = null
    resolve?.(discard)
  }, [])

  return {
    base: state.base,
    draft: state.draft,
    isDirty: dirty,
    status: state.status,
    notice: state.notice,
    formError: state.formError,
    conflict: state.conflict,
    invalidSubmits: state.invalidSubmits,
    confirming: state.confirming,
    hasErrors: hasErrors(state, config),
    errorOf: (field) => errorOf(state, config, field),
    rowErrorOf: (row) => rowErrorOf(state, config, row),
    setField: (field, value) => void send({ type: 'set', field, value }),
    touch: (field) => void send({ type: 'touch', field }),
    addRow: (isPrivate) => void send({ type: 'add-row', row: newMetadataRow(isPrivate) }),
    updateRow: (id, patch) => void send({ type: 'update-row', id, patch }),
    removeRow: (id) => void send({ type: 'remove-row', id }),
    submit,
    choose: (field, choice) => void send({ type: 'choose', field, choice }),
    resolveConflict: (mode) => void send({ type: 'resolve', mode }),
    confirmLeave,
    answer,
  }
}
