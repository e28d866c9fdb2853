'use client'
import type { HTMLAttributes, LabelHTMLAttributes, ReactNode } from 'react'
import type { UseTagInputResult } from './useTagInput.js'

export interface TagInputProps {
  /** The prop getters from `useTagInput`. */
  input: UseTagInputResult
  label: ReactNode
  labelProps: LabelHTMLAttributes<HTMLLabelElement>
  /** How to add and remove tags, under the box; `hintId` should be in the box's `aria-describedby`. */
  hint: string
  hintId: string
  /** The field's error, `undefined` when it has none. */
  error: HTMLAttributes<HTMLElement> | undefined
  /** What the field's error says. */
  errorText?: string | undefined
  className?: string | undefined
}

/** Tags as removable chips, and a box that turns text into tags. */
export function TagInput({ input, label, labelProps, hint, hintId, error, errorText, className }: TagInputProps): ReactNode {
  return (
    <div data-part="field" data-field="tags" data-state={error ? 'invalid' : undefined} className={className}>
      <label {...labelProps}>{label}</label>
      {input.tags.length > 0 ? (
        <ul data-part="tag-list">
          {input.tags.map((tag, index) => (
            <li key={tag} data-part="chip">
              <span {...input.getTagProps(index)}>{tag}</span>
              <button {...input.getRemoveProps(index)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input {...input.getInputProps()} />
      <p id={hintId} data-part="hint">
        {hint}
      </p>
      {error ? <p {...error}>{errorText}</p> : null}
    </div>
  )
}
