'use client'
import type { ReactNode } from 'react'
import type { EditorLabels } from './editorLabels.js'
import type { EditorView } from './editorView.js'

export interface EditorActionsProps {
  editor: EditorView
  labels: EditorLabels
  /** More buttons, after save and discard. */
  children?: ReactNode
}

/** Save and discard, the inline "discard?" question, and what the editor says after a save. */
export function EditorActions({ editor, labels, children }: EditorActionsProps): ReactNode {
  const { state } = editor
  const alert = editor.getAlertProps()
  return (
    <>
      {alert ? <p {...alert}>{state.formError}</p> : null}
      <div data-part="actions">
        <button {...editor.getSubmitProps()}>{state.status === 'saving' ? labels.saving : labels.save}</button>
        <button {...editor.getResetProps()}>{labels.reset}</button>
        {children}
      </div>
      {state.confirming ? (
        <div {...editor.getConfirmProps()}>
          <p {...editor.getConfirmQuestionProps()}>{labels.discardQuestion}</p>
          <button {...editor.getConfirmButtonProps(true)}>{labels.discardConfirm}</button>
          <button {...editor.getConfirmButtonProps(false)}>{labels.discardCancel}</button>
        </div>
      ) : null}
      <p {...editor.getStatusProps()}>{state.notice}</p>
      <p {...editor.getAnnouncementProps()}>{state.announcement}</p>
    </>
  )
}
