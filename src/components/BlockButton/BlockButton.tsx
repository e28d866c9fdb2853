'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import { cx } from '../shared/cx.js'
import { useBlockButton, type UseBlockButtonOptions } from './useBlockButton.js'

export interface BlockButtonProps extends UseBlockButtonOptions, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Class names of the parts. */
  classNames?: { button?: string; confirm?: string; question?: string; confirmButton?: string; cancel?: string; error?: string }
}

/**
 * A toggle that blocks and unblocks a user for the logged-in user, at once (optimistic), rolled
 * back with a message if the server refuses. Disabled for oneself.
 *
 * @example <BlockButton uid={user.uid} user={user} confirm />
 */
export function BlockButton({ uid, user, confirm, onBlockedChange, labels, className, classNames = {}, ...rest }: BlockButtonProps): ReactNode {
  const block = useBlockButton({ uid, user, confirm, onBlockedChange, labels })
  const { state } = block
  const confirmGroup = block.getConfirmProps({ className: classNames.confirm })
  const error = block.getErrorProps({ className: classNames.error })
  return (
    <div {...block.getRootProps({ ...rest, className: cx('uk-block-button', className) })}>
      <button {...block.getButtonProps({ className: classNames.button })}>{block.labels.block}</button>
      {confirmGroup ? (
        <div {...confirmGroup}>
          <span {...block.getQuestionProps({ className: classNames.question })}>{block.labels.confirmQuestion(state.name)}</span>
          <button {...block.getConfirmButtonProps({ className: classNames.confirmButton })}>{block.labels.confirmBlock}</button>
          <button {...block.getCancelProps({ className: classNames.cancel })}>{block.labels.cancel}</button>
        </div>
      ) : null}
      {error ? <p {...error}>{state.error}</p> : null}
    </div>
  )
}
