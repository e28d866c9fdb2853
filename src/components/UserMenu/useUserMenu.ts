'use client'
import { useEffect, useRef, useState, type ButtonHTMLAttributes, type FocusEvent, type HTMLAttributes, type KeyboardEvent } from 'react'
import type { User } from '../../model/index.js'
import { useCurrentUser } from '../../react/hooks/useCurrentUser.js'
import { useLogout } from '../../react/hooks/useLogout.js'
import { focusById } from '../kit/focusSoon.js'
import { mergeProps } from '../kit/mergeProps.js'
import { messagePart } from '../kit/messagePart.js'
import type { PartProps } from '../kit/types.js'
import { useDomId } from '../kit/useDomId.js'
import { useControllableState } from '../shared/useControllableState.js'
import { useLabels } from '../shared/useLabels.js'
import { useStatusMessageForm, type UseStatusMessageFormResult } from './useStatusMessageForm.js'
import { userMenuAnatomy as anatomy } from './userMenuAnatomy.js'
import { userMenuLabels, type UserMenuLabels } from './userMenuLabels.js'

/** An item of the menu. */
export interface UserMenuItem {
  id: string
  label: string
  /** Called after the menu closed and gave focus back to its button (so the item may move it). */
  onSelect: () => void
}

export interface UseUserMenuOptions {
  /** Whether the menu is open, when the parent owns it. */
  open?: boolean
  /** @default false */
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  /** Shows "Edit profile"; where it leads is the app's to decide. */
  onEditProfile?: () => void
  /** Extra items, between "Set status message" and "Log out". @default [] */
  items?: readonly UserMenuItem[]
  labels?: Partial<UserMenuLabels>
}

export type UserMenuView = 'menu' | 'status'

export interface UserMenuState {
  /** The logged-in user, or `null`. */
  user: User | null
  open: boolean
  view: UserMenuView
  /** Every item, in order: edit profile, set status message, `items`, log out. */
  items: UserMenuItem[]
  /**
   * The trigger's accessible name, to render inside it (in the trigger-label part): as text content
   * rather than `aria-label`, so the initials an avatar shows never contradict it.
   */
  triggerLabel: string
  /** What the live region says (a saved status, a failure while the menu was closed). */
  announcement: string
}

export interface UseUserMenuResult {
  state: UserMenuState
  actions: {
    setOpen(open: boolean): void
  }
  labels: UserMenuLabels
  statusForm: UseStatusMessageFormResult
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>>
  getTriggerProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): PartProps<ButtonHTMLAttributes<HTMLButtonElement>>
  /** Inside the trigger, visually hidden: its text is `state.triggerLabel`. */
  getTriggerLabelProps(props?: HTMLAttributes<HTMLSpanElement>): PartProps<HTMLAttributes<HTMLSpanElement>>
  getPopoverProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>>
  getMenuProps(props?: HTMLAttributes<HTMLDivElement>): PartProps<HTMLAttributes<HTMLDivElement>>
  /** An item; its text is `item.label`. `data-tone="danger"` on log out. */
  getItemProps(item: UserMenuItem, props?: ButtonHTMLAttributes<HTMLButtonElement>): PartProps<ButtonHTMLAttributes<HTMLButtonElement>>
  getAnnouncerProps(props?: HTMLAttributes<HTMLSpanElement>): PartProps<HTMLAttributes<HTMLSpanElement>>
}

type FocusTarget = 'first' | 'last' | 'status' | 'input' | null

/**
 * The logged-in user's menu as a menu button (WAI-ARIA APG): state, keyboard, focus and the
 * actions, with prop getters for the parts. Markup is the caller's (see `UserMenu`).
 */
