'use client'
import { Fragment, type HTMLAttributes, type ReactNode } from 'react'
import { Avatar } from '../Avatar/Avatar.js'
import { cx } from '../shared/cx.js'
import { useUserMenu, type UseUserMenuOptions } from './useUserMenu.js'

export interface UserMenuProps extends UseUserMenuOptions, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * What to show when nobody is logged in, e.g. a "Log in" link.
   * @default null
   * @example loggedOut={<a href="/login">Log in</a>}
   */
  loggedOut?: ReactNode
  /** Extra class names, by part. */
  classNames?: Partial<Record<'trigger' | 'popover' | 'header' | 'menu' | 'item' | 'statusForm', string>>
}

/**
 * The logged-in user's avatar as a button opening a menu: edit profile, set status message,
 * your own `items`, log out. Renders `loggedOut` when nobody is logged in.
 *
 * @example <UserMenu onEditProfile={() => navigate('/profile')} loggedOut={<a href="/login">Log in</a>} />
 */
export function UserMenu({
  open,
  defaultOpen,
  onOpenChange,
  onEditProfile,
  items,
  labels: own,
  loggedOut = null,
  className,
  classNames = {},
  ...rest
}: UserMenuProps): ReactNode {
  const menu = useUserMenu({ open, defaultOpen, onOpenChange, onEditProfile, items, labels: own })
  const { state, labels, statusForm } = menu
  const { user } = state
  if (!user) return loggedOut
  const error = statusForm.getErrorProps()
  const last = state.items.length - 1
  return (
    <div {...menu.getRootProps({ ...rest, className: cx('uk-user-menu', className) })}>
      <button {...menu.getTriggerProps({ className: classNames.trigger })}>
        <Avatar user={user} showPresence decorative />
        <span {...menu.getTriggerLabelProps()}>{state.triggerLabel}</span>
      </button>
      {state.open ? (
        <div {...menu.getPopoverProps({ className: classNames.popover })}>
          <div data-part="header" className={classNames.header}>
            <Avatar user={user} size="md" decorative />
            <div data-part="identity">
              <p data-part="name" title={user.name}>
                {user.name}
              </p>
              <p data-part="status-message" data-state={user.statusMessage ? 'set' : 'empty'}>
                {user.statusMessage ?? labels.noStatusMessage}
              </p>
            </div>
          </div>
          {state.view === 'menu' ? (
            <div {...menu.getMenuProps({ className: classNames.menu })}>
              {state.items.map((item, index) => (
                <Fragment key={item.id}>
                  {index === last ? <hr data-part="separator" /> : null}
                  <button {...menu.getItemProps(item, { className: classNames.item })}>
                    {item.label}
                  </button>
                </Fragment>
              ))}
            </div>
          ) : (
            <form {...statusForm.getFormProps({ className: classNames.statusForm })}>
              <label {...statusForm.getLabelProps()}>{labels.statusMessage}</label>
              <input {...statusForm.getInputProps()} />
              {error ? <p {...error}>{statusForm.state.error}</p> : null}
              <div data-part="actions">
                <button {...statusForm.getCancelProps()}>{labels.cancel}</button>
                <button {...statusForm.getSaveProps()}>{statusForm.state.saving ? labels.saving : labels.save}</button>
              </div>
            </form>
          )}
        </div>
      ) : null}
      <span {...menu.getAnnouncerProps()}>{state.announcement}</span>
    </div>
  )
}
