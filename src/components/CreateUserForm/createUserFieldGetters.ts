import type { ChangeEvent, HTMLAttributes, InputHTMLAttributes, LabelHTMLAttributes, SelectHTMLAttributes } from 'react'
import { limits } from '../../model/index.js'
import { editorAnatomy as anatomy } from '../editor/editorAnatomy.js'
import { mergeProps } from '../kit/mergeProps.js'
import type { DataAttributes } from '../kit/types.js'
import type { CreateUserDraft, CreateUserField } from './createUserDraft.js'
import type { CreateUserFormLabels } from './createUserFormLabels.js'
import type { UidAvailability } from './useUidAvailability.js'

type TextField = 'uid' | 'name' | 'avatar' | 'link'

/** Ids of a field's parts, for a custom part (a tag input, a metadata editor) to point at; `input` is what a failed submit focuses. */
export interface FieldIds {
  input: string
  label: string
  hint: string
  error: string
  availability: string
  /** `aria-describedby` for the field's control: its hint, availability and errors as they stand. */
  describedBy: string | undefined
}

export interface FieldGetters {
  fieldIds(field: CreateUserField): FieldIds
  getLabelProps(field: CreateUserField, props?: LabelHTMLAttributes<HTMLLabelElement>): LabelHTMLAttributes<HTMLLabelElement> & DataAttributes
  getInputProps(
    field: TextField,
    props?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement> & DataAttributes
  /** The role select; `undefined` without `roles`. */
  getSelectProps(
    props?: SelectHTMLAttributes<HTMLSelectElement>,
  ): (SelectHTMLAttributes<HTMLSelectElement> & DataAttributes) | undefined
  /** The uid's rules; its text is `labels.uidHint(limits.uidLength)`. */
  getHintProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & DataAttributes
  /** Always rendered (a live region must exist before it speaks); its text is `availabilityText(…)`. */
  getAvailabilityProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & DataAttributes
  /** `undefined` when the field has nothing to say; its text is `state.errors[field]`. */
  getErrorProps(field: CreateUserField, props?: HTMLAttributes<HTMLElement>): (HTMLAttributes<HTMLElement> & DataAttributes) | undefined
  /** Its text: `labels.submitting` while saving, else `labels.submit`. */
  getSubmitProps(props?: HTMLAttributes<HTMLButtonElement>): HTMLAttributes<HTMLButtonElement> & DataAttributes & { type: 'submit' }
}

interface FieldGetterContext {
  baseId: string
  draft: CreateUserDraft
  labels: CreateUserFormLabels
  roles: readonly string[] | undefined
  availability: UidAvailability
  /** The message beside `field` now, if any. */
  errorOf(field: CreateUserField): string | undefined
  setField<K extends keyof CreateUserDraft>(field: K, value: CreateUserDraft[K]): void
  touch(field: CreateUserField): void
  saving: boolean
}

/** What the availability region says about `uid`, or `null` while there is nothing to say. */
export const availabilityText = (availability: UidAvailability, uid: string, labels: CreateUserFormLabels): string | null => {
  switch (availability) {
    case 'checking':
      return labels.checking
    case 'available':
      return labels.available(uid.trim().toLowerCase())
    case 'taken':
      return labels.taken(uid.trim().toLowerCase())
    case 'unknown':
      return labels.availabilityUnknown
    default:
      return null
  }
}

/** The prop getters of each field: ids, value, ARIA and handlers that respect `defaultPrevented`. */
export function createFieldGetters(ctx: FieldGetterContext): FieldGetters {
  const { baseId, draft, availability } = ctx
  const invalid = (field: CreateUserField): boolean => ctx.errorOf(field) !== undefined || (field === 'uid' && availability === 'taken')
  const fieldIds = (field: CreateUserField): FieldIds => {
    const ids = {
      input: `${baseId}-${field}`,
      label: `${baseId}-${field}-label`,
      hint: `${baseId}-${field}-hint`,
      error: `${baseId}-${field}-error`,
      availability: `${baseId}-${field}-availability`,
    }
    const parts = [
      field === 'uid' ? ids.hint : null,
      field === 'uid' && availability !== 'idle' ? ids.availability : null,
      ctx.errorOf(field) !== undefined ? ids.error : null,
    ].filter(Boolean)
    return { ...ids, describedBy: parts.length > 0 ? parts.join(' ') : undefined }
  }
  // What the text inputs and the role select share: ids, ARIA, the value and its handlers.
  const control = <TElement extends HTMLInputElement | HTMLSelectElement>(field: TextField | 'role') => {
    const ids = fieldIds(field)
    return {
      id: ids.input,
      name: field,
      'aria-invalid': invalid(field) || undefined,
      'aria-describedby': ids.describedBy,
      'data-state': invalid(field) ? 'invalid' : 'valid',
      value: draft[field],
      onChange: (event: ChangeEvent<TElement>) => ctx.setField(field, event.target.value),
      onBlur: () => ctx.touch(field),
    }
  }

  return {
    fieldIds,
    getLabelProps: (field, props) => mergeProps({ ...anatomy.attrs('label'), id: fieldIds(field).label, htmlFor: fieldIds(field).input }, props),
    getInputProps: (field, props) =>
      mergeProps(
        {
          ...anatomy.attrs('input'),
          ...(field === 'uid' ? { autoCapitalize: 'none', spellCheck: false, maxLength: limits.uidLength } : {}),
          ...(field === 'avatar' || field === 'link' ? { type: 'url', inputMode: 'url' as const, maxLength: limits.urlLength } : { type: 'text' }),
          autoComplete: 'off',
          required: field === 'uid' || field === 'name',
          ...control<HTMLInputElement>(field),
        },
        props,
      ),
    getSelectProps: (props) => (ctx.roles ? mergeProps({ ...anatomy.attrs('select'), ...control<HTMLSelectElement>('role') }, props) : undefined),
    getHintProps: (props) => mergeProps({ ...anatomy.attrs('hint'), id: fieldIds('uid').hint }, props),
    getAvailabilityProps: (props) =>
      mergeProps({ 'data-part': 'availability', id: fieldIds('uid').availability, 'aria-live': 'polite' as const, 'data-state': availability }, props),
    getErrorProps: (field, props) =>
      ctx.errorOf(field) !== undefined ? mergeProps({ ...anatomy.attrs('field-error'), id: fieldIds(field).error }, props) : undefined,
    getSubmitProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('submit'),
          type: 'submit' as const,
          'data-variant': 'primary',
          'data-state': ctx.saving ? 'saving' : 'idle',
          'aria-disabled': ctx.saving || undefined,
        },
        props,
      ),
  }
}
