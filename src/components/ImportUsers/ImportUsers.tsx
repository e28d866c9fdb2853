'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import { cx } from '../shared/cx.js'
import { useImportUsersForm, type UseImportUsersFormOptions } from './useImportUsersForm.js'

export interface ImportUsersProps extends UseImportUsersFormOptions, Omit<HTMLAttributes<HTMLElement>, 'children'> {}

/**
 * Imports users from a CSV or JSON Lines file for an admin: check first (nothing written, every bad
 * row listed by line and field), then import; rows land whole or not at all.
 *
 * @example <ImportUsers onImported={(report) => toast(`${report.created} created`)} />
 */
export function ImportUsers({ onImported, labels: own, className, ...rest }: ImportUsersProps): ReactNode {
  const form = useImportUsersForm({ onImported, labels: own })
  const { state, labels } = form
  const { report } = state
  const busy = state.status === 'checking' || state.status === 'importing'
  return (
    <section {...form.getRootProps({ ...rest, className: cx('uk-import-users', className) })} aria-labelledby={`${form.ids.file}-title`}>
      <h2 data-part="title" id={`${form.ids.file}-title`}>
        {labels.title}
      </h2>
      <label data-part="label" htmlFor={form.ids.file}>
        {labels.file}
      </label>
      <input {...form.getFileProps()} />
      <p data-part="hint" id={form.ids.hint}>
        {labels.hint}
      </p>
      <div data-part="actions">
        <button {...form.getCheckProps()}>{labels.check}</button>
        <button {...form.getImportProps()}>{labels.import}</button>
        {busy ? <progress {...form.getProgressProps()} /> : null}
      </div>
      <div {...form.getReportProps()}>
        {busy ? <p>{state.status === 'checking' ? labels.checking : labels.importing}</p> : null}
        {state.error ? <p data-part="alert">{state.error}</p> : null}
        {report ? (
          <>
            <p>
              {(report.dryRun ? labels.wouldChange : labels.imported)(report.created, report.updated, report.unchanged, report.failed)}
            </p>
            {report.errors.length > 0 ? (
              <>
                <h3>{labels.errorsTitle(report.errors.length)}</h3>
                <ul data-part="errors">
                  {report.errors.map((error) => (
                    <li key={`${error.line}-${error.field ?? ''}`}>{labels.rowError(error)}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  )
}
