'use client'
import { useState, type HTMLAttributes, type SelectHTMLAttributes } from 'react'
import type * as v from 'valibot'
import { isUserkitError, PRIVATE_METADATA_KEY, updateUserSchema, type User, type UserkitError } from '../../model/index.js'
import { useCurrentUser } from '../../react/hooks/useCurrentUser.js'
import { useUpdateUser } from '../../react/hooks/useUpdateUser.js'
import { useUser } from '../../react/hooks/useUser.js'
import { useUsers } from '../../react/hooks/useUsers.js'
import type { EditorField } from '../editor/draft.js'
import { useEditorCore, type EditorCore } from '../editor/useEditorCore.js'
import { useEditorParts, type EditorParts } from '../editor/useEditorParts.js'
import { useLabels } from '../shared/useLabels.js'
import { userEditorLabels, type UserEditorLabels } from './userEditorLabels.js'
import { useUserLifecycle, type UserLifecycle } from './useUserLifecycle.js'

export interface UseUserEditorOptions {
  /** The user to edit. */
  uid: string
  /**
   * The roles to choose from (the server's known roles). The user's current role is always offered.
   * @default ['default']
   * @example ['admin', 'moderator', 'default']
   */
  roles?: readonly string[]
  /**
   * Shows the user without letting anyone change them: for viewers whose role may not manage users.
   * The editor also turns read-only when the server answers 403.
   * @default false
   */
  readOnly?: boolean
  labels?: Partial<UserEditorLabels>
  /**
   * The rules the draft is checked against before sending; the server applies its own either way.
   * @default updateUserSchema
   */
  schema?: v.GenericSchema
  onSaved?: (user: User) => void
}

/** `not-found`: no such user (nor a deactivated one); `error`: it did not load. */
export type UserEditorState = 'loading' | 'error' | 'not-found' | 'ready'

type Data = Record<`data-${string}`, string | undefined>

export interface UseUserEditorResult extends EditorCore, EditorParts {
  state: UserEditorState
  labels: UserEditorLabels
  loadError: UserkitError | null
  retry(): void
  /** The viewer is this user: their role cannot be changed, and they cannot deactivate themselves. */
  isSelf: boolean
  /** Nothing can be changed: the `readOnly` prop, a 403 from the server, or a deactivated user. */
  locked: boolean
  /** The server refused with 403. */
  forbidden: boolean
  isDeactivated: boolean
  /** The roles the select offers. */
  roleOptions: string[]
  /** Offer `metadata["@private"]`: only its owner and keys see it, so only then is it edited here. */
  privateMetadata: boolean
  lifecycle: UserLifecycle
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): HTMLAttributes<HTMLDivElement> & Data
  getRoleSelectProps(props?: SelectHTMLAttributes<HTMLSelectElement>): SelectHTMLAttributes<HTMLSelectElement> & Data
}

const fields: readonly EditorField[] = ['name', 'avatar', 'link', 'statusMessage', 'tags', 'metadata', 'role']

/**
 * Any user as a form, for an admin (a role that may manage users, or a server-side client): the
 * profile fields as in `useProfileEditor`, the role from the known roles, deactivate and reactivate.
 *
 * @example const editor = useUserEditor({ uid: 'grace', roles: ['admin', 'default'] })
 */
export function useUserEditor({ uid, roles = ['default'], readOnly = false, labels: own, schema = updateUserSchema, onSaved }: UseUserEditorOptions): UseUserEditorResult {
  const labels = useLabels('userEditor', userEditorLabels, own)
  const viewer = useCurrentUser((state) => state.user?.uid)
  const [forbidden, setForbidden] = useState(false)
  // Edit what the server holds now, not the copy a list cached earlier (a save would only meet a 412).
  const detail = useUser(uid, { refetchOnMount: 'always' })
  const missing = (detail.error ?? detail.failureReason)?.code === 'ERR_UID_NOT_FOUND'
  // A deactivated user is "not found" to lookups; a list asked for deactivated users still has them.
  const gone = useUsers({ uids: [uid], onlyDeactivated: true }, { enabled: missing && !readOnly })
  const user = detail.data ?? (missing ? gone.data?.users[0] : undefined)
  const update = useUpdateUser()
  const lifecycle = useUserLifecycle(uid, user?.name ?? uid, labels, () => setForbidden(true))
  const isDeactivated = lifecycle.deactivated ?? (!!user && user.deactivatedAt !== undefined)
  const locked = readOnly || forbidden || isDeactivated
  const core = useEditorCore({
    user,
    fields,
    schema,
    labels,
    readOnly: locked,
    save: (input, ifMatch) => {
      lifecycle.clearNotice()
      return update.mutateAsync({ uid, input, ifMatch })
    },
    onSaved,
    onSaveError: (error) => {
      if (!isUserkitError(error) || error.status !== 403) return undefined
      setForbidden(true)
      return labels.forbidden
    },
  })
  const base = core.base
  const parts = useEditorParts(core, labels, locked)
  const isSelf = !!viewer && viewer.toLowerCase() === uid.toLowerCase()
  const state: UserEditorState = base
    ? 'ready'
    : missing && (gone.isSuccess || readOnly) && !user
      ? 'not-found'
      : detail.isError && !missing
        ? 'error'
        : 'loading'
  const roleOptions = [...new Set([...(base ? [base.role] : []), ...roles])]
  return {
    ...core,
    ...parts,
    state,
    labels,
    loadError: detail.error,
    retry: () => void detail.refetch(),
    isSelf,
    locked,
    forbidden,
    isDeactivated,
    roleOptions,
    privateMetadata: isSelf || (!!base?.metadata && PRIVATE_METADATA_KEY in base.metadata),
    lifecycle,
    getStatusProps: (props = {}) => ({ ...parts.getStatusProps(props), children: lifecycle.notice || core.notice }),
    getRootProps: (props = {}) => ({
      ...props,
      'data-uk': 'user-editor',
      'data-part': 'root',
      'data-state': state !== 'ready' ? state : isDeactivated ? 'deactivated' : locked ? 'read-only' : core.status,
    }),
    getRoleSelectProps: (props = {}) =>
      parts.getSelectProps('role', {
        ...props,
        disabled: isSelf || props.disabled,
        'aria-describedby': isSelf ? parts.ids.hint('role') : props['aria-describedby'],
      }),
  }
}
