'use client'
import type { ReactNode } from 'react'
import type { UseUsersTableResult } from './useUsersTable.js'
import { useUsersTableBulkActions, type UseUsersTableBulkActionsOptions } from './useUsersTableBulkActions.js'

// A job over 50,000 users may fail thousands: the first ones say why, the rest stay selected.
const SHOWN_FAILURES = 50

export interface UsersTableBulkActionsProps extends UseUsersTableBulkActionsOptions {
  table: UseUsersTableResult
  /** The roles "Change role" offers. */
  roles: readonly string[]
  /** A role as shown. @default the id */
  roleName?: (role: string) => string
}

/**
 * The actions over a UsersTable's selection: deactivate, reactivate, change role, add or remove a
 * tag, export, and (with `onDeleteUsers`) delete permanently after typing a word. Use it in
 * `renderBulkActions`: `renderBulkActions={(table) => <UsersTableBulkActions table={table} roles={roles} />}`.
 */
export function UsersTableBulkActions({ table, roles, roleName = (role) => role, onDeleteUsers }: UsersTableBulkActionsProps): ReactNode {
  const actions = useUsersTableBulkActions(table, { onDeleteUsers })
  const { labels } = table
  const { state } = actions
  const selected = table.state.selectedCount
  return (
    <div {...actions.getGroupProps()}>
      <button {...actions.getActionProps('deactivate')}>{labels.deactivate}</button>
      <button {...actions.getActionProps('reactivate')}>{labels.reactivate}</button>
      <span data-part="bulk-field">
        <label htmlFor={actions.ids.role}>{labels.newRole}</label>
        <select {...actions.getRoleProps()}>
          <option value="" />
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
        </select>
        <button {...actions.getActionProps('setRole')}>{labels.applyRole}</button>
      </span>
      <span data-part="bulk-field">
        <label htmlFor={actions.ids.tag}>{labels.tag}</label>
        <input {...actions.getTagProps()} />
        <button {...actions.getActionProps('addTags')}>{labels.addTag}</button>
        <button {...actions.getActionProps('removeTags')}>{labels.removeTag}</button>
      </span>
      <button {...actions.getExportProps('csv')}>{labels.exportCsv}</button>
      <button {...actions.getExportProps('jsonl')}>{labels.exportJsonl}</button>
      {state.canDelete ? <button {...actions.getDeleteProps()}>{labels.deletePermanently}</button> : null}
      {state.confirmingDelete ? (
        <div data-part="delete-dialog" role="group" aria-label={labels.deletePermanently}>
          <p>{labels.deleteQuestion(selected)}</p>
          <label htmlFor={actions.ids.deleteConfirm}>{labels.deleteConfirmLabel(labels.deleteWord)}</label>
          <input {...actions.getDeleteConfirmProps()} />
          <button {...actions.getDeleteConfirmButtonProps()}>{labels.deletePermanently}</button>
          <button {...actions.getDeleteCancelProps()}>{labels.cancel}</button>
        </div>
      ) : null}
      {/* Outside the live region: a count that moves every half second is not to be read out each time. */}
      {state.progress && state.progress.total > state.progress.processed ? (
        <p data-part="bulk-progress-row">
          <progress {...actions.getProgressProps()} /> {labels.bulkProgress(state.progress.processed, state.progress.total)}
        </p>
      ) : null}
      <div {...actions.getResultProps()}>
        {state.pending ? labels.working : null}
        {state.error}
        {state.result ? (
          <>
            <p>{labels.bulkDone(state.result.succeeded.length, state.result.failed.length)}</p>
            {state.result.failed.length > 0 ? (
              <ul>
                {state.result.failed.slice(0, SHOWN_FAILURES).map((failure) => (
                  <li key={failure.uid}>{labels.bulkFailure(failure.uid, failure.code)}</li>
                ))}
                {state.result.failed.length > SHOWN_FAILURES ? <li>{labels.moreFailures(state.result.failed.length - SHOWN_FAILURES)}</li> : null}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  )
}
