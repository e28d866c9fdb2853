'use client'
import { useEffect, useMemo, type FormEvent, type FormHTMLAttributes, type HTMLAttributes } from 'react'
import { createUserSchema, type User } from '../../model/index.js'
import { useCreateUser } from '../../react/hooks/useCreateUser.js'
import { newMetadataRow, type EditorDraft } from '../editor/draft.js'
import { metadataParts, type MetadataParts } from '../editor/metadataParts.js'
import { useTagInput, type UseTagInputResult } from '../editor/useTagInput.js'
import { errorOf, rowErrorOf, rowErrors } from '../form/formSelectors.js'
import type { FormConfig } from '../form/formTypes.js'
import { useFormMachine } from '../form/useFormMachine.js'
import { focusById } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import { cx } from '../shared/cx.js'
import { useLabels } from '../shared/useLabels.js'
import {
  createUserFields,
  draftToInput,
  fromForm,
  initialDraft,
  toForm,
  type CreateUserDraft,
  type CreateUserDraftInit,
  type CreateUserField,
} from './createUserDraft.js'
import { createUserFormLabels, formLabels, type CreateUserFormLabels } from './createUserFormLabels.js'
import { availabilityText, createFieldGetters, type FieldGetters } from './createUserFieldGetters.js'
import { useUidAvailability, type UidAvailability } from './useUidAvailability.js'
import { useSignedIn } from '../../react/hooks/useSignedIn.js'

export interface UseCreateUserFormOptions {
  /**
   * Called once the server has created the user. `authToken` is there when `withAuthToken` is set
   * and the client holds a key (a backend, or an `authOnly` key in a prototype): the server issues
   * tokens to keys only, never to an admin's browser session.
   * @example onCreated={(user, token) => router.push(`/users/${user.uid}`)}
   */
  onCreated?: (user: User, authToken: string | undefined) => void
  /** Ask the server for the new user's auth token as well. @default false */
  withAuthToken?: boolean
  /** Empty the form after a success. @default true */
  resetOnSuccess?: boolean
  /**
   * The roles to choose from; without them there is no role field and the server's default applies.
   * @example roles={['default', 'moderator', 'admin']}
   */
  roles?: readonly string[]
  /** Check as the user types whether the uid is free. Turn off for `authOnly` keys, which may not read users. @default true */
  checkAvailability?: boolean
  /** The draft, when the parent owns it. */
  value?: CreateUserDraft
  /** The draft to start from (and to reset to). @default empty, with the role `default` if offered, else the first of `roles` */
  defaultValue?: CreateUserDraftInit
  onValueChange?: (draft: CreateUserDraft) => void
  labels?: Partial<CreateUserFormLabels>
}

/** The editors' words: `saving` while the server works, `saved` once it created the user, `error` when it refused. */
export type CreateUserFormStatus = 'idle' | 'saving' | 'error' | 'saved'

export interface CreateUserFormState {
  status: CreateUserFormStatus
  draft: CreateUserDraft
  availability: UidAvailability
  /** What the availability region says, or `null`. */
  availabilityText: string | null
  /** The message shown beside each field now (client rules once touched or submitted, and the server's). */
  errors: Partial<Record<CreateUserField, string>>
  /** A failure not tied to a field, for the alert. */
  formError: string | null
  /** The user just created, until the next submit. */
  created: User | null
  /** The roles offered, when there is a role field. */
  roles: readonly string[] | undefined
  /** Nobody is signed in: the form is not offered, and nothing is sent (see `useSignedIn`). */
  signedOut: boolean
}

export interface UseCreateUserFormResult extends FieldGetters {
  state: CreateUserFormState
  actions: {
    setField<K extends keyof CreateUserDraft>(field: K, value: CreateUserDraft[K]): void
    /** Marks a field as visited: its errors show from then on. */
    touch(field: CreateUserField): void
    submit(): Promise<void>
  }
  labels: CreateUserFormLabels
  /** The tag box's prop getters. */
  tags: UseTagInputResult
  /** The metadata rows' prop getters. */
  metadata: MetadataParts
  getFormProps(props?: FormHTMLAttributes<HTMLFormElement>): PartProps<FormHTMLAttributes<HTMLFormElement>>
  /** `undefined` without a form error; its text is `state.formError`. */
  getAlertProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>> | undefined
  /** Its text: `labels.created(state.created)` once created. */
  getStatusProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>>
}

/**
 * State, validation (the model's create schema, the rules the server applies) and submit of a
 * create-user form, with prop getters for its parts: the form machine in `create` mode. Markup is
 * the caller's (see `CreateUserForm`).
 */
