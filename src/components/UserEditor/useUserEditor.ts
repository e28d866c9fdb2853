'use client'
import { useMemo, useState, type HTMLAttributes, type SelectHTMLAttributes } from 'react'
import type * as v from 'valibot'
import { isUserkitError, PRIVATE_METADATA_KEY, updateUserSchema, type User, type UserkitError } from '../../model/index.js'
import { useCurrentUser } from '../../react/hooks/useCurrentUser.js'
import { useUpdateUser } from '../../react/hooks/useUpdateUser.js'
import { useUser } from '../../react/hooks/useUser.js'
import { useUsers } from '../../react/hooks/useUsers.js'
import type { EditorField } from '../editor/draft.js'
import { editorView, type EditorViewActions, type EditorState, type EditorView } from '../editor/editorView.js'
import { useEditorCore } from '../editor/useEditorCore.js'
import { useEditorParts } from '../editor/useEditorParts.js'
import { mergeProps } from '../kit/mergeProps.js'
import type { PartProps } from '../kit/types.js'
import type { LeaveGuard } from '../form/leaveGuard.js'
import { useUserkit } from '../../react/context.js'
import { useRoles } from '../../react/hooks/useRoles.js'
import { useLabels } from '../shared/useLabels.js'
import { userEditorLabels, type UserEditorLabels } from './userEditorLabels.js'
import { useUserLifecycle, type UserLifecycle } from './useUserLifecycle.js'
import { useSignedIn } from '../../react/hooks/useSignedIn.js'

export interface UseUserEditorOptions {
  /** The user to edit. */
  uid: string
  /**
   * The roles to choose from. The user's current role is always offered; each shows by its name
   * (`roles: { admin: { label } }` on the server).
   * @default every role the server knows (`useRoles`)
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
  /**
   * Offers "Delete permanently": erases the user through your backend, which holds the REST API
   * key (a browser never does). Without it, the editor only deactivates.
   * @example onDelete={(uid) => fetch(`/admin/users/${uid}`, { method: 'DELETE' })}
   */
  onDelete?: (uid: string) => Promise<unknown>
  /** Told once the user is deleted for good: leave the editor, select another user. */
  onDeleted?: (uid: string) => void
  /**
   * Ask before the editor goes away with unsaved changes (another user selected, "New user",
   * signing out): await `leaveGuard.confirmLeave()` first. See `useLeaveGuard`.
   */
  leaveGuard?: LeaveGuard
}

/** `not-found`: no such user (nor a deactivated one); `error`: it did not load. */
export type UserEditorLoad = 'signed-out' | 'loading' | 'error' | 'not-found' | 'ready'

export interface UserEditorState extends EditorState {
  load: UserEditorLoad
  loadError: UserkitError | null
  /** The viewer is this user: their role cannot be changed, and they cannot deactivate themselves. */
  isSelf: boolean
  /** Nothing can be changed: the `readOnly` prop, a 403 from the server, or a deactivated user. */
  locked: boolean
  /** The server refused with 403. */
  forbidden: boolean
  isDeactivated: boolean
  /** The roles the select offers. */
  roleOptions: string[]
  /** A role's name as people read it: the server's label, or the id. */
  roleName(role: string): string
  /** Offer `metadata["@private"]`: only its owner and keys see it, so only then is it edited here. */
  privateMetadata: boolean
}

export interface UseUserEditorResult extends EditorView {
  state: UserEditorState
  actions: EditorViewActions & {
    /** Loads the user again after it failed to. */
    retry(): void
  }
  labels: UserEditorLabels
  lifecycle: UserLifecycle
  /** A date of the user's (unix seconds) in the provider's locale: created, last changed. */
  formatDate(seconds: number): string
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>>
  getRoleSelectProps(props?: SelectHTMLAttributes<HTMLSelectElement>): PartProps<SelectHTMLAttributes<HTMLSelectElement>>
}

const fields: readonly EditorField[] = ['name', 'avatar', 'link', 'statusMessage', 'tags', 'metadata', 'role']

