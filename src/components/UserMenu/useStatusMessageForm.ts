'use client'
import { useId, useState, type FormEvent, type FormHTMLAttributes, type HTMLAttributes, type InputHTMLAttributes } from 'react'
import * as v from 'valibot'
import { limits, statusMessageSchema, type User, type UserkitError } from '../../model/index.js'
import { useUpdateCurrentUser } from '../../react/hooks/useUpdateUser.js'
import { composeEventHandlers } from '../shared/composeEventHandlers.js'
import { buttonProps, messageProps } from '../shared/partProps.js'
import type { UserMenuLabels } from './userMenuLabels.js'

type DataAttributes = Record<`data-${string}`, string>

export interface UseStatusMessageFormOptions {
  user: User | null
  labels: UserMenuLabels
  /** After the server saved it (the screen showed it already: the update is optimistic). */
  onSaved?: (statusMessage: string) => void
  onCancel?: () => void
}

export interface UseStatusMessageFormResult {
  draft: string
  /** Starts editing: from the kept draft after a failure, else from the user's message. */
  begin(): void
  saving: boolean
  /** The validation message or the server's refusal. */
  error: string | null
  getFormProps(props?: FormHTMLAttributes<HTMLFormElement>): FormHTMLAttributes<HTMLFormElement> & DataAttributes
  getLabelProps(props?: HTMLAttributes<HTMLLabelElement>): HTMLAttributes<HTMLLabelElement> & { htmlFor: string } & DataAttributes
  getInputProps(props?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> & DataAttributes
  /** `undefined` when there is nothing to say. */
  getErrorProps(props?: HTMLAttributes<HTMLElement>): (HTMLAttributes<HTMLElement> & DataAttributes) | undefined
  getSaveProps(props?: HTMLAttributes<HTMLButtonElement>): HTMLAttributes<HTMLButtonElement> & { type: 'submit' } & DataAttributes
  getCancelProps(props?: HTMLAttributes<HTMLButtonElement>): HTMLAttributes<HTMLButtonElement> & { type: 'button' } & DataAttributes
}

/**
 * The logged-in user's status message: a draft checked with the model's rule, saved with
 * `useUpdateCurrentUser` (optimistic: every view shows it at once and goes back if refused). A
 * refused save keeps the draft, and the form opens on it next time.
 */
export function useStatusMessageForm({ user, labels, onSaved, onCancel }: UseStatusMessageFormOptions): UseStatusMessageFormResult {
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [kept, setKept] = useState(false)
  const update = useUpdateCurrentUser()
  const baseId = useId()
  const ids = { input: `${baseId}-input`, error: `${baseId}-error` }

  const check = (text: string): string | null => {
    const result = v.safeParse(statusMessageSchema, text)
    return result.success ? null : labels.fieldError(result.issues[0]?.message ?? '')
  }

  const save = async (): Promise<void> => {
    const text = draft.trim()
    const invalid = check(text)
    if (invalid) {
      setError(invalid)
      return
    }
    setError(null)
    try {
      await update.mutateAsync(text ? { statusMessage: text } : { unset: ['statusMessage'] })
    } catch (caught) {
      setKept(true)
      setError(labels.statusFailed(caught as UserkitError))
      return
    }
    setKept(false)
    onSaved?.(text)
  }

  return {
    draft,
    begin: () => {
      if (kept) return
      setDraft(user?.statusMessage ?? '')
      setError(null)
    },
    saving: update.isPending,
    error,
    getFormProps: (props = {}) => ({
      'aria-label': labels.statusForm,
      ...props,
      'data-part': 'status-form',
      'data-state': update.isPending ? 'saving' : error ? 'error' : 'idle',
      noValidate: true,
      onSubmit: composeEventHandlers(props.onSubmit, (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault()
        if (!update.isPending) void save()
      }),
    }),
    getLabelProps: (props = {}) => ({ ...props, htmlFor: ids.input, 'data-part': 'label' }),
    getInputProps: (props = {}) => ({
      type: 'text',
      autoComplete: 'off',
      ...props,
      id: ids.input,
      name: 'statusMessage',
      'data-part': 'input',
      value: draft,
      maxLength: limits.statusMessageLength,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? ids.error : undefined,
      onChange: composeEventHandlers(props.onChange, (event) => {
        setDraft(event.target.value)
        setKept(false)
        setError(check(event.target.value.trim()))
      }),
    }),
    getErrorProps: (props) => (error ? { ...messageProps('alert', 'field-error', error, props), id: ids.error } : undefined),
    getSaveProps: (props = {}) => ({
      ...props,
      type: 'submit',
      'data-part': 'button save',
      'data-variant': 'primary',
      'aria-disabled': update.isPending || undefined,
      children: update.isPending ? labels.saving : labels.save,
    }),
    getCancelProps: (props) => ({ ...buttonProps('cancel', labels.cancel, () => onCancel?.(), props), type: 'button' }),
  }
}
