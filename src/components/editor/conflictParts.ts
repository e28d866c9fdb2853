import type { ButtonHTMLAttributes, HTMLAttributes, InputHTMLAttributes } from 'react'
import { buttonPart } from '../kit/buttonPart.js'
import { focusSoon } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import type { DataAttributes as Data } from '../kit/types.js'
import { describeField, type ConflictChoice } from './conflict.js'
import { editorAnatomy as anatomy } from './editorAnatomy.js'
import { draftFromUser, type EditorField } from './draft.js'
import type { EditorLabels } from './editorLabels.js'
import type { EditorCore } from './useEditorCore.js'

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
  /** The title's id: focused when the panel opens. */
  titleId: string
  getPanelProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & Data
  /** Its text is `labels.conflictTitle`. */
  getTitleProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & Data
  getChoiceProps(field: EditorField, choice: ConflictChoice, props?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> & Data
  /** Its text: `labels.applyChoices`, `labels.keepAllMine` or `labels.takeAllTheirs`. */
  getResolveProps(mode: ConflictChoice | 'choices', props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement> & Data
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
    titleId,
    getPanelProps: (props) =>
      mergeProps({ ...anatomy.attrs('conflict'), role: 'group', 'aria-labelledby': titleId, 'data-state': conflict ? 'open' : 'closed' }, props),
    // Focused when the panel opens, so a screen reader starts at its title.
    getTitleProps: (props) => mergeProps({ ...anatomy.attrs('conflict-title'), id: titleId, tabIndex: -1 }, props),
    getChoiceProps: (field, choice, props) =>
      mergeProps(
        {
          ...anatomy.attrs('conflict-choice'),
          type: 'radio',
          id: `${idBase}-choice-${field}-${choice}`,
          name: `${idBase}-choice-${field}`,
          value: choice,
          checked: (conflict?.choices[field] ?? 'yours') === choice,
          onChange: () => core.choose(field, choice),
          'data-state': choice,
        },
        props,
      ),
    getResolveProps: (mode, props) =>
      mergeProps(
        buttonPart(
          anatomy.attrs('conflict-resolve'),
          () => {
            core.resolveConflict(mode)
            focusSoon(`${idBase}-submit`)
          },
          mode === 'choices' ? 'primary' : 'default',
        ),
        props,
      ),
  }
}
