'use client'
import { useEffect, useState, type ButtonHTMLAttributes, type HTMLAttributes } from 'react'
import { isUserkitError } from '../../model/index.js'
import { useDeactivateUser } from '../../react/hooks/useDeactivateUser.js'
import { useReactivateUser } from '../../react/hooks/useReactivateUser.js'
import { buttonPart } from '../kit/buttonPart.js'
import { focusSoon } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import type { UserEditorLabels } from './userEditorLabels.js'

export type LifecycleAction = 'deactivate' | 'reactivate'

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
  }
  actions: {
    clearNotice(): void
  }
  /** Its text: `labels.deactivate` or `labels.reactivate`. */
  getActionProps(action: LifecycleAction, props?: ButtonHTMLAttributes<HTMLButtonElement>): PartProps<ButtonHTMLAttributes<HTMLButtonElement>>
  getConfirmProps(props?: HTMLAttributes<HTMLElement>): PartProps<HTMLAttributes<HTMLElement>>
  /** Its text: `labels.deactivateQuestion(name)` or `labels.reactivateQuestion(name)`, as `state.asking` says. */
  getQuestionProps(props?: HTMLAttributes<HTMLElement>): PartProps<HTMLAttributes<HTMLElement>>
  getConfirmButtonProps(yes: boolean, props?: ButtonHTMLAttributes<HTMLButtonElement>): PartProps<ButtonHTMLAttributes<HTMLButtonElement>>
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
      await (action === 'deactivate' ? deactivate : reactivate).mutateAsync({ uid })
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

  const busy = deactivate.isPending || reactivate.isPending
  return {
    state: { asking, busy, notice, error, deactivated },
    actions: { clearNotice: () => setNotice('') },
    getActionProps: (action, props) =>
      mergeProps(
        {
          ...buttonPart({ 'data-part': action }, () => setAsking(action), action === 'deactivate' ? 'danger' : 'default'),
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
            yes && asking === 'deactivate' ? 'danger' : yes ? 'primary' : 'default',
          ),
          id: yes ? `${idBase}-lifecycle-yes` : `${idBase}-lifecycle-no`,
        },
        props,
      ),
  }
}
