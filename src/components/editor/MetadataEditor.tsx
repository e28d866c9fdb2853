'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import { cx } from '../shared/cx.js'
import type { MetadataParts } from './metadataParts.js'

/** What the groups say; the hints and the empty text are left out when not given. */
export interface MetadataEditorLabels {
  sharedMetadata: ReactNode
  sharedMetadataHint?: string | undefined
  metadataEmpty?: string | undefined
  /** The add buttons' text; the private one falls back to `addMetadata`. */
  addMetadata: string
  addPrivateMetadata?: string | undefined
  /** Needed only with `privateMetadata`. */
  privateMetadata?: string | undefined
  privateMetadataHint?: string | undefined
  privateBadge?: string | undefined
}

export interface MetadataEditorProps {
  /** The prop getters from `metadataParts`. */
  metadata: MetadataParts
  labels: MetadataEditorLabels
  /** The prefix of the groups' hint ids. */
  hintId: string
  /** The field's error (a row's own shows beside the row), `undefined` when it has none. */
  error: HTMLAttributes<HTMLElement> | undefined
  /** What the field's error says. */
  errorText?: string | undefined
  /** Offer the private part (`metadata["@private"]`). */
  privateMetadata: boolean
  className?: string | undefined
}

function Rows({
  metadata,
  labels,
  hintId,
  errorId,
  isPrivate,
}: Omit<MetadataEditorProps, 'error' | 'errorText' | 'privateMetadata'> & { errorId: string | undefined; isPrivate: boolean }): ReactNode {
  const rows = metadata.rowsOf(isPrivate)
  const hint = isPrivate ? labels.privateMetadataHint : labels.sharedMetadataHint
  const groupHintId = `${hintId}-${isPrivate ? 'private' : 'shared'}`
  return (
    <fieldset data-part="metadata-group" data-state={isPrivate ? 'private' : 'shared'} aria-describedby={cx(hint ? groupHintId : undefined, errorId)}>
      <legend data-part="legend">{isPrivate ? labels.privateMetadata : labels.sharedMetadata}</legend>
      {hint ? (
        <p id={groupHintId} data-part="hint">
          {hint}
        </p>
      ) : null}
      {rows.length === 0 && labels.metadataEmpty ? <p data-part="empty">{labels.metadataEmpty}</p> : null}
      {rows.map(({ row, position }) => {
        const error = metadata.getRowErrorProps(row)
        return (
          <div key={row.id} {...metadata.getRowProps(row)}>
            {isPrivate ? <span data-part="badge">{labels.privateBadge}</span> : null}
            <input {...metadata.getKeyProps(row, position)} />
            <input {...metadata.getValueProps(row, position)} />
            <button {...metadata.getRemoveRowProps(row, position)}>
              <span aria-hidden="true">×</span>
            </button>
            {error ? <p {...error}>{metadata.errorOf(row)}</p> : null}
          </div>
        )
      })}
      <button {...metadata.getAddRowProps(isPrivate)}>{(isPrivate && labels.addPrivateMetadata) || labels.addMetadata}</button>
    </fieldset>
  )
}

/** `metadata` as key/value rows: the shared part, and optionally the private part (`metadata["@private"]`) marked as such. */
export function MetadataEditor({ error, errorText, privateMetadata, className, ...rest }: MetadataEditorProps): ReactNode {
  return (
    <div data-part="field" data-field="metadata" data-state={error ? 'invalid' : undefined} className={className}>
      <Rows {...rest} errorId={error?.id} isPrivate={false} />
      {privateMetadata ? <Rows {...rest} errorId={error?.id} isPrivate /> : null}
      {error ? <p {...error}>{errorText}</p> : null}
    </div>
  )
}
