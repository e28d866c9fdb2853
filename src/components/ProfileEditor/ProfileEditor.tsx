'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import { ConflictPanel } from '../editor/ConflictPanel.js'
import { EditorActions } from '../editor/EditorActions.js'
import { EditorFields } from '../editor/EditorFields.js'
import { EditorLoadState } from '../editor/EditorLoadState.js'
import { cx } from '../shared/cx.js'
import { useProfileEditor, type UseProfileEditorOptions } from './useProfileEditor.js'

export interface ProfileEditorProps extends UseProfileEditorOptions, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {}

/**
 * The logged-in user edits their own profile: name, avatar (with a live preview), link, status
 * message, tags and metadata; the role is shown, not editable.
 *
 * @example <ProfileEditor onSaved={(user) => toast(`Saved ${user.name}`)} />
 */
export function ProfileEditor({ labels: own, schema, onSaved, leaveGuard, className, ...rest }: ProfileEditorProps): ReactNode {
  const editor = useProfileEditor({ labels: own, schema, onSaved, leaveGuard })
  const { labels, state } = editor
  const { load, base } = state
  return (
    <div {...editor.getRootProps({ ...rest, className: cx('uk-profile-editor', className) })}>
      <h2 data-part="title">{labels.title}</h2>
      {load === 'signed-out' ? <p data-part="empty">{labels.signedOut}</p> : null}
      <EditorLoadState state={load} labels={labels} retry={editor.actions.retry} />
      {load === 'ready' && base ? (
        <form {...editor.getFormProps()}>
          <EditorFields editor={editor} user={base} labels={labels} privateMetadata />
          <div data-part="field" data-field="role">
            <label {...editor.getLabelProps('role')}>{labels.fieldLabel.role}</label>
            <input {...editor.getRoleProps()} />
            <p id={editor.ids.hint('role')} data-part="hint">
              {labels.roleHint}
            </p>
          </div>
          <ConflictPanel editor={editor} labels={labels} />
          <EditorActions editor={editor} labels={labels} />
        </form>
      ) : null}
    </div>
  )
}
