'use client'
import {
  useEffect,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type FormHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type SelectHTMLAttributes,
} from 'react'
import { composeEventHandlers } from '../shared/composeEventHandlers.js'
import { cx } from '../shared/cx.js'
import { buttonProps, messageProps } from '../shared/partProps.js'
import { useDomId } from '../shared/useDomId.js'
import { conflictParts, type ConflictParts } from './conflictParts.js'
import type { EditorField, TextField } from './draft.js'
import type { EditorLabels } from './editorLabels.js'
import { metadataParts, type MetadataParts } from './metadataParts.js'
import type { EditorCore } from './useEditorCore.js'
import { useTagInput, type UseTagInputResult } from './useTagInput.js'

type Data = Record<`data-${string}`, string | undefined>
type Props<T> = T & Data

export interface EditorParts {
  /** Ids of a field's parts, for markup of your own. */
  ids: { field(field: EditorField): string; error(field: EditorField): string; hint(field: EditorField): string }
  tags: UseTagInputResult
  metadata: MetadataParts
  conflictView: ConflictParts
  /** What the polite live region says about tags coming and going. */
  announcement: string
  getFormProps(props?: FormHTMLAttributes<HTMLFormElement>): Props<FormHTMLAttributes<HTMLFormElement>> & { ref: (node: HTMLFormElement | null) => void }
  getLabelProps(field: EditorField, props?: LabelHTMLAttributes<HTMLLabelElement>): Props<LabelHTMLAttributes<HTMLLabelElement>>
  getInputProps(field: TextField, props?: InputHTMLAttributes<HTMLInputElement>): Props<InputHTMLAttributes<HTMLInputElement>>
  getSelectProps(field: 'role', props?: SelectHTMLAttributes<HTMLSelectElement>): Props<SelectHTMLAttributes<HTMLSelectElement>>
  /** `undefined` while the field has nothing to say. */
  getErrorProps(field: EditorField): Props<HTMLAttributes<HTMLElement>> | undefined
  getSubmitProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
  getResetProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
  getConfirmProps(): Props<HTMLAttributes<HTMLElement>>
  getConfirmQuestionProps(): Props<HTMLAttributes<HTMLElement>>
  getConfirmButtonProps(discard: boolean): Props<ButtonHTMLAttributes<HTMLButtonElement>>
  getStatusProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  /** `undefined` unless a save failed in a way no one field explains. */
  getAlertProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>> | undefined
}

const autoComplete: Record<TextField, string> = { name: 'name', avatar: 'photo', link: 'url', statusMessage: 'off' }

