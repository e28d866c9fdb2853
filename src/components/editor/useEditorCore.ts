'use client'
import { useMemo, useState } from 'react'
import * as v from 'valibot'
import { fieldErrors, isUserkitError, userEtag, type FieldErrors, type UpdateUserInput, type User } from '../../model/index.js'
import { conflictFrom, mergeDraft, type Conflict, type ConflictChoice } from './conflict.js'
import {
  candidateInput,
  changedInput,
  draftFromUser,
  editableKey,
  metadataRowErrors,
  newMetadataRow,
  sameField,
  type EditorDraft,
  type EditorField,
  type MetadataRow,
} from './draft.js'
import type { EditorLabels } from './editorLabels.js'
import { useLeaveGuard, type LeaveGuard } from './useLeaveGuard.js'

/** `idle` → `saving` → `saved`, or `error` (the draft kept), or `conflict` (a 412 to resolve). */
export type EditorStatus = 'idle' | 'saving' | 'saved' | 'error' | 'conflict'

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

export interface EditorCore extends LeaveGuard {
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
  setField<F extends EditorField>(field: F, value: EditorDraft[F]): void
  touch(field: EditorField): void
  addRow(isPrivate: boolean): void
  updateRow(id: string, patch: Partial<Pick<MetadataRow, 'key' | 'value'>>): void
  removeRow(id: string): void
  submit(): Promise<void>
  choose(field: EditorField, choice: ConflictChoice): void
  resolveConflict(mode: ConflictChoice | 'choices'): void
}

