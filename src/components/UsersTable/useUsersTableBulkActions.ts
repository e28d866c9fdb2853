'use client'
import { useRef, useState, type ChangeEvent, type HTMLAttributes, type InputHTMLAttributes, type SelectHTMLAttributes } from 'react'
import type { BulkAction, BulkProgress, BulkUsersInput, BulkUsersResult, UsersFileFormat } from '../../client/index.js'
import { isUserkitError } from '../../model/index.js'
import { useUserkit } from '../../react/context.js'
import { useBulkUsers } from '../../react/hooks/useBulkUsers.js'
import { buttonPart } from '../kit/buttonPart.js'
import { focusSoon } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import { parseTags } from '../shared/userFilters.js'
import type { UseUsersTableResult } from './useUsersTable.js'

/** Which users an action is for: by uid, or every user the table's filter matches (the server applies it). */
export type UsersTableTarget = BulkUsersInput['target']

export interface UseUsersTableBulkActionsOptions {
  /**
   * Erases the targeted users for good, through your backend (it holds the key): permanent deletion
   * is never the browser's. Without it there is no "Delete permanently".
   * @example onDeleteUsers={(target) => fetch('/admin/users/delete', { method: 'POST', body: JSON.stringify(target) })}
   */
  onDeleteUsers?: ((target: UsersTableTarget) => Promise<unknown>) | undefined
}

type Props<T> = PartProps<T>
type Button = Props<HTMLAttributes<HTMLButtonElement> & { type: 'button'; disabled?: boolean }>

export interface UseUsersTableBulkActionsResult {
  state: {
    pending: boolean
    /** While a large action runs on the server as a job: how far it is. */
    progress: BulkProgress | null
    /** The last action's outcome: what changed, and each uid it could not change. */
    result: BulkUsersResult | null
    /** Why the last action was refused whole, in the labels' words. */
    error: string | null
    role: string
    tagText: string
    confirmingDelete: boolean
    canDelete: boolean
  }
  getGroupProps(props?: HTMLAttributes<HTMLDivElement>): Props<HTMLAttributes<HTMLDivElement>>
  getActionProps(action: 'deactivate' | 'reactivate' | 'setRole' | 'addTags' | 'removeTags', props?: HTMLAttributes<HTMLButtonElement>): Button
  getRoleProps(props?: SelectHTMLAttributes<HTMLSelectElement>): Props<SelectHTMLAttributes<HTMLSelectElement>>
  getTagProps(props?: InputHTMLAttributes<HTMLInputElement>): Props<InputHTMLAttributes<HTMLInputElement>>
  getExportProps(format: UsersFileFormat, props?: HTMLAttributes<HTMLButtonElement>): Button
  getDeleteProps(props?: HTMLAttributes<HTMLButtonElement>): Button
  getDeleteConfirmProps(props?: InputHTMLAttributes<HTMLInputElement>): Props<InputHTMLAttributes<HTMLInputElement>>
  getDeleteConfirmButtonProps(props?: HTMLAttributes<HTMLButtonElement>): Button
  getDeleteCancelProps(props?: HTMLAttributes<HTMLButtonElement>): Button
  getResultProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  getProgressProps(props?: HTMLAttributes<HTMLProgressElement>): Props<HTMLAttributes<HTMLProgressElement> & { value: number; max: number }>
  ids: { role: string; tag: string; deleteConfirm: string; result: string }
}

/**
 * A UsersTable's bulk actions over its selection: one request each (`useBulkUsers`), aimed at the
 * uids picked or, after "select all matching", at the table's filter with the count the person saw
 * (the server refuses if that changed). The outcome says what changed and, row by row, what could
 * not; rows that failed stay selected. An action over more users than the server changes in one
 * request runs there as a job, its progress shown as it goes. Export downloads the same target as CSV or JSON Lines.
 */
