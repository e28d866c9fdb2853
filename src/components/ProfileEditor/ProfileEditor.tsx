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
          {/* Text, not an input: nobody changes their own role, so nothing here looks typeable. */}
          <dl data-part="read-only">
            <div data-part="read-only-field" data-field="role">
              <dt>{labels.fieldLabel.role}</dt>
              <dd>
                {state.roleName}
                <span data-part="hint"> {labels.roleHint}</span>
              </dd>
            </div>
          </dl>
          <ConflictPanel editor={editor} labels={labels} />
          <EditorActions editor={editor} labels={labels} />
        </form>
      ) : null}
    </div>
  )
}
