'use client'
import { useEffect, useState, type ButtonHTMLAttributes, type HTMLAttributes } from 'react'
import { isUserkitError } from '../../model/index.js'
import { useDeactivateUser, useReactivateUser } from '../../react/hooks/useUserLifecycle.js'
import { focusSoon } from '../shared/focusSoon.js'
import { useDomId } from '../shared/useDomId.js'
import type { UserEditorLabels } from './userEditorLabels.js'

type Data = Record<`data-${string}`, string | undefined>
export type LifecycleAction = 'deactivate' | 'reactivate'

export interface UserLifecycle {
  /** The action waiting for the user's yes. */
  asking: LifecycleAction | null
  busy: boolean
  /** What happened, for the status region. */
  notice: string
  error: string | null
  /** Deactivated, as this editor last saw it: `undefined` until it acted. */
  deactivated: boolean | undefined
  clearNotice(): void
  getActionProps(action: LifecycleAction): ButtonHTMLAttributes<HTMLButtonElement> & Data
  getConfirmProps(): HTMLAttributes<HTMLElement> & Data
  getQuestionProps(): HTMLAttributes<HTMLElement> & Data
  getConfirmButtonProps(yes: boolean): ButtonHTMLAttributes<HTMLButtonElement> & Data
}

/** Deactivate and reactivate, each after an inline "are you sure?". */
export function useUserLifecycle(uid: string, name: string, labels: UserEditorLabels, onForbidden: () => void): UserLifecycle {
  const idBase = useDomId()
  const [asking, setAsking] = useState<LifecycleAction | null>(null)
  const [notice, setNotice] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [deactivated, setDeactivated] = useState<boolean | undefined>(undefined)
  const deactivate = useDeactivateUser()
  const reactivate = useReactivateUser()

  useEffect(() => {
    if (asking) focusSoon(`${idBase}-lifecycle-no`)
  }, [asking])

  const run = async (action: LifecycleAction): Promise<void> => {
    setAsking(null)
    setError(null)
    setNotice('')
    try {
      await (action === 'deactivate' ? deactivate : reactivate).mutateAsync(uid)
      setDeactivated(action === 'deactivate')
      setNotice(action === 'deactivate' ? labels.deactivated(name) : labels.reactivated(name))
      focusSoon(`${idBase}-${action === 'deactivate' ? 'reactivate' : 'deactivate'}`)
    } catch (failure) {
      if (isUserkitError(failure) && failure.status === 403) {
        onForbidden()
        return setError(labels.forbidden)
      }
      setError(isUserkitError(failure) && failure.code === 'ERR_NETWORK' ? labels.networkError : labels.saveFailed(String((failure as Error).message)))
    }
  }

  return {
    asking,
    busy: deactivate.isPending || reactivate.isPending,
    notice,
    error,
    deactivated,
    clearNotice: () => setNotice(''),
    getActionProps: (action) => ({
      type: 'button',
      id: `${idBase}-${action}`,
      disabled: deactivate.isPending || reactivate.isPending || asking !== null,
      'data-part': `button ${action}`,
      'data-variant': action === 'deactivate' ? 'danger' : undefined,
      children: action === 'deactivate' ? labels.deactivate : labels.reactivate,
      onClick: () => setAsking(action),
    }),
    getConfirmProps: () => ({ role: 'group', 'aria-labelledby': `${idBase}-lifecycle-question`, 'data-part': 'confirm', 'data-state': asking ?? undefined }),
    getQuestionProps: () => ({
      id: `${idBase}-lifecycle-question`,
      'data-part': 'confirm-question',
      children: asking === 'reactivate' ? labels.reactivateQuestion(name) : labels.deactivateQuestion(name),
    }),
    getConfirmButtonProps: (yes) => ({
      type: 'button',
      id: yes ? `${idBase}-lifecycle-yes` : `${idBase}-lifecycle-no`,
      'data-part': yes ? 'button confirm-yes' : 'button confirm-cancel',
      'data-variant': yes && asking === 'deactivate' ? 'danger' : yes ? 'primary' : undefined,
      children: yes ? (asking === 'reactivate' ? labels.reactivate : labels.deactivate) : labels.cancel,
      onClick: () => {
        const action = asking
        if (yes && action) void run(action)
        else {
          setAsking(null)
          if (action) focusSoon(`${idBase}-${action}`)
        }
      },
    }),
  }
}
