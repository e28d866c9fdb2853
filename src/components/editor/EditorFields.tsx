'use client'
import { useMemo, type ReactNode } from 'react'
import { Avatar } from '../Avatar/Avatar.js'
import { AvatarPicker } from '../AvatarPicker/AvatarPicker.js'
import type { User } from '../../model/index.js'
import type { TextField } from './draft.js'
import type { EditorLabels } from './editorLabels.js'
import type { EditorView } from './editorView.js'
import { MetadataEditor } from './MetadataEditor.js'
import { TagInput } from './TagInput.js'

export interface EditorFieldsProps {
  editor: EditorView
  user: User
  labels: EditorLabels
  /** Offer the private part of metadata. */
  privateMetadata: boolean
}

function TextInput({ editor, field, labels }: { editor: EditorView; field: TextField; labels: EditorLabels }): ReactNode {
  const error = editor.getErrorProps(field)
  return (
    <div data-part="field" data-field={field} data-state={error ? 'invalid' : undefined}>
      <label {...editor.getLabelProps(field)}>
        {labels.fieldLabel[field]}
        {field === 'name' ? <span data-part="required"> {labels.required}</span> : null}
      </label>
      <input {...editor.getInputProps(field)} />
      {error ? <p {...error}>{editor.state.errors[field]}</p> : null}
    </div>
  )
}

/** The fields both editors share: name, avatar with its preview, picker and URL, link, status message, tags, metadata. */
export function EditorFields({ editor, user, labels, privateMetadata }: EditorFieldsProps): ReactNode {
  const { draft, errors } = editor.state
  const name = draft?.name.trim() || user.name
  const previewLabels = useMemo(() => ({ avatarOf: labels.avatarPreview }), [labels])
  return (
    <>
      <TextInput editor={editor} field="name" labels={labels} />
      <div data-part="avatar-field">
        <Avatar user={{ uid: user.uid, name, avatar: draft?.avatar.trim() ?? '' }} size="xl" labels={previewLabels} />
        <TextInput editor={editor} field="avatar" labels={labels} />
        <AvatarPicker uid={user.uid} avatar={user.avatar} />
      </div>
      <TextInput editor={editor} field="link" labels={labels} />
      <TextInput editor={editor} field="statusMessage" labels={labels} />
      <TagInput
        input={editor.tags}
        label={labels.fieldLabel.tags}
        labelProps={editor.getLabelProps('tags')}
        hint={labels.tagsHint}
        hintId={editor.ids.hint('tags')}
        error={editor.getErrorProps('tags')}
        errorText={errors.tags}
      />
      <MetadataEditor
        metadata={editor.metadata}
        labels={labels}
        hintId={editor.ids.hint('metadata')}
        error={editor.getErrorProps('metadata')}
        errorText={errors.metadata}
        privateMetadata={privateMetadata}
      />
    </>
  )
}
