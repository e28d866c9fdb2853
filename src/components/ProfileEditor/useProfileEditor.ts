'use client'
import type { HTMLAttributes } from 'react'
import type * as v from 'valibot'
import { updateCurrentUserSchema, type User, type UserkitError } from '../../model/index.js'
import { useCurrentUser } from '../../react/hooks/useCurrentUser.js'
import { useUpdateCurrentUser } from '../../react/hooks/useUpdateCurrentUser.js'
import { useRoles } from '../../react/hooks/useRoles.js'
import { useUser } from '../../react/hooks/useUser.js'
import type { EditorField } from '../editor/draft.js'
import { editorView, type EditorViewActions, type EditorState, type EditorView } from '../editor/editorView.js'
import type { LeaveGuard } from '../form/leaveGuard.js'
import { useEditorCore } from '../editor/useEditorCore.js'
import { useEditorParts } from '../editor/useEditorParts.js'
import { mergeProps } from '../kit/mergeProps.js'
import type { PartProps } from '../kit/types.js'
import { useLabels } from '../shared/useLabels.js'
import { profileEditorLabels, type ProfileEditorLabels } from './profileEditorLabels.js'

export interface UseProfileEditorOptions {
  labels?: Partial<ProfileEditorLabels>
  /**
   * The rules the draft is checked against as the user types and before sending. The server
   * applies its own either way; pass a stricter schema to add your app's rules.
   * @default updateCurrentUserSchema (the server's rules for `PUT /me`)
   */
  schema?: v.GenericSchema
  /** Called with the user as the server saved it. */
  onSaved?: (user: User) => void
  /** Ask before the editor goes away with unsaved changes (signing out, say): see `useLeaveGuard`. */
  leaveGuard?: LeaveGuard
}

/** `signed-out`: nobody is logged in; `loading`, `error`: the profile is on its way or failed to load. */
export type ProfileEditorLoad = 'signed-out' | 'loading' | 'error' | 'ready'

export interface ProfileEditorState extends EditorState {
  /** Whether there is a profile to edit yet. */
  load: ProfileEditorLoad
  /** Why the profile did not load. */
  loadError: UserkitError | null
  /** The user's role as people read it: its label on the server, else its id. Shown, never edited. */
  roleName: string
}

export interface UseProfileEditorResult extends EditorView {
  state: ProfileEditorState
  actions: EditorViewActions & {
    /** Loads the profile again after it failed to. */
    retry(): void
  }
  labels: ProfileEditorLabels
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>>
}

const fields: readonly EditorField[] = ['name', 'avatar', 'link', 'statusMessage', 'tags', 'metadata']

/**
 * The logged-in user's profile as a form: a draft checked with the server's rules, an optimistic
 * save of only what changed, the server's field errors beside the fields, a 412 resolved field by
 * field, and a question before unsaved changes are lost (`state.isDirty`, `actions.confirmLeave()`).
 *
 * @example
 * const editor = useProfileEditor({ onSaved: () => navigate('/') })
 * <form {...editor.getFormProps()}><input {...editor.getInputProps('name')} />…</form>
 */
export function useProfileEditor({ labels: own, schema = updateCurrentUserSchema, onSaved, leaveGuard }: UseProfileEditorOptions = {}): UseProfileEditorResult {
  const labels = useLabels('profileEditor', profileEditorLabels, own)
  const uid = useCurrentUser((state) => state.user?.uid)
  const query = useUser(uid ?? '', { enabled: !!uid, refetchOnMount: 'always' })
  const update = useUpdateCurrentUser()
  const roles = useRoles({ enabled: !!uid })
  const core = useEditorCore({
    user: uid ? query.data : undefined,
    fields,
    schema,
    labels,
    readOnly: false,
    save: ({ role: _role, ...input }, ifMatch) => update.mutateAsync({ ...input, ifMatch }),
    onSaved,
    leaveGuard,
  })
  const parts = useEditorParts(core, labels, false)
  const load: ProfileEditorLoad = !uid ? 'signed-out' : core.base ? 'ready' : query.isError ? 'error' : 'loading'
  const view = editorView(core, parts)
  return {
    ...view,
    state: { ...view.state, load, loadError: query.error, roleName: roleName(core.base?.role ?? '', roles.data) },
    actions: { ...view.actions, retry: () => void query.refetch() },
    labels,
    getRootProps: (props) =>
      mergeProps({ 'data-uk': 'profile-editor', 'data-part': 'root', 'data-state': load === 'ready' ? core.status : load }, props),
  }
}

/** A role's label on the server, else its id. */
export function roleName(role: string, known: readonly { role: string; name: string }[] | undefined): string {
  return known?.find((entry) => entry.role === role)?.name ?? role
}
