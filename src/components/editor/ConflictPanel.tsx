'use client'
import type { ReactNode } from 'react'
import type { EditorLabels } from './editorLabels.js'
import type { EditorView } from './editorView.js'

/** After a 412: each field yours / on the server, a choice per field, and the ways out. */
export function ConflictPanel({ editor, labels }: { editor: EditorView; labels: EditorLabels }): ReactNode {
  const view = editor.conflictView
  if (!editor.state.conflict) return null
  return (
    <section {...view.getPanelProps()}>
      <h3 {...view.getTitleProps()}>{labels.conflictTitle}</h3>
      <p data-part="hint">{labels.conflictHint}</p>
      {view.rows.map((row) => (
        <fieldset key={row.field} data-part="conflict-field">
          <legend data-part="legend">{labels.choiceLegend(row.label)}</legend>
          {(['yours', 'theirs'] as const).map((choice) => {
            const input = view.getChoiceProps(row.field, choice)
            return (
              <div key={choice} data-part="conflict-option" data-state={choice}>
                <input {...input} />
                <label htmlFor={input.id} data-part="label">
                  <span data-part="conflict-side">{choice === 'yours' ? labels.yours : labels.theirs}</span>
                  <span data-part="conflict-value">{choice === 'yours' ? row.yours : row.theirs}</span>
                </label>
              </div>
            )
          })}
        </fieldset>
      ))}
      <div data-part="actions">
        <button {...view.getResolveProps('choices')}>{labels.applyChoices}</button>
        <button {...view.getResolveProps('yours')}>{labels.keepAllMine}</button>
        <button {...view.getResolveProps('theirs')}>{labels.takeAllTheirs}</button>
      </div>
    </section>
  )
}
