'use client'
import { useState, type ButtonHTMLAttributes, type ChangeEvent, type HTMLAttributes, type InputHTMLAttributes, type KeyboardEvent } from 'react'
import { focusById } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import type { DataAttributes as Data } from '../kit/types.js'
import { editorAnatomy as anatomy } from './editorAnatomy.js'

export interface UseTagInputOptions {
  tags: readonly string[]
  onTagsChange(tags: string[]): void
  /** The text box's id, for its label. */
  id: string
  removeLabel(tag: string): string
  /** Said through the live region when a tag comes or goes. */
  onAnnounce?: ((change: 'added' | 'removed', tags: string) => void) | undefined
  readOnly?: boolean | undefined
  invalid?: boolean | undefined
  /** Ids of the hint and the error, for the box's `aria-describedby`. */
  describedBy?: string | undefined
  /** When focus leaves the box (what was typed is a tag by then): the field counts as visited. */
  onBlur?: (() => void) | undefined
}

export interface UseTagInputResult {
  /** The tags as they stand. */
  tags: readonly string[]
  /** What is typed and not yet a tag. */
  text: string
  getInputProps(props?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> & Data
  /** A tag's text element; its text is `tags[index]`. */
  getTagProps(index: number, props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & Data
  getRemoveProps(index: number, props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement> & Data
}

/**
 * A tag input: Enter or a comma turns the text into a tag (a pasted "a, b" becomes two), Backspace
 * in the empty box removes the last tag, and leaving the box keeps what was typed.
 */
export function useTagInput(options: UseTagInputOptions): UseTagInputResult {
  const { tags, onTagsChange, id, removeLabel, onAnnounce, readOnly } = options
  const [text, setText] = useState('')

  const add = (pieces: string[]): void => {
    const next = [...tags]
    for (const piece of pieces.map((p) => p.trim())) if (piece && !next.includes(piece)) next.push(piece)
    if (next.length !== tags.length) {
      onTagsChange(next)
      onAnnounce?.('added', next.slice(tags.length).join(', '))
    }
  }

  const remove = (index: number): void => {
    const tag = tags[index]
    if (tag === undefined) return
    onTagsChange(tags.filter((_, i) => i !== index))
    onAnnounce?.('removed', tag)
  }

  return {
    tags,
    text,
    getInputProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('tag-input'),
          id,
          value: text,
          readOnly,
          'aria-invalid': options.invalid || undefined,
          'aria-describedby': options.describedBy,
          onChange: (event: ChangeEvent<HTMLInputElement>) => {
            const pieces = event.target.value.split(',')
            const rest = pieces.pop() ?? ''
            if (pieces.length > 0) add(pieces)
            setText(rest)
          },
          onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
            if (event.key === 'Enter' && text.trim() !== '') {
              event.preventDefault()
              add([text])
              setText('')
            } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
              event.preventDefault()
              remove(tags.length - 1)
            }
          },
          onBlur: () => {
            if (text.trim() !== '') {
              add([text])
              setText('')
            }
            options.onBlur?.()
          },
        },
        props,
      ),
    getTagProps: (_index, props) => mergeProps(anatomy.attrs('tag'), props),
    getRemoveProps: (index, props) =>
      mergeProps(
        {
          ...anatomy.attrs('tag-remove'),
          type: 'button' as const,
          'aria-label': removeLabel(tags[index] ?? ''),
          hidden: readOnly || undefined,
          onClick: () => {
            remove(index)
            // The button is gone: the text box is where the user goes on.
            focusById(id)
          },
        },
        props,
      ),
  }
}
