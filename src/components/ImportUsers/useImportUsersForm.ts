'use client'
import { useRef, useState, type ChangeEvent, type HTMLAttributes, type InputHTMLAttributes } from 'react'
import type { ImportReport, UsersFileFormat } from '../../client/index.js'
import { isUserkitError } from '../../model/index.js'
import { useImportUsers } from '../../react/hooks/useImportUsers.js'
import { buttonPart } from '../kit/buttonPart.js'
import { focusSoon } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import { useLabels } from '../shared/useLabels.js'
import { importUsersAnatomy as anatomy } from './importUsersAnatomy.js'
import { importUsersLabels, type ImportUsersLabels } from './importUsersLabels.js'

export interface UseImportUsersFormOptions {
  /** Called with the report of an import that wrote (not of a check). */
  onImported?: ((report: ImportReport) => void) | undefined
  labels?: Partial<ImportUsersLabels> | undefined
}

/** `idle` until a file is chosen, `reading` while it is read; `checked` once a dry run reported; `done` after the import. */
export type ImportUsersStatus = 'idle' | 'reading' | 'ready' | 'checking' | 'checked' | 'importing' | 'done' | 'error'

type Props<T> = PartProps<T>
type Button = Props<HTMLAttributes<HTMLButtonElement> & { type: 'button'; disabled?: boolean }>

export interface UseImportUsersFormResult {
  state: {
    status: ImportUsersStatus
    fileName: string | null
    format: UsersFileFormat | null
    /** The last report: a dry run's (`dryRun: true`) or the import's. */
    report: ImportReport | null
    /** Why the file as a whole was refused, in the labels' words. */
    error: string | null
  }
  labels: ImportUsersLabels
  ids: { file: string; hint: string; report: string }
  getRootProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  getFileProps(props?: InputHTMLAttributes<HTMLInputElement>): Props<InputHTMLAttributes<HTMLInputElement>>
  getCheckProps(props?: HTMLAttributes<HTMLButtonElement>): Button
  getImportProps(props?: HTMLAttributes<HTMLButtonElement>): Button
  getProgressProps(props?: HTMLAttributes<HTMLProgressElement>): Props<HTMLAttributes<HTMLProgressElement>>
  getReportProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
}

/** JSON Lines when the name says so or the text starts with `{`; CSV when it says so; else nothing. */
function formatOf(name: string, text: string): UsersFileFormat | null {
  if (/\.(jsonl|ndjson)$/i.test(name) || text.trimStart().startsWith('{')) return 'jsonl'
  return /\.csv$/i.test(name) || /^[\w" ]+,/.test(text) ? 'csv' : null
}

/**
 * Users from a file: choose a CSV or JSON Lines file, check it (a dry run: what would be created,
 * updated or left, and each bad row by line and field, with nothing written), then import it. Each
 * row lands whole or not at all, and importing the same file again changes nothing.
 */
export function useImportUsersForm({ onImported, labels: own }: UseImportUsersFormOptions = {}): UseImportUsersFormResult {
  const labels = useLabels('importUsers', importUsersLabels, own)
  const upload = useImportUsers()
  const [file, setFile] = useState<{ name: string; text: string; format: UsersFileFormat } | null>(null)
  const [status, setStatus] = useState<ImportUsersStatus>('idle')
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Only the last file chosen counts, even if an earlier, larger one finishes reading after it.
  const chosenRef = useRef<File | null>(null)
  const baseId = useDomId()
  const ids = { file: `${baseId}-file`, hint: `${baseId}-hint`, report: `${baseId}-report` }
  const busy = status === 'checking' || status === 'importing'

  const run = async (dryRun: boolean): Promise<void> => {
    if (!file) return
    setStatus(dryRun ? 'checking' : 'importing')
    setError(null)
    try {
      const answer = await upload.mutateAsync({ text: file.text, format: file.format, dryRun })
      setReport(answer)
      setStatus(dryRun ? 'checked' : 'done')
      if (!dryRun) onImported?.(answer)
    } catch (caught) {
      setError(labels.refused(isUserkitError(caught) ? caught.code : 'ERR_INTERNAL'))
      setStatus('error')
    }
    // The report replaced the button pressed: it is where the person reads next.
    focusSoon(ids.report)
  }
  const canImport = file !== null && !busy && status !== 'done' && (report === null || !report.dryRun || report.created + report.updated > 0)

  return {
    state: { status, fileName: file?.name ?? null, format: file?.format ?? null, report, error },
    labels,
    ids,
    getRootProps: (props) => mergeProps({ ...anatomy.attrs('root'), 'data-state': status, 'aria-busy': busy || undefined }, props),
    getFileProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('file'),
          id: ids.file,
          type: 'file',
          accept: '.csv,.jsonl,.ndjson,text/csv,application/x-ndjson',
          'aria-describedby': ids.hint,
          disabled: busy,
          onChange: async (event: ChangeEvent<HTMLInputElement>) => {
            const chosen = event.target.files?.[0] ?? null
            chosenRef.current = chosen
            setReport(null)
            setError(null)
            // Until the new file is read, nothing may check or import the one it replaces.
            setFile(null)
            setStatus(chosen ? 'reading' : 'idle')
            if (!chosen) return
            const text = await chosen.text()
            if (chosenRef.current !== chosen) return
            const format = formatOf(chosen.name, text)
            if (!format) {
              setFile(null)
              setError(labels.notAFile)
              return setStatus('error')
            }
            setFile({ name: chosen.name, text, format })
            setStatus('ready')
          },
        },
        props,
      ),
    getCheckProps: (props) => mergeProps({ ...buttonPart(anatomy.attrs('check'), () => void run(true)), disabled: !file || busy }, props),
    getImportProps: (props) => mergeProps({ ...buttonPart(anatomy.attrs('import'), () => void run(false), 'primary'), disabled: !canImport }, props),
    getProgressProps: (props) => mergeProps({ ...anatomy.attrs('progress'), 'aria-label': status === 'checking' ? labels.checking : labels.importing }, props),
    getReportProps: (props) => mergeProps({ ...messagePart(error ? 'alert' : 'status', anatomy.attrs('report')), id: ids.report, tabIndex: -1 }, props),
  }
}
