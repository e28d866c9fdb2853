'use client'
import { useEffect, useMemo, useState, type FormEvent, type FormHTMLAttributes, type HTMLAttributes } from 'react'
import { type FieldErrors, type User, type UserkitError } from '../../model/index.js'
import { useCreateUser } from '../../react/hooks/useUserLifecycle.js'
import { withoutToken } from '../../react/userCache.js'
import { metadataRowErrors, newMetadataRow, type MetadataRow } from '../editor/draft.js'
import { metadataParts, type MetadataParts } from '../editor/metadataParts.js'
import { useTagInput, type UseTagInputResult } from '../editor/useTagInput.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import { cx } from '../shared/cx.js'
import { useControllableState } from '../shared/useControllableState.js'
import { useLabels } from '../shared/useLabels.js'
import {
  createUserFields,
  draftToInput,
  initialDraft,
  mapServerError,
  validateDraft,
  type CreateUserDraft,
  type CreateUserDraftInit,
  type CreateUserField,
} from './createUserDraft.js'
import { createUserFormLabels, type CreateUserFormLabels } from './createUserFormLabels.js'
import { availabilityText, createFieldGetters, type FieldGetters } from './createUserFieldGetters.js'
import { useUidAvailability, type UidAvailability } from './useUidAvailability.js'

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
 * create-user form, with prop getters for its parts. Markup is the caller's (see `CreateUserForm`).
 */
