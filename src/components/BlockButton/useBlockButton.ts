'use client'
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type RefCallback,
} from 'react'
import type { User } from '../../model/index.js'
import { useBlockUsers, useUnblockUsers } from '../../react/hooks/useBlocking.js'
import { useCurrentUser } from '../../react/hooks/useCurrentUser.js'
import { useUser } from '../../react/hooks/useUser.js'
import { composeEventHandlers } from '../shared/composeEventHandlers.js'
import { buttonProps, messageProps } from '../shared/partProps.js'
import { useLabels } from '../shared/useLabels.js'
import { blockButtonLabels, type BlockButtonLabels } from './blockButtonLabels.js'

type Props<T> = T & Record<`data-${string}`, string>
type ButtonProps = Props<ButtonHTMLAttributes<HTMLButtonElement>>

export interface UseBlockButtonOptions {
  /** Whom the button blocks and unblocks. */
  uid: string
  /**
   * The user, when the app has it (a row, a card): its name labels the button and, until the cache
   * knows better, its `blockedByMe` is the state. Without it the user is loaded (`useUser`).
   */
  user?: Pick<User, 'uid' | 'name'> & Partial<Pick<User, 'blockedByMe'>>
  /**
   * Asks "Block Ada?" before blocking (unblocking never asks).
   * @default false
   */
  confirm?: boolean
  /** Called once the server has accepted a block (`true`) or an unblock (`false`). */
  onBlockedChange?: (blocked: boolean) => void
  /**
   * Strings replacing the provider's `labels` and the English defaults.
   * @example { block: 'Sperren' }
   */
  labels?: Partial<BlockButtonLabels>
}

export interface UseBlockButtonResult {
  /** Whether the logged-in user has blocked `uid`: flips at once on click, back if the server refuses. */
  blocked: boolean
  /** A block or unblock is on its way to the server. */
  pending: boolean
  /** The confirmation is showing. */
  confirming: boolean
  /** Nobody is logged in, or it is the logged-in user: one cannot block oneself. */
  disabled: boolean
  /** What went wrong with the last change, already rolled back; `null` when nothing did. */
  error: string | null
  /** Blocks (`true`) or unblocks (`false`) now, without asking. */
  setBlocked(blocked: boolean): void
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): Props<HTMLAttributes<HTMLDivElement>>
  /** The toggle: `aria-pressed` while blocked. */
  getButtonProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonProps & { ref: RefCallback<HTMLButtonElement> }
  /** `undefined` unless confirming. */
  getConfirmProps(props?: HTMLAttributes<HTMLDivElement>): Props<HTMLAttributes<HTMLDivElement>> | undefined
  getQuestionProps(props?: HTMLAttributes<HTMLSpanElement>): Props<HTMLAttributes<HTMLSpanElement>>
  getConfirmButtonProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonProps & { ref: RefCallback<HTMLButtonElement> }
  getCancelProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonProps
  /** `undefined` unless the last change failed. */
  getErrorProps(props?: HTMLAttributes<HTMLParagraphElement>): Props<HTMLAttributes<HTMLParagraphElement>> | undefined
}

/**
 * A block toggle's state and parts. Optimistic: the button, and every loaded copy of the user,
 * show the change at once; a refusal rolls it back and says so.
 *
 * @example const block = useBlockButton({ uid: 'ada', confirm: true })
 */
export function useBlockButton({ uid, user, confirm = false, onBlockedChange, labels: own }: UseBlockButtonOptions): UseBlockButtonResult {
  const labels = useLabels('blockButton', blockButtonLabels, own)
  const me = useCurrentUser((state) => state.user?.uid)
  const key = uid.toLowerCase()
  const disabled = !me || me.toLowerCase() === key
  // The cache's copy wins: it is what the optimistic change flips and the server's answer settles.
  const { data: cached } = useUser(uid, { enabled: !user && !disabled })
  const block = useBlockUsers()
  const unblock = useUnblockUsers()
  // Known from the server's answer when no cache entry holds the user to flip.
  const [settled, setSettled] = useState<boolean | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const toggle = useRef<HTMLButtonElement | null>(null)
  const confirmButton = useRef<HTMLButtonElement | null>(null)
  const questionId = useId()

  const pending = block.isPending || unblock.isPending
  const target = block.isPending ? true : unblock.isPending ? false : undefined
  const blocked = target ?? (cached ? cached.blockedByMe === true : (settled ?? user?.blockedByMe === true))
  const name = user?.name ?? cached?.name ?? uid

  useEffect(() => {
    if (confirming) confirmButton.current?.focus()
  }, [confirming])

  const setBlocked = (next: boolean): void => {
    if (disabled || pending) return
    setError(null)
    const failed = (): void => setError(next ? labels.blockFailed(name) : labels.unblockFailed(name))
    ;(next ? block : unblock).mutate([uid], {
      onSuccess: (outcomes) => {
        if (!(outcomes[key] ?? outcomes[uid])?.success) return failed()
        setSettled(next)
        onBlockedChange?.(next)
      },
      onError: failed,
    })
  }
  const closeConfirm = (): void => {
    setConfirming(false)
    toggle.current?.focus()
  }

  return {
    blocked,
    pending,
    confirming,
    disabled,
    error,
    setBlocked,
    getRootProps: (props = {}) => ({
      ...props,
      'data-uk': 'block-button',
      'data-part': 'root',
      'data-state': blocked ? 'blocked' : 'unblocked',
      ...(pending ? { 'aria-busy': true } : {}),
    }),
    getButtonProps: (props = {}) => ({
      type: 'button',
      ...props,
      ref: (node) => void (toggle.current = node),
      'data-part': 'button toggle',
      'data-variant': 'danger',
      'data-state': blocked ? 'blocked' : 'unblocked',
      'aria-label': labels.blockUser(name),
      'aria-pressed': blocked,
      // Not `disabled` while pending: the button keeps focus; a click meanwhile does nothing.
      ...(pending ? { 'aria-disabled': true } : {}),
      disabled,
      children: labels.block,
      onClick: composeEventHandlers(props.onClick, (_event: MouseEvent<HTMLButtonElement>) => {
        if (pending) return
        if (!blocked && confirm) setConfirming(true)
        else setBlocked(!blocked)
      }),
    }),
    getConfirmProps: (props = {}) =>
      confirming
        ? {
            ...props,
            role: 'group',
            'aria-labelledby': questionId,
            'data-part': 'confirm',
            onKeyDown: composeEventHandlers(props.onKeyDown, (event: KeyboardEvent<HTMLDivElement>) => {
              if (event.key !== 'Escape') return
              event.stopPropagation()
              closeConfirm()
            }),
          }
        : undefined,
    getQuestionProps: (props = {}) => ({ ...props, id: questionId, 'data-part': 'question', children: labels.confirmQuestion(name) }),
    getConfirmButtonProps: (props = {}) => ({
      type: 'button',
      ...props,
      ref: (node) => void (confirmButton.current = node),
      'data-part': 'button confirm-button',
      'data-variant': 'danger',
      children: labels.confirmBlock,
      onClick: composeEventHandlers(props.onClick, (_event: MouseEvent<HTMLButtonElement>) => {
        closeConfirm()
        setBlocked(true)
      }),
    }),
    getCancelProps: (props) => buttonProps('cancel', labels.cancel, closeConfirm, props),
    getErrorProps: (props) => (error ? messageProps('alert', 'error', error, props) : undefined),
  }
}
