'use client'
import {
  useEffect,
  useState,
  type ButtonHTMLAttributes,
  type ChangeEvent,
  type FormEvent,
  type FormHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type SelectHTMLAttributes,
} from 'react'
import { buttonPart } from '../kit/buttonPart.js'
import { focusSoon } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import { cx } from '../shared/cx.js'
import { conflictParts, type ConflictParts } from './conflictParts.js'
import { editorAnatomy as anatomy } from './editorAnatomy.js'
import type { EditorField, TextField } from './draft.js'
import type { EditorLabels } from './editorLabels.js'
import { metadataParts, type MetadataParts } from './metadataParts.js'
import type { EditorCore } from './useEditorCore.js'
import { useTagInput, type UseTagInputResult } from './useTagInput.js'

type Props<T> = PartProps<T>

export interface EditorParts {
  /** Ids of a field's parts, for markup of your own. */
  ids: { field(field: EditorField): string; error(field: EditorField): string; hint(field: EditorField): string; submit: string; reset: string }
  tags: UseTagInputResult
  metadata: MetadataParts
  conflictView: ConflictParts
  /** What the polite live region says about tags coming and going. */
  announcement: string
  getFormProps(props?: FormHTMLAttributes<HTMLFormElement>): Props<FormHTMLAttributes<HTMLFormElement>>
  getLabelProps(field: EditorField, props?: LabelHTMLAttributes<HTMLLabelElement>): Props<LabelHTMLAttributes<HTMLLabelElement>>
  getInputProps(field: TextField, props?: InputHTMLAttributes<HTMLInputElement>): Props<InputHTMLAttributes<HTMLInputElement>>
  getSelectProps(field: 'role', props?: SelectHTMLAttributes<HTMLSelectElement>): Props<SelectHTMLAttributes<HTMLSelectElement>>
  /** `undefined` while the field has nothing to say; its text is `state.errors[field]`. */
  getErrorProps(field: EditorField, props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>> | undefined
  /** Its text: `labels.saving` while saving, else `labels.save`. */
  getSubmitProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
  getResetProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
  getConfirmProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  getConfirmQuestionProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  getConfirmButtonProps(discard: boolean, props?: ButtonHTMLAttributes<HTMLButtonElement>): Props<ButtonHTMLAttributes<HTMLButtonElement>>
  /** Its text is `state.notice`. */
  getStatusProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
  /** `undefined` unless a save failed in a way no one field explains; its text is `state.formError`. */
  getAlertProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>> | undefined
  /** The polite live region saying tags come and go: its text is `announcement`. */
  getAnnouncementProps(props?: HTMLAttributes<HTMLElement>): Props<HTMLAttributes<HTMLElement>>
}

const autoComplete: Record<TextField, string> = { name: 'name', avatar: 'photo', link: 'url', statusMessage: 'off' }

/** The prop getters over an editor's core: ids, ARIA, handlers and focus moves. */
export function useEditorParts(core: EditorCore, labels: EditorLabels, readOnly: boolean): EditorParts {
  const idBase = useDomId()
  const [announcement, setAnnouncement] = useState('')
  const saving = core.status === 'saving'
  const locked = readOnly || saving
  const ids: EditorParts['ids'] = {
    field: (field) => `${idBase}-${field}`,
    error: (field) => `${idBase}-${field}-error`,
    hint: (field) => `${idBase}-${field}-hint`,
    submit: `${idBase}-submit`,
    reset: `${idBase}-reset`,
  }
  const described = (field: EditorField, before?: string): string | undefined =>
    cx(before, core.errorOf(field) ? ids.error(field) : undefined)
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

  const metadata = metadataParts(core, labels, idBase, locked)
  const conflictView = conflictParts(core, labels, idBase)
  const { invalidSubmits, confirming, conflict } = core
  // The first invalid control in the form's order: the text fields, the tags, a metadata row, the role.
  const invalidIds = (): string[] => [
    ...(['name', 'avatar', 'link', 'statusMessage', 'tags'] as const).filter((field) => core.errorOf(field)).map(ids.field),
    ...(core.draft?.metadata ?? []).filter((row) => core.rowErrorOf(row)).map(metadata.keyId),
    ...(core.errorOf('role') ? [ids.field('role')] : []),
  ]
  useEffect(() => {
    if (invalidSubmits > 0) focusSoon(...invalidIds())
  }, [invalidSubmits])
  useEffect(() => {
    if (confirming) focusSoon(`${idBase}-confirm-cancel`)
  }, [confirming])
  useEffect(() => {
    if (conflict) focusSoon(conflictView.titleId)
  }, [conflict])

  return {
    ids,
    tags,
    metadata,
    conflictView,
    announcement,
    getFormProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('form'),
          noValidate: true,
          'aria-busy': saving || undefined,
          'data-state': core.status,
          onSubmit: (event: FormEvent<HTMLFormElement>) => {
            event.preventDefault()
            void core.submit()
          },
        },
        props,
      ),
    getLabelProps: (field, props) => mergeProps({ ...anatomy.attrs('label'), htmlFor: ids.field(field) }, props),
    getInputProps: (field, props) =>
      mergeProps(
        {
          ...anatomy.attrs('input'),
          id: ids.field(field),
          name: field,
          type: field === 'avatar' || field === 'link' ? 'url' : 'text',
          autoComplete: autoComplete[field],
          value: core.draft?.[field] ?? '',
          readOnly: locked,
          'aria-required': field === 'name' || undefined,
          'aria-invalid': invalid(field),
          'aria-describedby': described(field),
          'data-state': invalid(field) ? 'invalid' : undefined,
          onChange: (event: ChangeEvent<HTMLInputElement>) => core.setField(field, event.target.value),
          onBlur: () => core.touch(field),
        },
        props,
      ),
    getSelectProps: (field, props) =>
      mergeProps(
        {
          ...anatomy.attrs('select'),
          id: ids.field(field),
          name: field,
          value: core.draft?.role ?? '',
          disabled: locked || undefined,
          'aria-invalid': invalid(field),
          'aria-describedby': described(field),
          onChange: (event: ChangeEvent<HTMLSelectElement>) => core.setField('role', event.target.value),
        },
        props,
      ),
    getErrorProps: (field, props) => (core.errorOf(field) ? mergeProps({ ...anatomy.attrs('field-error'), id: ids.error(field) }, props) : undefined),
    getSubmitProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('submit'),
          type: 'submit' as const,
          id: ids.submit,
          disabled: readOnly || !!conflict || undefined,
          'aria-disabled': saving || undefined,
          'data-variant': 'primary',
          'data-state': saving ? 'saving' : undefined,
        },
        props,
      ),
    getResetProps: (props) =>
      mergeProps(
        {
          ...buttonPart(anatomy.attrs('reset'), () => {
            void core.confirmLeave().then((discarded) => focusSoon(discarded ? ids.field('name') : ids.reset))
          }),
          id: ids.reset,
          disabled: !core.isDirty || locked || confirming,
        },
        props,
      ),
    getConfirmProps: (props) =>
      mergeProps(
        { ...anatomy.attrs('confirm'), role: 'group', 'aria-labelledby': `${idBase}-confirm`, 'data-state': confirming ? 'open' : 'closed' },
        props,
      ),
    getConfirmQuestionProps: (props) => mergeProps({ ...anatomy.attrs('confirm-question'), id: `${idBase}-confirm` }, props),
    getConfirmButtonProps: (discard, props) =>
      mergeProps(
        {
          ...buttonPart(anatomy.attrs(discard ? 'confirm-discard' : 'confirm-cancel'), () => core.answer(discard), discard ? 'danger' : 'default'),
          id: discard ? `${idBase}-confirm-discard` : `${idBase}-confirm-cancel`,
        },
        props,
      ),
    getStatusProps: (props) => mergeProps(messagePart('status', anatomy.attrs('status')), props),
    getAlertProps: (props) => (core.formError ? mergeProps(messagePart('alert', anatomy.attrs('alert')), props) : undefined),
    getAnnouncementProps: (props) => mergeProps({ ...anatomy.attrs('announcement'), 'aria-live': 'polite' as const, 'data-visually-hidden': '' }, props),
  }
}
