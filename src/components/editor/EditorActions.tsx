'use client'
import type { ReactNode } from 'react'
import type { EditorCore } from './useEditorCore.js'
import type { EditorParts } from './useEditorParts.js'

/** Save and discard, the inline "discard?" question, and what the editor says after a save. */
export function EditorActions({ editor, children }: { editor: EditorCore & EditorParts; children?: ReactNode }): ReactNode {
  const alert = editor.getAlertProps()
  return (
    <>
      {alert ? <p {...alert} /> : null}
      <div data-part="actions">
        <button {...editor.getSubmitProps()} />
        <button {...editor.getResetProps()} />
        {children}
      </div>
      {editor.confirming ? (
        <div {...editor.getConfirmProps()}>
          <p {...editor.getConfirmQuestionProps()} />
          <button {...editor.getConfirmButtonProps(true)} />
          <button {...editor.getConfirmButtonProps(false)} />
        </div>
      ) : null}
      <p {...editor.getStatusProps()} />
      <p aria-live="polite" data-part="visually-hidden">
        {editor.announcement}
      </p>
    </>
  )
}
