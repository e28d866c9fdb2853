import type { ButtonHTMLAttributes, ChangeEvent, HTMLAttributes, InputHTMLAttributes } from 'react'
import { buttonPart } from '../kit/buttonPart.js'
import { focusSoon } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import type { DataAttributes as Data } from '../kit/types.js'
import { editorAnatomy as anatomy } from './editorAnatomy.js'
import type { MetadataRow } from './draft.js'
import type { EditorLabels } from './editorLabels.js'
import type { EditorCore } from './useEditorCore.js'

export interface MetadataParts {
  /** The rows of one part, shared or private, with their 1-based position in it. */
  rowsOf(isPrivate: boolean): Array<{ row: MetadataRow; position: number }>
  /** The id of a row's key input (focused when the row comes, or when it is the first invalid one). */
  keyId(row: MetadataRow): string
  /** What a row's error part says, if anything. */
  errorOf(row: MetadataRow): string | undefined
  getRowProps(row: MetadataRow, props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & Data
  getKeyProps(row: MetadataRow, position: number, props?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> & Data
  getValueProps(row: MetadataRow, position: number, props?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> & Data
  /** `undefined` while the row has nothing to say; its text is `errorOf(row)`. */
  getRowErrorProps(row: MetadataRow, props?: HTMLAttributes<HTMLElement>): (HTMLAttributes<HTMLElement> & Data) | undefined
  getRemoveRowProps(row: MetadataRow, position: number, props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement> & Data
  /** Its text: `labels.addPrivateMetadata` for the private part, else `labels.addMetadata`. */
  getAddRowProps(isPrivate: boolean, props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement> & Data
}

/** What the key/value editor reads and changes: an editor's core, or any form holding rows. */
export type MetadataSource = Pick<EditorCore, 'rowErrorOf' | 'addRow' | 'updateRow' | 'removeRow'> & {
  draft: { metadata: readonly MetadataRow[] } | undefined
  touch(field: 'metadata'): void
}

/** `addPrivateMetadata` only where there is a private part. */
export type MetadataLabels = Pick<EditorLabels, 'metadataKey' | 'metadataValue' | 'removeMetadata' | 'addMetadata'> &
  Partial<Pick<EditorLabels, 'addPrivateMetadata'>>

/** Prop getters of the key/value editor; ids come from the row's place, never from random ids. */
export function metadataParts(core: MetadataSource, labels: MetadataLabels, idBase: string, readOnly: boolean): MetadataParts {
  const rows = core.draft?.metadata ?? []
  const idOf = (row: MetadataRow): string => `${idBase}-meta-${rows.indexOf(row)}`
  const touch = (): void => core.touch('metadata')
  return {
    rowsOf: (isPrivate) => rows.filter((row) => row.private === isPrivate).map((row, index) => ({ row, position: index + 1 })),
    keyId: (row) => `${idOf(row)}-key`,
    errorOf: (row) => core.rowErrorOf(row),
    getRowProps: (row, props) => mergeProps({ ...anatomy.attrs('metadata-row'), 'data-state': row.private ? 'private' : 'shared' }, props),
    getKeyProps: (row, position, props) => {
      const error = core.rowErrorOf(row)
      return mergeProps(
        {
          ...anatomy.attrs('metadata-key'),
          id: `${idOf(row)}-key`,
          value: row.key,
          'aria-label': labels.metadataKey(position, row.private),
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${idOf(row)}-error` : undefined,
          readOnly,
          autoComplete: 'off',
          onChange: (event: ChangeEvent<HTMLInputElement>) => core.updateRow(row.id, { key: event.target.value }),
          onBlur: touch,
        },
        props,
      )
    },
    getValueProps: (row, position, props) =>
      mergeProps(
        {
          ...anatomy.attrs('metadata-value'),
          id: `${idOf(row)}-value`,
          value: row.value,
          'aria-label': labels.metadataValue(row.key.trim(), position, row.private),
          readOnly,
          autoComplete: 'off',
          onChange: (event: ChangeEvent<HTMLInputElement>) => core.updateRow(row.id, { value: event.target.value }),
          onBlur: touch,
        },
        props,
      ),
    getRowErrorProps: (row, props) => (core.rowErrorOf(row) ? mergeProps({ ...anatomy.attrs('field-error'), id: `${idOf(row)}-error` }, props) : undefined),
    getRemoveRowProps: (row, position, props) =>
      mergeProps(
        {
          ...buttonPart(anatomy.attrs('metadata-remove'), () => {
            const index = rows.indexOf(row)
            core.removeRow(row.id)
            // The row is gone: on to the one that takes its place, or the add button.
            focusSoon(`${idBase}-meta-${index}-key`, `${idBase}-add-${row.private ? 'private' : 'shared'}`)
          }),
          'aria-label': labels.removeMetadata(row.key.trim(), position, row.private),
          hidden: readOnly || undefined,
        },
        props,
      ),
    getAddRowProps: (isPrivate, props) =>
      mergeProps(
        {
          ...buttonPart(anatomy.attrs('metadata-add'), () => {
            core.addRow(isPrivate)
            focusSoon(`${idBase}-meta-${rows.length}-key`)
          }),
          id: `${idBase}-add-${isPrivate ? 'private' : 'shared'}`,
          hidden: readOnly || undefined,
        },
        props,
      ),
  }
}
