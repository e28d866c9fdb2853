'use client'
import { useRef, type FormHTMLAttributes, type ReactNode } from 'react'
import { limits, type User } from '../../model/index.js'
import { Avatar } from '../Avatar/Avatar.js'
import { AvatarPicker } from '../AvatarPicker/AvatarPicker.js'
import { cx } from '../shared/cx.js'
import type { CreateUserField } from './createUserDraft.js'
import { MetadataEditor } from '../editor/MetadataEditor.js'
import { TagInput } from '../editor/TagInput.js'
import { useCreateUserForm, type UseCreateUserFormOptions, type UseCreateUserFormResult } from './useCreateUserForm.js'

export interface CreateUserFormProps
  extends UseCreateUserFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'defaultValue' | 'children' | 'onSubmit'> {
  /** Extra class names, by part. */
  classNames?: Partial<Record<'field' | 'label' | 'input' | 'hint' | 'error' | 'preview' | 'actions' | 'submit' | 'summary' | 'status', string>>
}

function FieldError({ form, field, className }: { form: UseCreateUserFormResult; field: CreateUserField; className?: string | undefined }): ReactNode {
  const props = form.getErrorProps(field, { className })
  return props ? <p {...props}>{form.state.errors[field]}</p> : null
}

/**
 * Creates a user: uid with its rules and a live availability check, name, avatar with a preview,
 * link, role (when `roles` are given), tags and metadata. For admins (a role that may manage
 * users) and backends (a key).
 *
 * @example <CreateUserForm roles={['default', 'admin']} onCreated={(user) => navigate(`/users/${user.uid}`)} />
 */
export function CreateUserForm({
  onCreated,
  withAuthToken,
  resetOnSuccess,
  roles,
  checkAvailability,
  value,
  defaultValue,
  onValueChange,
  labels: own,
  className,
  classNames = {},
  ...rest
}: CreateUserFormProps): ReactNode {
  // The chosen picture goes up once the user exists (the picker keeps it until then), started
  // before the app's onCreated, which may well take this form off the screen.
  const sendPicture = useRef<((uid: string) => Promise<User | null>) | null>(null)
  const uploadPicture = (user: User, token: string | undefined): void => {
    sendPicture.current?.(user.uid).catch(() => {})
    onCreated?.(user, token)
  }
  const form = useCreateUserForm({ onCreated: uploadPicture, withAuthToken, resetOnSuccess, roles, checkAvailability, value, defaultValue, onValueChange, labels: own })
  const { labels, state } = form
  const { draft } = state
  const optional = <span data-part="optional"> {labels.optional}</span>
  const field = (name: CreateUserField, children: ReactNode): ReactNode => (
    <div data-part="field" data-field={name} className={classNames.field}>
      {children}
      <FieldError form={form} field={name} className={classNames.error} />
    </div>
  )
  const text = (name: 'uid' | 'name' | 'avatar' | 'link', label: string, extra?: ReactNode): ReactNode =>
    field(
      name,
      <>
        <label {...form.getLabelProps(name, { className: classNames.label })}>
          {label}
          {name === 'avatar' || name === 'link' ? optional : null}
        </label>
        <input {...form.getInputProps(name, { className: classNames.input })} />
        {extra}
      </>,
    )
  const select = form.getSelectProps({ className: classNames.input })
  const alert = form.getAlertProps({ className: classNames.summary })

  if (state.signedOut) {
    return (
      <form {...form.getFormProps({ ...rest, className: cx('uk-create-user-form', className) })}>
        <p data-part="empty">{labels.signedOut}</p>
      </form>
    )
  }
  return (
    <form {...form.getFormProps({ ...rest, className: cx('uk-create-user-form', className) })}>
      {text(
        'uid',
        labels.uid,
        <>
          <p {...form.getHintProps({ className: classNames.hint })}>{labels.uidHint(limits.uidLength)}</p>
          <p {...form.getAvailabilityProps({ className: classNames.hint })}>{state.availabilityText}</p>
        </>,
      )}
      {text('name', labels.name)}
      <div data-part="avatar-row">
        {text('avatar', labels.avatar)}
        <figure data-part="preview" className={classNames.preview}>
          <Avatar user={{ uid: draft.uid || '?', name: draft.name || draft.uid || '?', avatar: draft.avatar.trim() }} size="lg" decorative />
          <figcaption data-part="preview-caption" data-visually-hidden="">
            {labels.avatarPreview}
          </figcaption>
        </figure>
      </div>
      <AvatarPicker deferred uploadRef={sendPicture} />
      {text('link', labels.link)}
      {select
        ? field(
            'role',
            <>
              <label {...form.getLabelProps('role', { className: classNames.label })}>{labels.role}</label>
              <select {...select}>
                {(state.roles ?? []).map((role) => (
                  <option key={role} value={role}>
                    {labels.roleName(role)}
                  </option>
                ))}
              </select>
            </>,
          )
        : null}
      <TagInput
        input={form.tags}
        label={
          <>
            {labels.tags}
            {optional}
          </>
        }
        labelProps={form.getLabelProps('tags', { className: classNames.label })}
        hint={labels.tagsHint}
        hintId={form.fieldIds('tags').hint}
        error={form.getErrorProps('tags', { className: classNames.error })}
        errorText={state.errors.tags}
        className={classNames.field}
      />
      <MetadataEditor
        metadata={form.metadata}
        labels={{
          sharedMetadata: (
            <>
              {labels.metadata}
              {optional}
            </>
          ),
          addMetadata: labels.addMetadata,
        }}
        hintId={form.fieldIds('metadata').hint}
        error={form.getErrorProps('metadata', { className: classNames.error })}
        errorText={state.errors.metadata}
        privateMetadata={false}
        className={classNames.field}
      />
      {alert ? <div {...alert}>{state.formError}</div> : null}
      <div data-part="actions" className={classNames.actions}>
        <button {...form.getSubmitProps({ className: classNames.submit })}>{state.status === 'saving' ? labels.submitting : labels.submit}</button>
      </div>
      <div {...form.getStatusProps({ className: classNames.status })}>{state.created ? labels.created(state.created) : null}</div>
    </form>
  )
}
