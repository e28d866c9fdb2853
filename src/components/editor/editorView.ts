import type { User } from '../../model/index.js'
import type { Conflict } from './conflict.js'
import type { EditorDraft, EditorField } from './draft.js'
import type { EditorCore, EditorStatus } from './useEditorCore.js'
import type { EditorParts } from './useEditorParts.js'

/** What an editor's markup reads. */
export interface EditorState {
  /** `idle` → `saving` → `saved`, or `error` (the draft kept), or `conflict` (a 412 to resolve). */
  status: EditorStatus
  /** The version being edited: what the draft is compared with and saved against (`If-Match`). */
  base: User | undefined
  draft: EditorDraft | undefined
  isDirty: boolean
  /** Whether anything blocks a save (shown or not yet). */
  hasErrors: boolean
  /** The message shown beside each field: the schema's once touched or submitted, else the server's. */
  errors: Partial<Record<EditorField, string>>
  /** A failure not tied to one field, for the alert. */
  formError: string | null
  /** What the status region says: saved, discarded, nothing to save, resolve and save again. */
  notice: string
  conflict: Conflict | null
  /** The inline "discard your changes?" question is showing. */
  confirming: boolean
  /** What the polite live region says about tags coming and going. */
  announcement: string
}

/** What an editor's markup and an app can do to it (`confirmLeave()` for a router's blocker). */
export type EditorViewActions = Pick<
  EditorCore,
  'setField' | 'touch' | 'addRow' | 'updateRow' | 'removeRow' | 'submit' | 'choose' | 'resolveConflict' | 'confirmLeave' | 'answer'
>

/** An editor grouped for its markup: `state`, `actions`, and the parts' getters. */
export interface EditorView extends Omit<EditorParts, 'announcement'> {
  state: EditorState
  actions: EditorViewActions
}

const fieldNames: readonly EditorField[] = ['name', 'avatar', 'link', 'statusMessage', 'tags', 'metadata', 'role']

/** Groups an editor's core and parts as `{ state, actions, …getters }`. */
export function editorView(core: EditorCore, parts: EditorParts): EditorView {
  const { announcement, ...getters } = parts
  const errors: Partial<Record<EditorField, string>> = {}
  for (const field of fieldNames) {
    const message = core.errorOf(field)
    if (message !== undefined) errors[field] = message
  }
  return {
    ...getters,
    state: {
      status: core.status,
      base: core.base,
      draft: core.draft,
      isDirty: core.isDirty,
      hasErrors: core.hasErrors,
      errors,
      formError: core.formError,
      notice: core.notice,
      conflict: core.conflict,
      confirming: core.confirming,
      announcement,
    },
    actions: {
      setField: core.setField,
      touch: core.touch,
      addRow: core.addRow,
      updateRow: core.updateRow,
      removeRow: core.removeRow,
      submit: core.submit,
      choose: core.choose,
      resolveConflict: core.resolveConflict,
      confirmLeave: core.confirmLeave,
      answer: core.answer,
    },
  }
}