export function useUsersTableBulkActions(table: UseUsersTableResult, { onDeleteUsers }: UseUsersTableBulkActionsOptions = {}): UseUsersTableBulkActionsResult {
  const { labels, state } = table
  const { client } = useUserkit('useUsersTableBulkActions')
  // The progress last told: a failure after it means a job the server had started, not a refusal.
  const lastProgress = useRef<BulkProgress | null>(null)
  const bulk = useBulkUsers({ onProgress: (progress) => void (lastProgress.current = progress) })
  const [role, setRole] = useState('')
  const [tagText, setTagText] = useState('')
  const [result, setResult] = useState<BulkUsersResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const [typed, setTyped] = useState('')
  const [erasing, setErasing] = useState(false)
  const baseId = useDomId()
  const ids = { role: `${baseId}-role`, tag: `${baseId}-tag`, deleteConfirm: `${baseId}-confirm`, result: `${baseId}-result` }
  const target: UsersTableTarget =
    state.selection.kind === 'matching' ? { filter: state.filter, expectedCount: state.total ?? 0 } : { uids: state.selection.uids }
  const pending = bulk.isPending || erasing
  const refused = (caught: unknown): void => setError(labels.bulkRefused(isUserkitError(caught) ? caught.code : 'ERR_INTERNAL'))

  const run = async (action: BulkAction, extra: Partial<BulkUsersInput> = {}): Promise<void> => {
    setError(null)
    setResult(null)
    lastProgress.current = null
    try {
      const outcome = await bulk.mutateAsync({ action, target, ...extra })
      setResult(outcome)
      // When some failed, only those stay selected, to look at or try again; what succeeded is done.
      if (outcome.failed.length > 0) table.actions.select(outcome.failed.map((failure) => failure.uid))
    } catch (caught) {
      // Read anew: set by onProgress while the action ran.
      const job = lastProgress.current as BulkProgress | null
      if (job) setError(labels.bulkStopped(job.processed, job.total))
      else refused(caught)
    }
    focusSoon(ids.result)
  }
  const download = async (format: UsersFileFormat): Promise<void> => {
    setError(null)
    try {
      const filter = 'filter' in target ? target.filter : { uids: [...target.uids] }
      const blob = await new Response(await client.exportUsers(filter, { format })).blob()
      const link = document.createElement('a')
      link.href = URL.createObjectURL(blob)
      link.download = `users.${format === 'csv' ? 'csv' : 'jsonl'}`
      link.click()
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    } catch (caught) {
      refused(caught)
      focusSoon(ids.result)
    }
  }
  const erase = async (): Promise<void> => {
    if (!onDeleteUsers) return
    setErasing(true)
    setError(null)
    try {
      await onDeleteUsers(target)
      setConfirmingDelete(false)
      setTyped('')
      table.actions.clearSelection()
      table.actions.retry()
    } catch (caught) {
      setError(caught instanceof Error && !isUserkitError(caught) ? caught.message : labels.bulkRefused(isUserkitError(caught) ? caught.code : 'ERR_INTERNAL'))
    } finally {
      setErasing(false)
      focusSoon(ids.result)
    }
  }
  const tags = parseTags(tagText)
  const button = (part: string, onClick: () => void, disabled = false): Button =>
    ({ ...buttonPart({ 'data-part': part }, onClick), disabled: pending || disabled }) as Button

  return {
    state: { pending, progress: bulk.isPending ? bulk.progress : null, result, error, role, tagText, confirmingDelete, canDelete: onDeleteUsers !== undefined },
    ids,
    getGroupProps: (props) => mergeProps({ 'data-part': 'bulk-actions', role: 'group', 'aria-label': labels.bulkActions, 'aria-busy': pending || undefined }, props),
    getActionProps: (action, props) =>
      mergeProps(
        button(
          `bulk-${action}`,
          () => void run(action, action === 'setRole' ? { role } : action === 'addTags' || action === 'removeTags' ? { tags } : {}),
          (action === 'setRole' && !role) || ((action === 'addTags' || action === 'removeTags') && tags.length === 0),
        ),
        props,
      ),
    getRoleProps: (props) =>
      mergeProps({ 'data-part': 'bulk-role', id: ids.role, value: role, onChange: (event: ChangeEvent<HTMLSelectElement>) => setRole(event.target.value) }, props),
    getTagProps: (props) =>
      mergeProps(
        { 'data-part': 'bulk-tag', id: ids.tag, type: 'text', autoComplete: 'off', value: tagText, onChange: (event: ChangeEvent<HTMLInputElement>) => setTagText(event.target.value) },
        props,
      ),
    getExportProps: (format, props) => mergeProps(button(`export-${format}`, () => void download(format)), props),
    getDeleteProps: (props) =>
      mergeProps(
        {
          ...button('bulk-delete', () => {
            setConfirmingDelete(true)
            focusSoon(ids.deleteConfirm)
          }),
          'data-variant': 'danger',
        },
        props,
      ),
    getDeleteConfirmProps: (props) =>
      mergeProps(
        { 'data-part': 'delete-confirm', id: ids.deleteConfirm, type: 'text', autoComplete: 'off', value: typed, onChange: (event: ChangeEvent<HTMLInputElement>) => setTyped(event.target.value) },
        props,
      ),
    getDeleteConfirmButtonProps: (props) =>
      mergeProps({ ...button('delete-now', () => void erase(), typed.trim() !== labels.deleteWord), 'data-variant': 'danger' }, props),
    getDeleteCancelProps: (props) =>
      mergeProps(
        button('delete-cancel', () => {
          setConfirmingDelete(false)
          setTyped('')
        }),
        props,
      ),
    getProgressProps: (props) =>
      mergeProps(
        {
          'data-part': 'bulk-progress',
          value: bulk.progress?.processed ?? 0,
          max: Math.max(1, bulk.progress?.total ?? 1),
          'aria-label': labels.bulkProgress(bulk.progress?.processed ?? 0, bulk.progress?.total ?? 0),
        },
        props,
      ),
    getResultProps: (props) => mergeProps({ ...messagePart(error ? 'alert' : 'status', { 'data-part': 'bulk-result' }), id: ids.result, tabIndex: -1 }, props),
  }
}