export function useUserMenu(options: UseUserMenuOptions = {}): UseUserMenuResult {
  const labels = useLabels('userMenu', userMenuLabels, options.labels)
  const user = useCurrentUser((state) => state.user)
  const logout = useLogout()
  const [open, setOpenState] = useControllableState({ value: options.open, defaultValue: options.defaultOpen ?? false, onChange: options.onOpenChange })
  const [view, setView] = useState<UserMenuView>('menu')
  const [announcement, setAnnouncement] = useState('')
  const [focusTarget, setFocusTarget] = useState<{ target: FocusTarget }>({ target: null })
  const root = useRef<HTMLDivElement | null>(null)
  const baseId = useDomId()
  const ids = { trigger: `${baseId}-trigger`, menu: `${baseId}-menu`, item: (id: string) => `${baseId}-item-${id}` }

  const focus = (target: FocusTarget): void => setFocusTarget({ target })
  const setOpen = (next: boolean, then: FocusTarget = null): void => {
    if (next) setView('menu')
    setOpenState(next)
    focus(then)
  }
  const close = (returnFocus: boolean): void => {
    // At once, not after the render: an item's onSelect that runs next may move focus on.
    if (returnFocus) focusById(ids.trigger)
    setOpen(false)
  }

  const statusForm = useStatusMessageForm({
    user,
    labels,
    onSaved: (text) => {
      setAnnouncement(text ? labels.statusSaved : labels.statusCleared)
      close(true)
    },
    onCancel: () => {
      setView('menu')
      focus('status')
    },
  })

  const items: UserMenuItem[] = [
    ...(options.onEditProfile ? [{ id: 'edit-profile', label: labels.editProfile, onSelect: options.onEditProfile }] : []),
    { id: 'status', label: labels.setStatus, onSelect: () => {} },
    ...(options.items ?? []),
    { id: 'logout', label: labels.logout, onSelect: () => logout.mutate() },
  ]
  const nodes = (): HTMLElement[] => items.map((item) => document.getElementById(ids.item(item.id))).filter((node) => node !== null)

  useEffect(() => {
    const { target } = focusTarget
    if (target === 'input') focusById(statusForm.ids.input)
    else if (target === 'status') focusById(ids.item('status'))
    else if (target === 'first') nodes()[0]?.focus()
    else if (target === 'last') nodes().at(-1)?.focus()
    // Only a new request moves focus; a re-render must not.
  }, [focusTarget])

  useEffect(() => {
    if (!open) return
    const outside = (event: PointerEvent): void => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', outside, true)
    return () => document.removeEventListener('pointerdown', outside, true)
  })

  const select = (item: UserMenuItem): void => {
    if (item.id === 'status') {
      statusForm.actions.begin()
      setView('status')
      focus('input')
      return
    }
    close(item.id !== 'logout')
    item.onSelect()
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const list = nodes()
    const at = list.indexOf(document.activeElement as HTMLElement)
    const move = (index: number): void => {
      event.preventDefault()
      list[(index + list.length) % list.length]?.focus()
    }
    if (event.key === 'ArrowDown') move(at + 1)
    else if (event.key === 'ArrowUp') move(at - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(list.length - 1)
    else if (event.key === 'Tab') close(false)
    else if (event.key.length === 1 && /\S/u.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const char = event.key.toLocaleLowerCase()
      const order = [...items.slice(at + 1), ...items.slice(0, at + 1)]
      const match = order.find((item) => item.label.toLocaleLowerCase().startsWith(char))
      if (match) move(items.indexOf(match))
    }
  }

  return {
    state: { user, open, view, items, announcement, triggerLabel: user ? labels.trigger(user.name, user.status === 'online') : '' },
    actions: { setOpen: (next) => setOpen(next, next ? 'first' : null) },
    labels,
    statusForm,
    getRootProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('root'),
          ref: (node: HTMLDivElement | null) => {
            root.current = node
          },
          'data-state': open ? 'open' : 'closed',
          onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
            if (event.key === 'Escape' && open) {
              event.preventDefault()
              close(true)
            }
          },
          onBlur: (event: FocusEvent<HTMLDivElement>) => {
            // Focus gone elsewhere on the page (Tab out of the status form). `null`: a part unmounted.
            const next = event.relatedTarget as Node | null
            if (open && next && !event.currentTarget.contains(next)) setOpen(false)
          },
        },
        props,
      ),
    getTriggerProps: (props) =>
      mergeProps(
        {
          ...anatomy.attrs('trigger'),
          type: 'button' as const,
          id: ids.trigger,
          'aria-haspopup': 'menu' as const,
          'aria-expanded': open,
          'aria-controls': open ? ids.menu : undefined,
          'data-state': open ? 'open' : 'closed',
          onClick: () => (open ? close(true) : setOpen(true, 'first')),
          onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault()
              setOpen(true, event.key === 'ArrowDown' ? 'first' : 'last')
            }
          },
        },
        props,
      ),
    getTriggerLabelProps: (props) => mergeProps({ ...anatomy.attrs('trigger-label'), 'data-visually-hidden': '' }, props),
    getPopoverProps: (props) => mergeProps({ ...anatomy.attrs('popover'), 'data-state': view }, props),
    getMenuProps: (props) =>
      mergeProps({ ...anatomy.attrs('menu'), id: ids.menu, role: 'menu', 'aria-labelledby': ids.trigger, onKeyDown: onMenuKeyDown }, props),
    getItemProps: (item, props) =>
      mergeProps(
        {
          ...anatomy.attrs('item'),
          type: 'button' as const,
          id: ids.item(item.id),
          role: 'menuitem',
          tabIndex: -1,
          'data-item': item.id,
          'data-tone': item.id === 'logout' ? 'danger' : undefined,
          onClick: () => select(item),
        },
        props,
      ),
    getAnnouncerProps: (props) => mergeProps({ ...messagePart('status', anatomy.attrs('announcer')), 'data-visually-hidden': '' }, props),
  }
}