export function useCreateUserForm(options: UseCreateUserFormOptions = {}): UseCreateUserFormResult {
  const { onCreated, withAuthToken = false, resetOnSuccess = true, roles, checkAvailability = true, labels: own } = options
  const labels = useLabels('createUserForm', createUserFormLabels, own)
  const initial = useMemo<CreateUserDraft>(
    // Never a powerful role by accident of order: `default` when it is offered.
    () => initialDraft(roles?.includes('default') ? 'default' : (roles?.[0] ?? ''), options.defaultValue),
    // Read once, as an input's defaultValue is: a new object each render must not reset the form.
    [],
  )
  const [draft, setDraft] = useControllableState({ value: options.value, defaultValue: initial, onChange: options.onValueChange })
  const [touched, setTouched] = useState<ReadonlySet<CreateUserField>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [summary, setSummary] = useState<string | null>(null)
  const [created, setCreated] = useState<User | null>(null)
  // An object, so asking twice for the same control focuses it again.
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null)
  const mutation = useCreateUser()
  const availability = useUidAvailability(draft.uid, { enabled: checkAvailability })
  const baseId = useDomId()

  const clientErrors = useMemo(() => validateDraft(draft, labels), [draft, labels])
  const badRows = useMemo(
    () => metadataRowErrors(draft.metadata, { keyRequired: labels.emptyMetadataKey, duplicateKey: labels.duplicateMetadataKey }),
    [draft.metadata, labels],
  )
  const blocks = (field: CreateUserField): boolean =>
    (clientErrors[field]?.length ?? 0) > 0 || (field === 'uid' && availability === 'taken') || (field === 'metadata' && badRows.size > 0)
  const errorsOf = (field: CreateUserField): string[] => [
    ...(touched.has(field) || submitted ? (clientErrors[field] ?? []) : []),
    ...(serverErrors[field] ?? []),
  ]

  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus()
  }, [focusRequest])

  const setField = <K extends keyof CreateUserDraft>(field: K, value: CreateUserDraft[K]): void => {
    setDraft((previous) => ({ ...previous, [field]: value }))
    setServerErrors(({ [field]: _cleared, ...rest }) => rest)
    // The uid's rules are shown live, as the user types.
    if (field === 'uid') touch('uid')
  }
  const touch = (field: CreateUserField): void =>
    setTouched((previous) => (previous.has(field) ? previous : new Set([...previous, field])))
  const changeRows = (change: (rows: MetadataRow[]) => MetadataRow[]): void => {
    setDraft((previous) => ({ ...previous, metadata: change(previous.metadata) }))
    setServerErrors(({ metadata: _cleared, ...rest }) => rest)
  }

  const submit = async (): Promise<void> => {
    setSubmitted(true)
    setCreated(null)
    setSummary(null)
    const invalid = createUserFields.find(blocks)
    if (invalid) {
      setFocusRequest({ id: focusable(invalid) })
      return
    }
    let user: User
    try {
      user = await mutation.mutateAsync({ ...draftToInput(draft), ...(withAuthToken ? { withAuthToken } : {}) })
    } catch (caught) {
      const error = caught as UserkitError
      const mapped = mapServerError(error, labels)
      setServerErrors(mapped.fields)
      setSummary(mapped.summary)
      const first = createUserFields.find((field) => mapped.fields[field])
      if (first) setFocusRequest({ id: focusable(first) })
      return
    }
    setCreated(user)
    if (resetOnSuccess) {
      setDraft(initial)
      setTouched(new Set())
      setSubmitted(false)
    }
    onCreated?.(withoutToken(user), user.authToken)
  }

  const status: CreateUserFormStatus = mutation.isPending
    ? 'saving'
    : summary || Object.keys(serverErrors).length > 0
      ? 'error'
      : created
        ? 'saved'
        : 'idle'
  const getters = createFieldGetters({
    baseId,
    draft,
    labels,
    roles,
    availability,
    errorsOf,
    setField,
    touch,
    saving: mutation.isPending,
  })
  const tagIds = getters.fieldIds('tags')
  const tags = useTagInput({
    tags: draft.tags,
    onTagsChange: (next) => setField('tags', next),
    id: tagIds.input,
    removeLabel: labels.removeTag,
    invalid: errorsOf('tags').length > 0,
    describedBy: cx(tagIds.hint, tagIds.describedBy),
    onBlur: () => touch('tags'),
  })
  const metadata = metadataParts(
    {
      draft,
      touch,
      rowErrorOf: (row) => (touched.has('metadata') || submitted ? badRows.get(row.id) : undefined),
      addRow: (isPrivate) => changeRows((rows) => [...rows, newMetadataRow(isPrivate)]),
      updateRow: (id, patch) => changeRows((rows) => rows.map((row) => (row.id === id ? { ...row, ...patch } : row))),
      removeRow: (id) => changeRows((rows) => rows.filter((row) => row.id !== id)),
    },
    labels,
    baseId,
    false,
  )
  // What a failed submit focuses: the field's control; for metadata its first bad row, or the add button.
  function focusable(field: CreateUserField): string {
    if (field !== 'metadata') return getters.fieldIds(field).input
    const row = draft.metadata.find((candidate) => badRows.has(candidate.id)) ?? draft.metadata[0]
    return row ? metadata.keyId(row) : (metadata.getAddRowProps(false).id ?? '')
  }

  const errors: Partial<Record<CreateUserField, string>> = {}
  for (const field of createUserFields) {
    const messages = errorsOf(field)
    if (messages.length > 0) errors[field] = messages.join(' ')
  }
  return {
    ...getters,
    state: {
      status,
      draft,
      availability,
      availabilityText: availabilityText(availability, draft.uid, labels),
      errors,
      formError: summary,
      created,
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
          'data-state': status,
          noValidate: true,
          'aria-busy': mutation.isPending || undefined,
          onSubmit: (event: FormEvent<HTMLFormElement>) => {
            event.preventDefault()
            if (!mutation.isPending) void submit()
          },
        },
        props,
      ),
    getAlertProps: (props) => (summary ? mergeProps(messagePart('alert', { 'data-part': 'alert' }), props) : undefined),
    getStatusProps: (props) => mergeProps({ ...messagePart('status', { 'data-part': 'status' }), 'data-state': created ? 'saved' : 'idle' }, props),
  }
}
