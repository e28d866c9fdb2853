'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import { ConflictPanel } from '../editor/ConflictPanel.js'
import { EditorActions } from '../editor/EditorActions.js'
import { EditorFields } from '../editor/EditorFields.js'
import { ReadOnlyFields } from '../editor/ReadOnlyFields.js'
import { EditorLoadState } from '../editor/EditorLoadState.js'
import { PresenceBadge } from '../PresenceBadge/PresenceBadge.js'
import { cx } from '../shared/cx.js'
import { useUserEditor, type UseUserEditorOptions } from './useUserEditor.js'

export interface UserEditorProps extends UseUserEditorOptions, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {}

/**
 * An admin edits any user: the profile fields, the role (from `roles`), and deactivation.
 * Read-only for viewers who may not manage users (`readOnly`, or once the server answers 403).
 *
 * @example <UserEditor uid="grace" roles={['admin', 'moderator', 'default']} />
 */
export function UserEditor({ uid, roles, readOnly, labels: own, schema, onSaved, onDelete, onDeleted, leaveGuard, className, ...rest }: UserEditorProps): ReactNode {
  const editor = useUserEditor({ uid, roles, readOnly, labels: own, schema, onSaved, onDelete, onDeleted, leaveGuard })
  const { labels, state, lifecycle } = editor
  const { load, base } = state
  const roleError = editor.getErrorProps('role')
  const lifecycleAlert = lifecycle.state.error
  const alert = editor.getAlertProps()
  return (
    <div {...editor.getRootProps({ ...rest, className: cx('uk-user-editor', className) })}>
      <h2 data-part="title">{base ? labels.title(base.name) : labels.loadingTitle}</h2>
      {base && !lifecycle.state.deleted ? (
        <dl data-part="meta">
          <div>
            <dt>{labels.uid}</dt>
            <dd>
              <code>{base.uid}</code>
            </dd>
          </div>
          <div>
            <dt>{labels.created}</dt>
            <dd>{editor.formatDate(base.createdAt)}</dd>
          </div>
          <div>
            <dt>{labels.updated}</dt>
            <dd>{editor.formatDate(base.updatedAt)}</dd>
          </div>
          <div>
            <dd>
              <PresenceBadge user={base} />
            </dd>
          </div>
        </dl>
      ) : null}
      <EditorLoadState state={load} labels={labels} retry={editor.actions.retry} />
      {lifecycle.state.deleted ? <p {...lifecycle.getDeletedProps()}>{lifecycle.state.notice}</p> : null}
      {load === 'signed-out' ? <p data-part="empty">{labels.signedOut}</p> : null}
      {load === 'not-found' && !lifecycle.state.deleted ? <p data-part="empty">{labels.notFound}</p> : null}
      {load === 'ready' && base && !lifecycle.state.deleted ? (
        <>
          {state.locked && !state.forbidden ? (
            <p data-part="notice">{state.isDeactivated ? labels.deactivatedNotice(base.name) : labels.readOnlyNotice}</p>
          ) : null}
          <form {...editor.getFormProps()}>
            {state.locked && !state.forbidden ? (
              // Read-only or deactivated: plain text. (After a 403 the inputs stay, holding the draft.)
              <ReadOnlyFields user={base} labels={labels} roleName={state.roleName} privateMetadata={state.privateMetadata} />
            ) : (
              <>
              <EditorFields editor={editor} user={base} labels={labels} privateMetadata={state.privateMetadata} />
              <div data-part="field" data-field="role" data-state={roleError ? 'invalid' : undefined}>
                <label {...editor.getLabelProps('role')}>{labels.fieldLabel.role}</label>
                <select {...editor.getRoleSelectProps()}>
                  {state.roleOptions.map((role) => (
                    <option key={role} value={role}>
                      {state.roleName(role)}
                    </option>
                  ))}
                </select>
                {state.isSelf ? (
                  <p id={editor.ids.hint('role')} data-part="hint">
                    {labels.roleSelfHint}
                  </p>
                ) : null}
                {roleError ? <p {...roleError}>{state.errors.role}</p> : null}
              </div>
              <ConflictPanel editor={editor} labels={labels} />
              </>
            )}
            {state.locked ? (
              <>
                {alert ? <p {...alert}>{state.formError}</p> : null}
                <p {...editor.getStatusProps()}>{state.notice}</p>
              </>
            ) : (
              <EditorActions editor={editor} labels={labels} />
            )}
          </form>
          {!state.isSelf && !readOnly && !state.forbidden ? (
            <div data-part="lifecycle">
              <div data-part="actions">
                <button {...lifecycle.getActionProps(state.isDeactivated ? 'reactivate' : 'deactivate')}>
                  {state.isDeactivated ? labels.reactivate : labels.deactivate}
                </button>
                {lifecycle.state.canDelete ? <button {...lifecycle.getActionProps('delete')}>{labels.deletePermanently}</button> : null}
              </div>
              {lifecycle.state.asking ? (
                <div {...lifecycle.getConfirmProps()}>
                  <p {...lifecycle.getQuestionProps()}>
                    {lifecycle.state.asking === 'reactivate'
                      ? labels.reactivateQuestion(base.name)
                      : lifecycle.state.asking === 'delete'
                        ? labels.deleteQuestion(base.name)
                        : labels.deactivateQuestion(base.name)}
                  </p>
                  <button {...lifecycle.getConfirmButtonProps(true)}>
                    {lifecycle.state.asking === 'reactivate'
                      ? labels.reactivate
                      : lifecycle.state.asking === 'delete'
                        ? labels.deletePermanently
                        : labels.deactivate}
                  </button>
                  <button {...lifecycle.getConfirmButtonProps(false)}>{labels.cancel}</button>
                </div>
              ) : null}
              {lifecycleAlert ? (
                <p role="alert" data-part="alert">
                  {lifecycleAlert}
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
