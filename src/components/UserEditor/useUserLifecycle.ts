'use client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ButtonHTMLAttributes, type HTMLAttributes } from 'react'
import { isUserkitError, UserkitError } from '../../model/index.js'
import { useDeactivateUser } from '../../react/hooks/useDeactivateUser.js'
import { useReactivateUser } from '../../react/hooks/useReactivateUser.js'
import { userKeys } from '../../react/userKeys.js'
import { buttonPart } from '../kit/buttonPart.js'
import { focusSoon } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import type { UserEditorLabels } from './userEditorLabels.js'

export type LifecycleAction = 'deactivate' | 'reactivate' | 'delete'

export interface UserLifecycle {
  state: {
    /** The action waiting for the user's yes. */
    asking: LifecycleAction | null
    busy: boolean
    /** What happened, for the status region. */
    notice: string
    error: string | null
    /** Deactivated, as this editor last saw it: `undefined` until it acted. */
    deactivated: boolean | undefined
    /** Erased for good through the app's `onDelete`. */
    deleted: boolean
    /** Whether "Delete permanently" is offered: the app gave an `onDelete`. */
    canDelete: boolean
  }
  actions: {
    clearNotice(): void
  }
  /** Its text: `labels.deactivate`, `labels.reactivate` or `labels.deletePermanently`. */
  getActionProps(action: LifecycleAction, props?: ButtonHTMLAttributes<HTMLButtonElement>): PartProps<ButtonHTMLAttributes<HTMLButtonElement>>
  getConfirmProps(props?: HTMLAttributes<HTMLElement>): PartProps<HTMLAttributes<HTMLElement>>
  /** Its text: `labels.deactivateQuestion(name)`, `labels.reactivateQuestion(name)` or `labels.deleteQuestion(name)`, as `state.asking` says. */
  getQuestionProps(props?: HTMLAttributes<HTMLElement>): PartProps<HTMLAttributes<HTMLElement>>
  getConfirmButtonProps(yes: boolean, props?: ButtonHTMLAttributes<HTMLButtonElement>): PartProps<ButtonHTMLAttributes<HTMLButtonElement>>
  /** Where "… was deleted." stands once the user is gone, and where focus lands then. Its text is `state.notice`. */
  getDeletedProps(props?: HTMLAttributes<HTMLElement>): PartProps<HTMLAttributes<HTMLElement>>
}

/** What the editor may do to a user's existence beyond deactivation: only through the app's backend. */
export interface PermanentDeletion {
  /** Erases the user through the app’s own backend (the REST API key never reaches a browser). */
  onDelete?: ((uid: string) => Promise<unknown>) | undefined
  /** Told once the user is gone: to leave the editor, say. */
  onDeleted?: ((uid: string) => void) | undefined
}

/** Deactivate, reactivate and (with `onDelete`) delete for good, each after an inline "are you sure?". */
export function useUserLifecycle(
  uid: string,
  name: string,
  labels: UserEditorLabels,
  onForbidden: () => void,
  { onDelete, onDeleted }: PermanentDeletion = {},
): UserLifecycle {
  const idBase = useDomId()
  const [asking, setAsking] = useState<LifecycleAction | null>(null)
  const [notice, setNotice] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [deactivated, setDeactivated] = useState<boolean | undefined>(undefined)
  const [deleted, setDeleted] = useState(false)
  const deactivate = useDeactivateUser()
  const reactivate = useReactivateUser()
  // The app's own call, then the cache kept true as for a deactivation: the lists refetch and the
  // user's detail resets (a view showing them learns they are gone).
  const queryClient = useQueryClient()
  const erase = useMutation({
    mutationFn: async (target: string) => onDelete?.(target),
    onSuccess: async (_result, target) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: userKeys.lists() }), queryClient.invalidateQueries({ queryKey: userKeys.blocked() })])
      await queryClient.resetQueries({ queryKey: userKeys.detail(target), exact: true })
    },
  })

  useEffect(() => {
    if (asking) focusSoon(`${idBase}-lifecycle-no`)
  }, [asking])

  const run = async (action: LifecycleAction): Promise<void> => {
    setAsking(null)
    setError(null)
    setNotice('')
    try {
      if (action === 'delete') {
        await erase.mutateAsync(uid)
        setDeleted(true)
        setNotice(labels.deleted(name))
        // The form and its buttons are gone: focus goes to what happened, not to <body>.
        focusSoon(`${idBase}-deleted`)
        onDeleted?.(uid)
        return
      }
      await (action === 'deactivate' ? deactivate : reactivate).mutateAsync({ uid })
      setDeactivated(action === 'deactivate')
      setNotice(action === 'deactivate' ? labels.deactivated(name) : labels.reactivated(name))
      focusSoon(`${idBase}-${action === 'deactivate' ? 'reactivate' : 'deactivate'}`)
    } catch (failure) {
      if (isUserkitError(failure) && failure.status === 403) {
        onForbidden()
        return setError(labels.forbidden)
      }
      if (isUserkitError(failure) && failure.code === 'ERR_NETWORK') return setError(labels.networkError)
      setError(action === 'delete' ? labels.deleteFailed(String((failure as Error).message)) : labels.saveFailed(isUserkitError(failure) ? failure : new UserkitError('ERR_INTERNAL', String(failure))))
    }
  }

  const busy = deactivate.isPending || reactivate.isPending || erase.isPending
  return {
    state: { asking, busy, notice, error, deactivated, deleted, canDelete: onDelete !== undefined },
    actions: { clearNotice: () => setNotice('') },
    getActionProps: (action, props) =>
      mergeProps(
        {
          ...buttonPart({ 'data-part': action }, () => setAsking(action), action === 'reactivate' ? 'default' : 'danger'),
          id: `${idBase}-${action}`,
          disabled: busy || asking !== null,
        },
        props,
      ),
    getConfirmProps: (props) =>
      mergeProps(
        { 'data-part': 'confirm', role: 'group', 'aria-labelledby': `${idBase}-lifecycle-question`, 'data-state': asking ?? undefined },
        props,
      ),
    getDeletedProps: (props) => mergeProps({ 'data-part': 'notice', role: 'status', id: `${idBase}-deleted`, tabIndex: -1 }, props),
    getQuestionProps: (props) => mergeProps({ 'data-part': 'confirm-question', id: `${idBase}-lifecycle-question` }, props),
    getConfirmButtonProps: (yes, props) =>
      mergeProps(
        {
          ...buttonPart(
            { 'data-part': yes ? 'confirm-yes' : 'confirm-cancel' },
            () => {
              const action = asking
              if (yes && action) void run(action)
              else {
                setAsking(null)
                if (action) focusSoon(`${idBase}-${action}`)
              }
            },
            yes && (asking === 'deactivate' || asking === 'delete') ? 'danger' : yes ? 'primary' : 'default',
          ),
          id: yes ? `${idBase}-lifecycle-yes` : `${idBase}-lifecycle-no`,
        },
        props,
      ),
  }
}
