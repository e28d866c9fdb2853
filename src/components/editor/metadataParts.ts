import type { ButtonHTMLAttributes, HTMLAttributes, InputHTMLAttributes } from 'react'
import { focusSoon } from '../shared/focusSoon.js'
import type { MetadataRow } from './draft.js'
import type { EditorLabels } from './editorLabels.js'
import type { EditorCore } from './useEditorCore.js'

type Data = Record<`data-${string}`, string | undefined>

export interface MetadataParts {
  /** The rows of one part, shared or private, with their 1-based position in it. */
  rowsOf(isPrivate: boolean): Array<{ row: MetadataRow; position: number }>
  getRowProps(row: MetadataRow): HTMLAttributes<HTMLElement> & Data
  getKeyProps(row: MetadataRow, position: number): InputHTMLAttributes<HTMLInputElement> & Data
  getValueProps(row: MetadataRow, position: number): InputHTMLAttributes<HTMLInputElement> & Data
  getRowErrorProps(row: MetadataRow): (HTMLAttributes<HTMLElement> & Data) | undefined
  getRemoveRowProps(row: MetadataRow, position: number): ButtonHTMLAttributes<HTMLButtonElement> & Data
  getAddRowProps(isPrivate: boolean): ButtonHTMLAttributes<HTMLButtonElement> & Data
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
    getRowProps: (row) => ({
      'data-part': 'metadata-row',
      'data-state': row.private ? 'private' : 'shared',
    }),
    getKeyProps: (row, position) => {
      const error = core.rowErrorOf(row)
      return {
        id: `${idOf(row)}-key`,
        value: row.key,
        'aria-label': labels.metadataKey(position, row.private),
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${idOf(row)}-error` : undefined,
        readOnly,
        autoComplete: 'off',
        'data-part': 'metadata-key',
        onChange: (event) => core.updateRow(row.id, { key: event.target.value }),
        onBlur: touch,
      }
    },
    getValueProps: (row, position) => ({
      id: `${idOf(row)}-value`,
      value: row.value,
      'aria-label': labels.metadataValue(row.key.trim(), position, row.private),
      readOnly,
      autoComplete: 'off',
      'data-part': 'metadata-value',
      onChange: (event) => core.updateRow(row.id, { value: event.target.value }),
      onBlur: touch,
    }),
    getRowErrorProps: (row) => {
      const error = core.rowErrorOf(row)
      return error ? { id: `${idOf(row)}-error`, 'data-part': 'field-error', children: error } : undefined
    },
    getRemoveRowProps: (row, position) => ({
      type: 'button',
      'aria-label': labels.removeMetadata(row.key.trim(), position, row.private),
      hidden: readOnly || undefined,
      'data-part': 'button metadata-remove',
      onClick: () => {
        const index = rows.indexOf(row)
        core.removeRow(row.id)
        // The row is gone: on to the one that takes its place, or the add button.
        focusSoon(`${idBase}-meta-${index}-key`, `${idBase}-add-${row.private ? 'private' : 'shared'}`)
      },
    }),
    getAddRowProps: (isPrivate) => ({
      type: 'button',
      id: `${idBase}-add-${isPrivate ? 'private' : 'shared'}`,
      hidden: readOnly || undefined,
      'data-part': 'button metadata-add',
      children: (isPrivate && labels.addPrivateMetadata) || labels.addMetadata,
      onClick: () => {
        core.addRow(isPrivate)
        focusSoon(`${idBase}-meta-${rows.length}-key`)
      },
    }),
  }
}
