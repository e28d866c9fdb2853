import type { ChangeEvent, ChangeEventHandler, FocusEventHandler, HTMLAttributes, InputHTMLAttributes, LabelHTMLAttributes, SelectHTMLAttributes } from 'react'
import { limits } from '../../model/index.js'
import { composeEventHandlers } from '../shared/composeEventHandlers.js'
import type { CreateUserDraft, CreateUserField } from './createUserDraft.js'
import type { CreateUserFormLabels } from './createUserFormLabels.js'
import type { UidAvailability } from './useUidAvailability.js'

type DataAttributes = Record<`data-${string}`, string>
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
  getHintProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & DataAttributes
  /** Always rendered (a live region must exist before it speaks). */
  getAvailabilityProps(props?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & DataAttributes
  /** `undefined` when the field has nothing to say. */
  getErrorProps(field: CreateUserField, props?: HTMLAttributes<HTMLElement>): (HTMLAttributes<HTMLElement> & DataAttributes) | undefined
  getSubmitProps(props?: HTMLAttributes<HTMLButtonElement>): HTMLAttributes<HTMLButtonElement> & DataAttributes & { type: 'submit' }
  /** The roles offered, when there is a role field. */
  roles: readonly string[] | undefined
}

interface FieldGetterContext {
  baseId: string
  draft: CreateUserDraft
  labels: CreateUserFormLabels
  roles: readonly string[] | undefined
  availability: UidAvailability
  errorsOf(field: CreateUserField): string[]
  setField<K extends keyof CreateUserDraft>(field: K, value: CreateUserDraft[K]): void
  touch(field: CreateUserField): void
  submitting: boolean
}

const availabilityText = (availability: UidAvailability, uid: string, labels: CreateUserFormLabels): string | null => {
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
  const { baseId, draft, labels, availability } = ctx
  const invalid = (field: CreateUserField): boolean => ctx.errorsOf(field).length > 0 || (field === 'uid' && availability === 'taken')
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
      ctx.errorsOf(field).length > 0 ? ids.error : null,
    ].filter(Boolean)
    return { ...ids, describedBy: parts.length > 0 ? parts.join(' ') : undefined }
  }
  // What the text inputs and the role select share: ids, ARIA, the value and its handlers.
  const control = <TElement extends HTMLInputElement | HTMLSelectElement>(
    field: TextField | 'role',
    props: { onChange?: ChangeEventHandler<TElement> | undefined; onBlur?: FocusEventHandler<TElement> | undefined },
  ) => {
    const ids = fieldIds(field)
    return {
      id: ids.input,
      name: field,
      'aria-invalid': invalid(field) || undefined,
      'aria-describedby': ids.describedBy,
      'data-part': 'input',
      'data-state': invalid(field) ? 'invalid' : 'valid',
      value: draft[field],
      onChange: composeEventHandlers(props.onChange, (event: ChangeEvent<TElement>) => ctx.setField(field, event.target.value)),
      onBlur: composeEventHandlers(props.onBlur, () => ctx.touch(field)),
    }
  }

  return {
    fieldIds,
    roles: ctx.roles,
    getLabelProps: (field, props = {}) => ({ ...props, id: fieldIds(field).label, htmlFor: fieldIds(field).input, 'data-part': 'label' }),
    getInputProps: (field, props = {}) => ({
      ...(field === 'uid' ? { autoCapitalize: 'none', spellCheck: false, maxLength: limits.uidLength } : {}),
      ...(field === 'avatar' || field === 'link' ? { type: 'url', inputMode: 'url' as const, maxLength: limits.urlLength } : { type: 'text' }),
      autoComplete: 'off',
      required: field === 'uid' || field === 'name',
      ...props,
      ...control(field, props),
    }),
    getSelectProps: (props = {}) =>
      ctx.roles ? { ...props, ...control('role', props) } : undefined,
    getHintProps: (props = {}) => ({ ...props, id: fieldIds('uid').hint, 'data-part': 'hint', children: labels.uidHint(limits.uidLength) }),
    getAvailabilityProps: (props = {}) => ({
      ...props,
      id: fieldIds('uid').availability,
      'aria-live': 'polite',
      'data-part': 'availability',
      'data-state': availability,
      children: availabilityText(availability, draft.uid, labels),
    }),
    getErrorProps: (field, props = {}) => {
      const messages = ctx.errorsOf(field)
      if (messages.length === 0) return undefined
      return { ...props, id: fieldIds(field).error, 'data-part': 'field-error', children: messages.join(' ') }
    },
    getSubmitProps: (props = {}) => ({
      ...props,
      type: 'submit',
      'data-part': 'button submit',
      'data-variant': 'primary',
      'data-state': ctx.submitting ? 'submitting' : 'idle',
      'aria-disabled': ctx.submitting || undefined,
      children: ctx.submitting ? labels.submitting : labels.submit,
    }),
  }
}