/** State, validation, saving and conflict handling shared by ProfileEditor and UserEditor. */
export function useEditorCore({ user, fields, schema, labels, readOnly, save, onSaved, onSaveError }: EditorCoreOptions): EditorCore {
  const [synced, setSynced] = useState<string | null>(null)
  const [base, setBase] = useState<User | undefined>(undefined)
  const [draft, setDraft] = useState<EditorDraft | undefined>(undefined)
  const [touched, setTouched] = useState<ReadonlySet<EditorField>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [status, setStatus] = useState<EditorStatus>('idle')
  const [notice, setNotice] = useState('')
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const [invalidSubmits, setInvalidSubmits] = useState(0)

  const baseDraft = useMemo(() => (base ? draftFromUser(base) : undefined), [base])
  const isDirty = !!draft && !!baseDraft && fields.some((field) => !sameField(draft, baseDraft, field))

  const resetTo = (next: User): void => {
    setSynced(editableKey(next))
    setBase(next)
    setDraft(draftFromUser(next))
    setTouched(new Set())
    setSubmitted(false)
    setServerErrors({})
    setFormError(null)
    setConflict(null)
  }

  // The loaded user changed (another tab, a refetch): show it, unless that would drop the user's edits.
  const switched = !!user && !!base && user.uid !== base.uid
  if (user && (switched || (editableKey(user) !== synced && !isDirty && status !== 'saving' && !conflict))) resetTo(user)

  const leave = useLeaveGuard(isDirty, () => {
    if (base) resetTo(base)
    setStatus('idle')
    setNotice(labels.discarded)
  })

  const clientErrors = useMemo<FieldErrors>(() => {
    if (!draft) return {}
    const result = v.safeParse(schema, candidateInput(draft, fields))
    return result.success ? {} : fieldErrors(result.issues)
  }, [draft, fields, schema])
  const badRows = useMemo(() => metadataRowErrors(draft?.metadata ?? [], labels), [draft, labels])
  const shown = (field: EditorField): boolean => submitted || touched.has(field)

  const edited = (field: EditorField): void => {
    setServerErrors((errors) => (field in errors ? { ...errors, [field]: [] } : errors))
    if (status === 'saved' || status === 'error') setStatus('idle')
    setNotice('')
  }

  const handleError = (error: unknown, current: EditorDraft, from: EditorDraft): void => {
    setStatus('error')
    if (isUserkitError(error) && error.code === 'ERR_CONFLICT' && error.current) {
      const found = conflictFrom(error.current, from, current, fields)
      if (found.fields.length > 0) {
        setConflict(found)
        setStatus('conflict')
        return
      }
      const theirs = error.current
      setDraft(mergeDraft(from, current, draftFromUser(theirs), fields, {}))
      setBase(theirs)
      setSynced(editableKey(theirs))
      setFormError(labels.conflictMerged)
      return
    }
    const handled = onSaveError?.(error)
    if (handled !== undefined) return setFormError(handled)
    if (isUserkitError(error) && error.code === 'ERR_ROLE_NOT_FOUND') {
      setServerErrors({ role: [error.message] })
      setFormError(labels.fixErrors)
      return
    }
    if (isUserkitError(error) && error.details) {
      const known = Object.entries(error.details).filter(([field]) => (fields as readonly string[]).includes(field))
      const other = Object.entries(error.details).filter(([field]) => !(fields as readonly string[]).includes(field))
      setServerErrors(Object.fromEntries(known))
      setFormError(other.length > 0 ? other.flatMap(([, messages]) => messages).join(' ') : labels.fixErrors)
      if (known.length > 0) setInvalidSubmits((n) => n + 1)
      return
    }
    if (isUserkitError(error) && error.code === 'ERR_NETWORK') return setFormError(labels.networkError)
    setFormError(labels.saveFailed(error instanceof Error ? error.message : String(error)))
  }

  const submit = async (): Promise<void> => {
    if (!draft || !base || !baseDraft || readOnly || status === 'saving' || conflict) return
    setSubmitted(true)
    if (Object.keys(clientErrors).length > 0 || badRows.size > 0) {
      setInvalidSubmits((n) => n + 1)
      setFormError(labels.fixErrors)
      return
    }
    const input = changedInput(draft, baseDraft, fields)
    if (Object.keys(input).length === 0) return setNotice(labels.nothingToSave)
    setStatus('saving')
    setFormError(null)
    setServerErrors({})
    setNotice('')
    try {
      const saved = await save(input, userEtag(base))
      resetTo(saved)
      setStatus('saved')
      setNotice(labels.saved)
      onSaved?.(saved)
    } catch (error) {
      handleError(error, draft, baseDraft)
    }
  }

  return {
    ...leave,
    base,
    draft,
    isDirty,
    status,
    notice,
    formError,
    conflict,
    invalidSubmits,
    hasErrors: Object.keys(clientErrors).length > 0 || badRows.size > 0,
    errorOf: (field) => {
      const message = (shown(field) ? clientErrors[field]?.[0] : undefined) ?? serverErrors[field]?.[0]
      return message === undefined ? undefined : labels.validationMessage(message, field)
    },
    rowErrorOf: (row) => (shown('metadata') ? badRows.get(row.id) : undefined),
    setField: (field, value) => {
      setDraft((previous) => previous && { ...previous, [field]: value })
      edited(field)
    },
    touch: (field) => setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field))),
    addRow: (isPrivate) => {
      setDraft((previous) => previous && { ...previous, metadata: [...previous.metadata, newMetadataRow(isPrivate)] })
    },
    updateRow: (id, patch) => {
      setDraft((previous) => previous && { ...previous, metadata: previous.metadata.map((row) => (row.id === id ? { ...row, ...patch } : row)) })
      edited('metadata')
    },
    removeRow: (id) => {
      setDraft((previous) => previous && { ...previous, metadata: previous.metadata.filter((row) => row.id !== id) })
      edited('metadata')
    },
    submit,
    choose: (field, choice) => setConflict((previous) => previous && { ...previous, choices: { ...previous.choices, [field]: choice } }),
    resolveConflict: (mode) => {
      if (!conflict || !draft || !baseDraft) return
      const choices = mode === 'choices' ? conflict.choices : Object.fromEntries(conflict.fields.map((field) => [field, mode]))
      setDraft(mergeDraft(baseDraft, draft, draftFromUser(conflict.theirs), fields, choices))
      setBase(conflict.theirs)
      setSynced(editableKey(conflict.theirs))
      setConflict(null)
      setFormError(null)
      setStatus('idle')
      setNotice(labels.conflictResolved)
    },
  }
}
