'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import { ConflictPanel } from '../editor/ConflictPanel.js'
import { EditorActions } from '../editor/EditorActions.js'
import { EditorFields } from '../editor/EditorFields.js'
import { EditorLoadState } from '../editor/EditorLoadState.js'
import { cx } from '../shared/cx.js'
import { useUserEditor, type UseUserEditorOptions } from './useUserEditor.js'

export interface UserEditorProps extends UseUserEditorOptions, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {}

/**
 * An admin edits any user: the profile fields, the role (from `roles`), and deactivation.
 * Read-only for viewers who may not manage users (`readOnly`, or once the server answers 403).
 *
 * @example <UserEditor uid="grace" roles={['admin', 'moderator', 'default']} />
 */
export function UserEditor({ uid, roles, readOnly, labels: own, schema, onSaved, className, ...rest }: UserEditorProps): ReactNode {
  const editor = useUserEditor({ uid, roles, readOnly, labels: own, schema, onSaved })
  const { labels, state, base, lifecycle } = editor
  const roleError = editor.getErrorProps('role')
  const lifecycleAlert = lifecycle.error
  return (
    <div {...editor.getRootProps({ ...rest, className: cx('uk-user-editor', className) })}>
      <h2 data-part="title">{base ? labels.title(base.name) : labels.loadingTitle}</h2>
      <EditorLoadState state={state} labels={labels} retry={editor.retry} />
      {state === 'not-found' ? <p data-part="empty">{labels.notFound}</p> : null}
      {state === 'ready' && base ? (
        <>
          {editor.locked && !editor.forbidden ? (
            <p data-part="notice">{editor.isDeactivated ? labels.deactivatedNotice(base.name) : labels.readOnlyNotice}</p>
          ) : null}
          <form {...editor.getFormProps()}>
            <EditorFields editor={editor} user={base} labels={labels} privateMetadata={editor.privateMetadata} />
            <div data-part="field role" data-state={roleError ? 'invalid' : undefined}>
              <label {...editor.getLabelProps('role')}>{labels.fieldLabel.role}</label>
              <select {...editor.getRoleSelectProps()}>
                {editor.roleOptions.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
              {editor.isSelf ? (
                <p id={editor.ids.hint('role')} data-part="hint">
                  {labels.roleSelfHint}
                </p>
              ) : null}
              {roleError ? <p {...roleError} /> : null}
            </div>
            <ConflictPanel editor={editor} labels={labels} />
            {editor.locked ? (
              <>
                {editor.getAlertProps() ? <p {...editor.getAlertProps()} /> : null}
                <p {...editor.getStatusProps()} />
              </>
            ) : (
              <EditorActions editor={editor} />
            )}
          </form>
          {!editor.isSelf && !readOnly && !editor.forbidden ? (
            <div data-part="lifecycle">
              <div data-part="actions">
                <button {...lifecycle.getActionProps(editor.isDeactivated ? 'reactivate' : 'deactivate')} />
              </div>
              {lifecycle.asking ? (
                <div {...lifecycle.getConfirmProps()}>
                  <p {...lifecycle.getQuestionProps()} />
                  <button {...lifecycle.getConfirmButtonProps(true)} />
                  <button {...lifecycle.getConfirmButtonProps(false)} />
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
