'use client'
import type { HTMLAttributes, ReactNode } from 'react'
import { cx } from '../shared/cx.js'
import { useBlockButton, type UseBlockButtonOptions } from './useBlockButton.js'

export interface BlockButtonProps extends UseBlockButtonOptions, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Class names of the parts. */
  classNames?: { state?: string; button?: string; confirm?: string; question?: string; confirmButton?: string; cancel?: string; error?: string }
}

/**
 * Blocks a user for the logged-in user after asking (`confirm`, on by default), and unblocks at
 * once; each change shows at once (optimistic) and is rolled back with a message if the server
 * refuses. The button says what it will do ("Block", "Unblock"); "Blocked" says what is. Disabled
 * for oneself.
 *
 * @example <BlockButton uid={user.uid} user={user} />
 */
export function BlockButton({ uid, user, confirm, onBlockedChange, labels, className, classNames = {}, ...rest }: BlockButtonProps): ReactNode {
  const block = useBlockButton({ uid, user, confirm, onBlockedChange, labels })
  const { state } = block
  const confirmGroup = block.getConfirmProps({ className: classNames.confirm })
  const error = block.getErrorProps({ className: classNames.error })
  return (
    <div {...block.getRootProps({ ...rest, className: cx('uk-block-button', className) })}>
      {state.blocked ? <span {...block.getStateProps({ className: classNames.state })}>{block.labels.blocked}</span> : null}
      <button {...block.getButtonProps({ className: classNames.button })}>{state.blocked ? block.labels.unblock : block.labels.block}</button>
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