/** The prop getters over an editor's core: ids, ARIA, handlers and focus moves. */
export function useEditorParts(core: EditorCore, labels: EditorLabels, readOnly: boolean): EditorParts {
  const idBase = useDomId()
  const form = useRef<HTMLFormElement | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const saving = core.status === 'saving'
  const locked = readOnly || saving
  const ids: EditorParts['ids'] = {
    field: (field) => `${idBase}-${field}`,
    error: (field) => `${idBase}-${field}-error`,
    hint: (field) => `${idBase}-${field}-hint`,
  }
  const described = (field: EditorField, theirs?: string): string | undefined =>
    cx(theirs, core.errorOf(field) ? ids.error(field) : undefined)
  const invalid = (field: EditorField): true | undefined => (core.errorOf(field) ? true : undefined)

  const tags = useTagInput({
    tags: core.draft?.tags ?? [],
    onTagsChange: (next) => core.setField('tags', next),
    id: ids.field('tags'),
    removeLabel: labels.removeTag,
    onAnnounce: (change, tag) => setAnnouncement(change === 'added' ? labels.tagAdded(tag) : labels.tagRemoved(tag)),
    readOnly: locked,
    invalid: !!invalid('tags'),
    describedBy: described('tags', ids.hint('tags')),
    onBlur: () => core.touch('tags'),
  })

  const focus = (selector: string): void => {
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(selector)?.focus())
  }
  const { invalidSubmits, confirming, conflict } = core
  useEffect(() => {
    if (invalidSubmits > 0) focus('[aria-invalid="true"]')
  }, [invalidSubmits])
  useEffect(() => {
    if (confirming) focus('[data-part~="confirm-cancel"]')
  }, [confirming])
  useEffect(() => {
    if (conflict) focus('[data-part="conflict-title"]')
  }, [conflict])

  return {
    ids,
    tags,
    metadata: metadataParts(core, labels, idBase, locked),
    conflictView: conflictParts(core, labels, idBase),
    announcement,
    getFormProps: (props = {}) => ({
      ...props,
      ref: (node) => {
        form.current = node
      },
      noValidate: true,
      'aria-busy': saving || undefined,
      'data-part': 'form',
      'data-state': core.status,
      onSubmit: composeEventHandlers(props.onSubmit, (event) => {
        event.preventDefault()
        void core.submit()
      }),
    }),
    getLabelProps: (field, props = {}) => ({ ...props, htmlFor: ids.field(field), 'data-part': 'label' }),
    getInputProps: (field, props = {}) => ({
      ...props,
      id: ids.field(field),
      name: field,
      type: field === 'avatar' || field === 'link' ? 'url' : 'text',
      autoComplete: autoComplete[field],
      value: core.draft?.[field] ?? '',
      readOnly: locked,
      'aria-required': field === 'name' || undefined,
      'aria-invalid': invalid(field),
      'aria-describedby': described(field, props['aria-describedby']),
      'data-part': 'input',
      'data-state': invalid(field) ? 'invalid' : undefined,
      onChange: composeEventHandlers(props.onChange, (event) => core.setField(field, event.target.value)),
      onBlur: composeEventHandlers(props.onBlur, () => core.touch(field)),
    }),
    getSelectProps: (field, props = {}) => ({
      ...props,
      id: ids.field(field),
      name: field,
      value: core.draft?.role ?? '',
      disabled: locked || props.disabled,
      'aria-invalid': invalid(field),
      'aria-describedby': described(field, props['aria-describedby']),
      'data-part': 'select',
      onChange: composeEventHandlers(props.onChange, (event) => core.setField('role', event.target.value)),
    }),
    getErrorProps: (field) => {
      const message = core.errorOf(field)
      return message ? { id: ids.error(field), 'data-part': 'field-error', children: message } : undefined
    },
    getSubmitProps: (props = {}) => ({
      ...props,
      type: 'submit',
      id: `${idBase}-submit`,
      disabled: readOnly || !!conflict || props.disabled,
      'aria-disabled': saving || undefined,
      'data-part': 'button submit',
      'data-variant': 'primary',
      'data-state': saving ? 'saving' : undefined,
      children: saving ? labels.saving : labels.save,
    }),
    getResetProps: (props = {}) => ({
      ...buttonProps('reset', labels.reset, () => {
        void core.confirmLeave().then((discarded) => focus(discarded ? 'input:not([readonly])' : '[data-part~="reset"]'))
      }, props),
      type: 'button',
      disabled: !core.isDirty || locked || confirming || props.disabled,
    }),
    getConfirmProps: () => ({
      role: 'group',
      'aria-labelledby': `${idBase}-confirm`,
      'data-part': 'confirm',
      'data-state': confirming ? 'open' : 'closed',
    }),
    getConfirmQuestionProps: () => ({ id: `${idBase}-confirm`, 'data-part': 'confirm-question', children: labels.discardQuestion }),
    getConfirmButtonProps: (discard) => ({
      type: 'button',
      'data-part': discard ? 'button confirm-discard' : 'button confirm-cancel',
      'data-variant': discard ? 'danger' : undefined,
      children: discard ? labels.discardConfirm : labels.discardCancel,
      onClick: () => core.answer(discard),
    }),
    getStatusProps: (props) => messageProps('status', 'status', core.notice, props),
    getAlertProps: (props) => (core.formError ? messageProps('alert', 'alert', core.formError, props) : undefined),
  }
}