/**
 * Any user as a form, for an admin (a role that may manage users, or a server-side client): the
 * profile fields as in `useProfileEditor`, the role from the known roles, deactivate and reactivate.
 *
 * @example const editor = useUserEditor({ uid: 'grace', roles: ['admin', 'default'] })
 */
export function useUserEditor({
  uid,
  roles: chosen,
  readOnly = false,
  labels: own,
  schema = updateUserSchema,
  onSaved,
  onDelete,
  onDeleted,
  leaveGuard,
}: UseUserEditorOptions): UseUserEditorResult {
  const labels = useLabels('userEditor', userEditorLabels, own)
  const known = useRoles()
  const signedIn = useSignedIn()
  const { locale } = useUserkit('useUserEditor')
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }), [locale])
  const roles = chosen ?? known.data?.map((entry) => entry.role) ?? ['default']
  const viewer = useCurrentUser((state) => state.user?.uid)
  const [forbidden, setForbidden] = useState(false)
  // Edit what the server holds now, not the copy a list cached earlier (a save would only meet a 412).
  const detail = useUser(uid, { refetchOnMount: 'always' })
  const missing = (detail.error ?? detail.failureReason)?.code === 'ERR_UID_NOT_FOUND'
  // A deactivated user is "not found" to lookups; a list asked for deactivated users still has them.
  const gone = useUsers({ uids: [uid], onlyDeactivated: true }, { enabled: missing && !readOnly })
  const user = detail.data ?? (missing ? gone.data?.users[0] : undefined)
  const update = useUpdateUser()
  const lifecycle = useUserLifecycle(uid, user?.name ?? uid, labels, () => setForbidden(true), { onDelete, onDeleted })
  const isDeactivated = lifecycle.state.deactivated ?? (!!user && user.deactivatedAt !== undefined)
  const locked = readOnly || forbidden || isDeactivated
  const core = useEditorCore({
    user,
    fields,
    schema,
    labels,
    readOnly: locked,
    save: (input, ifMatch) => {
      lifecycle.actions.clearNotice()
      return update.mutateAsync({ uid, ...input, ifMatch })
    },
    onSaved,
    leaveGuard,
    onSaveError: (error) => {
      if (!isUserkitError(error) || error.status !== 403) return undefined
      setForbidden(true)
      return labels.forbidden
    },
  })
  const base = core.base
  const parts = useEditorParts(core, labels, locked)
  const isSelf = !!viewer && viewer.toLowerCase() === uid.toLowerCase()
  const load: UserEditorLoad = !signedIn
    ? 'signed-out'
    : base
      ? 'ready'
      : missing && (gone.isSuccess || readOnly) && !user
        ? 'not-found'
        : detail.isError && !missing
          ? 'error'
          : 'loading'
  const roleOptions = [...new Set([...(base ? [base.role] : []), ...roles])]
  const roleName = (role: string): string => known.data?.find((entry) => entry.role === role)?.name ?? role
  const view = editorView(core, parts)
  return {
    ...view,
    state: {
      ...view.state,
      notice: lifecycle.state.notice || core.notice,
      load,
      loadError: detail.error,
      isSelf,
      locked,
      forbidden,
      isDeactivated,
      roleOptions,
      roleName,
      privateMetadata: isSelf || (!!base?.metadata && PRIVATE_METADATA_KEY in base.metadata),
    },
    actions: { ...view.actions, retry: () => void detail.refetch() },
    labels,
    formatDate: (seconds) => dateFormat.format(new Date(seconds * 1000)),
    lifecycle,
    getRootProps: (props) =>
      mergeProps(
        {
          'data-uk': 'user-editor',
          'data-part': 'root',
          'data-state': load !== 'ready' ? load : isDeactivated ? 'deactivated' : locked ? 'read-only' : core.status,
        },
        props,
      ),
    getRoleSelectProps: (props) =>
      parts.getSelectProps(
        'role',
        mergeProps({ ...(isSelf ? { disabled: true, 'aria-describedby': parts.ids.hint('role') } : {}) }, props),
      ),
  }
}
