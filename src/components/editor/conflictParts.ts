import type { ButtonHTMLAttributes, HTMLAttributes, InputHTMLAttributes } from 'react'
import { focusSoon } from '../shared/focusSoon.js'
import { describeField, type ConflictChoice } from './conflict.js'
import { draftFromUser, type EditorField } from './draft.js'
import type { EditorLabels } from './editorLabels.js'
import type { EditorCore } from './useEditorCore.js'

type Data = Record<`data-${string}`, string | undefined>

export interface ConflictRow {
  field: EditorField
  /** The field's name, as the form labels it. */
  label: string
  yours: string
  theirs: string
  choice: ConflictChoice
}

export interface ConflictParts {
  /** Each field where the server and you disagree; empty when there is no conflict. */
  rows: ConflictRow[]
  getPanelProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & Data
  getTitleProps(): HTMLAttributes<HTMLElement> & Data
  getChoiceProps(field: EditorField, choice: ConflictChoice): InputHTMLAttributes<HTMLInputElement> & Data
  getResolveProps(mode: ConflictChoice | 'choices'): ButtonHTMLAttributes<HTMLButtonElement> & Data
}

export function conflictParts(core: EditorCore, labels: EditorLabels, idBase: string): ConflictParts {
  const { conflict, draft } = core
  const theirs = conflict ? draftFromUser(conflict.theirs) : undefined
  const shown = (text: string): string => (text === '' ? labels.emptyValue : text)
  const rows: ConflictRow[] =
    conflict && draft && theirs
      ? conflict.fields.map((field) => ({
          field,
          label: labels.fieldLabel[field],
          yours: shown(describeField(draft, field, labels.privateBadge)),
          theirs: shown(describeField(theirs, field, labels.privateBadge)),
          choice: conflict.choices[field] ?? 'yours',
        }))
      : []
  const titleId = `${idBase}-conflict-title`
  return {
    rows,
    getPanelProps: (props = {}) => ({
      ...props,
      role: 'group',
      'aria-labelledby': titleId,
      'data-part': 'conflict',
      'data-state': conflict ? 'open' : 'closed',
    }),
    // Focused when the panel opens, so a screen reader starts at its title.
    getTitleProps: () => ({ id: titleId, tabIndex: -1, 'data-part': 'conflict-title', children: labels.conflictTitle }),
    getChoiceProps: (field, choice) => ({
      type: 'radio',
      id: `${idBase}-choice-${field}-${choice}`,
      name: `${idBase}-choice-${field}`,
      value: choice,
      checked: (conflict?.choices[field] ?? 'yours') === choice,
      onChange: () => core.choose(field, choice),
      'data-part': 'conflict-choice',
      'data-state': choice,
    }),
    getResolveProps: (mode) => ({
      type: 'button',
      'data-part': 'button conflict-resolve',
      'data-variant': mode === 'choices' ? 'primary' : undefined,
      children: mode === 'yours' ? labels.keepAllMine : mode === 'theirs' ? labels.takeAllTheirs : labels.applyChoices,
      onClick: () => {
        core.resolveConflict(mode)
        focusSoon(`${idBase}-submit`)
      },
    }),
  }
}
