'use client'
import { useState, type ChangeEvent, type FormEvent, type FormHTMLAttributes, type HTMLAttributes, type InputHTMLAttributes } from 'react'
import * as v from 'valibot'
import { limits, ruleOf, statusMessageSchema, type User, type UserkitError } from '../../model/index.js'
import { useUpdateCurrentUser } from '../../react/hooks/useUpdateCurrentUser.js'
import { buttonPart } from '../kit/buttonPart.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import { userMenuAnatomy as anatomy } from './userMenuAnatomy.js'
import type { UserMenuLabels } from './userMenuLabels.js'

export interface UseStatusMessageFormOptions {
  user: User | null
  labels: UserMenuLabels
  /** After the server saved it (the screen showed it already: the update is optimistic). */
  onSaved?: (statusMessage: string) => void
  onCancel?: () => void
}

export interface UseStatusMessageFormResult {
  state: {
    draft: string
    saving: boolean
    /** The validation message or the server's refusal. */
    error: string | null
  }
  actions: {
    /** Starts editing: from the kept draft after a failure, else from the user's message. */
    begin(): void
  }
  /** The ids of the parts the menu focuses. */
  ids: { input: string; error: string }
  getFormProps(props?: FormHTMLAttributes<HTMLFormElement>): PartProps<FormHTMLAttributes<HTMLFormElement>>
  getLabelProps(props?: HTMLAttributes<HTMLLabelElement>): PartProps<HTMLAttributes<HTMLLabelElement> & { htmlFor: string }>
  getInputProps(props?: InputHTMLAttributes<HTMLInputElement>): PartProps<InputHTMLAttributes<HTMLInputElement>>
  /** `undefined` when there is nothing to say; its text is `state.error`. */
  getErrorProps(props?: HTMLAttributes<HTMLElement>): PartProps<HTMLAttributes<HTMLElement>> | undefined
  /** Its text: `labels.saving` while `state.saving`, else `labels.save`. */
  getSaveProps(props?: HTMLAttributes<HTMLButtonElement>): PartProps<HTMLAttributes<HTMLButtonElement> & { type: 'submit' }>
  getCancelProps(props?: HTMLAttributes<HTMLButtonElement>): PartProps<HTMLAttributes<HTMLButtonElement> & { type: 'button' }>
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
  const baseId = useDomId()
  const ids = { input: `${baseId}-input`, error: `${baseId}-error` }

  const check = (text: string): string | null => {
    const result = v.safeParse(statusMessageSchema, text)
    return result.success ? null : labels.fieldError('statusMessage', ruleOf(result.issues[0]?.message ?? ''))
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
      // The server's refusal of the text itself is said as the rule it broke, in the labels' words.
      const rule = (caught as UserkitError).rules?.statusMessage?.[0]
      setError(rule ? labels.fieldError('statusMessage', rule) : labels.statusFailed(caught as UserkitError))
      return
    }
    setKept(false)
    onSaved?.(text)
  }

  return {
    state: { draft, saving: update.isPending, error },
    actions: {
      begin: () => {
        if (kept) return
        setDraft(user?.statusMessage ?? '')
        setError(null)
      },
    },
    ids,
    getFormProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('status-form'),
          'aria-label': labels.statusForm,
          'data-state': update.isPending ? 'saving' : error ? 'error' : 'idle',
          noValidate: true,
          onSubmit: (event: FormEvent<HTMLFormElement>) => {
            event.preventDefault()
            if (!update.isPending) void save()
          },
        },
        props,
      ),
    getLabelProps: (props) => mergeProps({ ...anatomy.attrs('label'), htmlFor: ids.input }, props),
    getInputProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('input'),
          type: 'text',
          autoComplete: 'off',
          id: ids.input,
          name: 'statusMessage',
          value: draft,
          maxLength: limits.statusMessageLength,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? ids.error : undefined,
          onChange: (event: ChangeEvent<HTMLInputElement>) => {
            setDraft(event.target.value)
            setKept(false)
            setError(check(event.target.value.trim()))
          },
        },
        props,
      ),
    getErrorProps: (props) => (error ? mergeProps({ ...messagePart('alert', anatomy.attrs('field-error')), id: ids.error }, props) : undefined),
    getSaveProps: (props) =>
      mergeProps(
        { ...anatomy.attrs('save'), type: 'submit' as const, 'data-variant': 'primary', 'aria-disabled': update.isPending || undefined },
        props,
      ),
    getCancelProps: (props) => mergeProps(buttonPart(anatomy.attrs('cancel'), () => onCancel?.()), props),
  }
}
