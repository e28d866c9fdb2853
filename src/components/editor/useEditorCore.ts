'use client'
import { useEffect } from 'react'
import type * as v from 'valibot'
import { userEtag, type UpdateUserInput, type User } from '../../model/index.js'
import type { Conflict, ConflictChoice } from './conflict.js'
import { changedInput, draftFromUser, newMetadataRow, type EditorDraft, type EditorField, type MetadataRow } from './draft.js'
import type { EditorLabels } from './editorLabels.js'
import { errorOf, hasErrors, rowErrorOf } from '../form/formSelectors.js'
import type { FormConfig, FormStatus } from '../form/formTypes.js'
import type { LeaveGuard } from '../form/leaveGuard.js'
import { useFormMachine } from '../form/useFormMachine.js'

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
  /** The app's handle to ask before the editor goes away (`useLeaveGuard`). */
  leaveGuard?: LeaveGuard | undefined
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

/** An editor's core: the form machine in `edit` mode, and the save it asks for. */
export function useEditorCore({ user, fields, schema, labels, readOnly, save, onSaved, onSaveError, leaveGuard }: EditorCoreOptions): EditorCore {
  const config: FormConfig = { fields, schema, labels, readOnly }
  const machine = useFormMachine({ config, user })
  const { state, send, isDirty, confirmLeave, answer } = machine
  useEffect(() => leaveGuard?.attach(confirmLeave), [leaveGuard, confirmLeave])

  const submit = async (): Promise<void> => {
    const saved = await machine.submit({
      save: (draft, base) => {
        // The machine submits an edit only with a base.
        const from = base as User
        return save(changedInput(draft, draftFromUser(from), fields), userEtag(from))
      },
      explain: onSaveError,
    })
    if (saved) onSaved?.(saved)
  }

  return {
    base: state.base,
    draft: state.draft,
    isDirty,
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
