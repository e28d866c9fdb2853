'use client'
import { useEffect, useState, type ButtonHTMLAttributes, type HTMLAttributes, type KeyboardEvent } from 'react'
import type { User } from '../../model/index.js'
import { useBlock } from '../../react/hooks/useBlock.js'
import { useUnblock } from '../../react/hooks/useUnblock.js'
import { useCurrentUser } from '../../react/hooks/useCurrentUser.js'
import { useUser } from '../../react/hooks/useUser.js'
import { buttonPart } from '../kit/buttonPart.js'
import { focusById } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import { useLabels } from '../shared/useLabels.js'
import { blockButtonAnatomy as anatomy } from './blockButtonAnatomy.js'
import { blockButtonLabels, type BlockButtonLabels } from './blockButtonLabels.js'

type ButtonProps = PartProps<ButtonHTMLAttributes<HTMLButtonElement>>

export interface UseBlockButtonOptions {
  /** Whom the button blocks and unblocks. */
  uid: string
  /**
   * The user, when the app has it (a row, a card): its name labels the button and, until the cache
   * knows better, its `blockedByMe` is the state. Without it the user is loaded (`useUser`).
   */
  user?: Pick<User, 'uid' | 'name'> & Partial<Pick<User, 'blockedByMe'>>
  /**
   * Asks "Block Ada?" before blocking (unblocking never asks): a block hides the person from you,
   * and a slip of the finger should not do that.
   * @default true
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

export interface BlockButtonState {
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
  /** Whom the button is about: the user's name when known, else the uid (for the question's text). */
  name: string
}

export interface UseBlockButtonResult {
  state: BlockButtonState
  actions: {
    /** Blocks (`true`) or unblocks (`false`) now, without asking. */
    setBlocked(blocked: boolean): void
  }
  labels: BlockButtonLabels
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>>
  /** The toggle. Its text says what it will do: `labels.block`, or `labels.unblock` while blocked. */
  getButtonProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonProps
  /** What is, shown while blocked; its text is `labels.blocked`. */
  getStateProps(props?: HTMLAttributes<HTMLSpanElement>): PartProps<HTMLAttributes<HTMLSpanElement>>
  /** `undefined` unless confirming. */
  getConfirmProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>> | undefined
  getQuestionProps(props?: HTMLAttributes<HTMLSpanElement>): PartProps<HTMLAttributes<HTMLSpanElement>>
  getConfirmButtonProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonProps
  getCancelProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonProps
  /** `undefined` unless the last change failed; its text is `state.error`. */
  getErrorProps(props?: HTMLAttributes<HTMLParagraphElement>): PartProps<HTMLAttributes<HTMLParagraphElement>> | undefined
}

/**
 * A block toggle's state and parts. Optimistic: the button, and every loaded copy of the user,
 * show the change at once; a refusal rolls it back and says so.
 *
 * @example const block = useBlockButton({ uid: 'ada', confirm: true })
 */
export function useBlockButton({ uid, user, confirm = true, onBlockedChange, labels: own }: UseBlockButtonOptions): UseBlockButtonResult {
  const labels = useLabels('blockButton', blockButtonLabels, own)
  const me = useCurrentUser((state) => state.user?.uid)
  const key = uid.toLowerCase()
  const disabled = !me || me.toLowerCase() === key
  // The cache's copy wins: it is what the optimistic change flips and the server's answer settles.
  const { data: cached } = useUser(uid, { enabled: !user && !disabled })
  const block = useBlock()
  const unblock = useUnblock()
  // Known from the server's answer when no cache entry holds the user to flip.
  const [settled, setSettled] = useState<boolean | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const baseId = useDomId()
  const ids = { toggle: `${baseId}-toggle`, question: `${baseId}-question`, confirmButton: `${baseId}-confirm` }

  const pending = block.isPending || unblock.isPending
  const target = block.isPending ? true : unblock.isPending ? false : undefined
  const blocked = target ?? (cached ? cached.blockedByMe === true : (settled ?? user?.blockedByMe === true))
  const name = user?.name ?? cached?.name ?? uid

  useEffect(() => {
    if (confirming) focusById(ids.confirmButton)
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
    focusById(ids.toggle)
  }

  return {
    state: { blocked, pending, confirming, disabled, error, name },
    actions: { setBlocked },
    labels,
    getRootProps: (props) =>
      mergeProps({ ...anatomy.attrs('root'), 'data-state': blocked ? 'blocked' : 'unblocked', ...(pending ? { 'aria-busy': true } : {}) }, props),
    getButtonProps: (props) =>
      mergeProps(
        {
          ...buttonPart(
            anatomy.attrs('toggle'),
            () => {
              if (pending) return
              if (!blocked && confirm) setConfirming(true)
              else setBlocked(!blocked)
            },
            'danger',
          ),
          id: ids.toggle,
          'data-state': blocked ? 'blocked' : 'unblocked',
          // The text changes with the state, so no aria-pressed: a pressed "Unblock" would say the opposite.
          'aria-label': blocked ? labels.unblockUser(name) : labels.blockUser(name),
          // Not `disabled` while pending: the button keeps focus; a click meanwhile does nothing.
          ...(pending ? { 'aria-disabled': true } : {}),
          disabled,
        },
        props,
      ),
    getStateProps: (props) => mergeProps(anatomy.attrs('state'), props),
    getConfirmProps: (props) =>
      confirming
        ? mergeProps(
            {
              ...anatomy.attrs('confirm'),
              role: 'group',
              'aria-labelledby': ids.question,
              onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
                if (event.key !== 'Escape') return
                event.stopPropagation()
                closeConfirm()
              },
            },
            props,
          )
        : undefined,
    getQuestionProps: (props) => mergeProps({ ...anatomy.attrs('question'), id: ids.question }, props),
    getConfirmButtonProps: (props) =>
      mergeProps(
        {
          ...buttonPart(
            anatomy.attrs('confirm-button'),
            () => {
              closeConfirm()
              setBlocked(true)
            },
            'danger',
          ),
          id: ids.confirmButton,
        },
        props,
      ),
    getCancelProps: (props) => mergeProps(buttonPart(anatomy.attrs('cancel'), closeConfirm), props),
    getErrorProps: (props) => (error ? mergeProps(messagePart('alert', anatomy.attrs('error')), props) : undefined),
  }
}