export function useCreateUserForm(options: UseCreateUserFormOptions = {}): UseCreateUserFormResult {
  const { onCreated, withAuthToken = false, resetOnSuccess = true, roles, checkAvailability = true, labels: own } = options
  const labels = useLabels('createUserForm', createUserFormLabels, own)
  const initial = useMemo<EditorDraft>(
    // Never a powerful role by accident of order: `default` when it is offered.
    () => toForm(initialDraft(roles?.includes('default') ? 'default' : (roles?.[0] ?? ''), options.defaultValue)),
    // Read once, as an input's defaultValue is: a new object each render must not reset the form.
    [],
  )
  const words = useMemo(() => formLabels(labels), [labels])
  const owned = useMemo(() => (options.value ? toForm(options.value) : undefined), [options.value])
  const mutation = useCreateUser()
  const baseId = useDomId()
  const config: FormConfig = {
    mode: 'create',
    fields: createUserFields,
    schema: createUserSchema,
    labels: words,
    readOnly: false,
    resetTo: resetOnSuccess ? initial : undefined,
  }
  const onValueChange = options.onValueChange
  const machine = useFormMachine({ config, initialDraft: initial, draft: owned, onDraftChange: onValueChange && ((next) => onValueChange(fromForm(next))) })
  const { state, send } = machine
  const formDraft = state.draft ?? initial
  const draft = useMemo(() => fromForm(formDraft), [formDraft])
  const signedIn = useSignedIn()
  const availability = useUidAvailability(draft.uid, { enabled: checkAvailability && signedIn })
  const blocked: CreateUserField[] = availability === 'taken' ? ['uid'] : []
  const errorOfField = (field: CreateUserField): string | undefined => errorOf(state, config, field)
  const setField = <K extends keyof CreateUserDraft>(field: K, value: CreateUserDraft[K]): void => void send({ type: 'set', field, value })
  const touch = (field: CreateUserField): void => void send({ type: 'touch', field })

  const getters = createFieldGetters({
    baseId,
    draft,
    labels,
    roles,
    availability,
    errorOf: errorOfField,
    setField,
    touch,
    saving: state.status === 'saving',
  })
  const tagIds = getters.fieldIds('tags')
  const tags = useTagInput({
    tags: draft.tags,
    onTagsChange: (next) => setField('tags', next),
    id: tagIds.input,
    removeLabel: labels.removeTag,
    invalid: errorOfField('tags') !== undefined,
    describedBy: cx(tagIds.hint, tagIds.describedBy),
    onBlur: () => touch('tags'),
  })
  const metadata = metadataParts(
    {
      draft,
      touch,
      rowErrorOf: (row) => rowErrorOf(state, config, row),
      addRow: (isPrivate) => send({ type: 'add-row', row: newMetadataRow(isPrivate) }),
      updateRow: (id, patch) => send({ type: 'update-row', id, patch }),
      removeRow: (id) => send({ type: 'remove-row', id }),
    },
    labels,
    baseId,
    false,
  )

  // A submit that found errors, or the server's: focus goes to the first field that has one; for
  // metadata its first bad row, or the add button.
  const { invalidSubmits } = state
  useEffect(() => {
    if (invalidSubmits === 0) return
    const badRows = rowErrors(state, config)
    const field = createUserFields.find(
      (name) => errorOf(state, config, name) !== undefined || blocked.includes(name) || (name === 'metadata' && badRows.size > 0),
    )
    if (!field) return
    if (field !== 'metadata') return void focusById(getters.fieldIds(field).input)
    const row = draft.metadata.find((candidate) => badRows.has(candidate.id)) ?? draft.metadata[0]
    focusById(row ? metadata.keyId(row) : (metadata.getAddRowProps(false).id ?? ''))
  }, [invalidSubmits])

  const submit = async (): Promise<void> => {
    const user = await machine.submit({
      save: (next) => mutation.mutateAsync({ ...draftToInput(fromForm(next)), ...(withAuthToken ? { withAuthToken } : {}) }),
      blocked,
    })
    if (!user) return
    // The token is the app's to keep or drop; the user it hands on is the one the cache holds.
    const { authToken, ...created } = user
    onCreated?.(created, authToken)
  }

  const errors: Partial<Record<CreateUserField, string>> = {}
  for (const field of createUserFields) {
    const message = errorOfField(field)
    if (message !== undefined) errors[field] = message
  }
  const saving = state.status === 'saving'
  return {
    ...getters,
    state: {
      signedOut: !signedIn,
      status: state.status === 'conflict' ? 'error' : state.status,
      draft,
      availability,
      availabilityText: availabilityText(availability, draft.uid, labels),
      errors,
      formError: state.formError,
      created: state.created,
      roles,
    },
    actions: { setField, touch, submit },
    labels,
    tags,
    metadata,
    getFormProps: (props) =>
      mergeProps(
        {
          'data-uk': 'create-user-form',
          'data-part': 'root',
          'aria-label': labels.form,
          'data-state': state.status,
          noValidate: true,
          'aria-busy': saving || undefined,
          onSubmit: (event: FormEvent<HTMLFormElement>) => {
            event.preventDefault()
            if (!saving) void submit()
          },
        },
        props,
      ),
    getAlertProps: (props) => (state.formError ? mergeProps(messagePart('alert', { 'data-part': 'alert' }), props) : undefined),
    getStatusProps: (props) =>
      mergeProps({ ...messagePart('status', { 'data-part': 'status' }), 'data-state': state.created ? 'saved' : 'idle' }, props),
  }
}
