'use client'
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type FocusEvent,
  type HTMLAttributes,
  type KeyboardEvent,
} from 'react'
import type { User } from '../../model/index.js'
import { useCurrentUser } from '../../react/hooks/useCurrentUser.js'
import { useLogout } from '../../react/hooks/useSession.js'
import { composeEventHandlers } from '../shared/composeEventHandlers.js'
import { messageProps } from '../shared/partProps.js'
import { useControllableState } from '../shared/useControllableState.js'
import { useLabels } from '../shared/useLabels.js'
import { useStatusMessageForm, type UseStatusMessageFormResult } from './useStatusMessageForm.js'
import { userMenuLabels, type UserMenuLabels } from './userMenuLabels.js'

type DataAttributes = Record<`data-${string}`, string>

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

export interface UseUserMenuResult {
  /** The logged-in user, or `null`. */
  user: User | null
  open: boolean
  setOpen(open: boolean): void
  view: UserMenuView
  /** Every item, in order: edit profile, set status message, `items`, log out. */
  items: UserMenuItem[]
  labels: UserMenuLabels
  statusForm: UseStatusMessageFormResult
  /**
   * The trigger's accessible name, to render inside it (visually hidden): as text content rather
   * than `aria-label`, so the initials an avatar shows never contradict it.
   */
  triggerLabel: string
  /** What the live region says (a saved status, a failure while the menu was closed). */
  announcement: string
  getRootProps(props?: HTMLAttributes<HTMLDivElement>): HTMLAttributes<HTMLDivElement> & DataAttributes
  getTriggerProps(props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes
  getPopoverProps(props?: HTMLAttributes<HTMLDivElement>): HTMLAttributes<HTMLDivElement> & DataAttributes
  getMenuProps(props?: HTMLAttributes<HTMLDivElement>): HTMLAttributes<HTMLDivElement> & DataAttributes
  getItemProps(item: UserMenuItem, props?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes & { ref: (node: HTMLButtonElement | null) => void }
  getAnnouncerProps(props?: HTMLAttributes<HTMLSpanElement>): HTMLAttributes<HTMLSpanElement> & DataAttributes
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
  const trigger = useRef<HTMLButtonElement | null>(null)
  const itemNodes = useRef(new Map<string, HTMLButtonElement>())
  const baseId = useId()
  const ids = { trigger: `${baseId}-trigger`, menu: `${baseId}-menu` }

  const focus = (target: FocusTarget): void => setFocusTarget({ target })
  const setOpen = (next: boolean, then: FocusTarget = null): void => {
    if (next) setView('menu')
    setOpenState(next)
    focus(then)
  }
  const close = (returnFocus: boolean): void => {
    // At once, not after the render: an item's onSelect that runs next may move focus on.
    if (returnFocus) trigger.current?.focus()
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
  const nodes = (): HTMLButtonElement[] => items.map((item) => itemNodes.current.get(item.id)).filter((node) => node !== undefined)

  useEffect(() => {
    const { target } = focusTarget
    if (target === 'input') root.current?.querySelector<HTMLInputElement>('[data-part="status-form"] input')?.focus()
    else if (target === 'status') itemNodes.current.get('status')?.focus()
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
      statusForm.begin()
      setView('status')
      focus('input')
      return
    }
    close(item.id !== 'logout')
    item.onSelect()
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const list = nodes()
    const at = list.indexOf(document.activeElement as HTMLButtonElement)
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
    user,
    open,
    setOpen: (next) => setOpen(next, next ? 'first' : null),
    view,
    items,
    labels,
    statusForm,
    announcement,
    triggerLabel: user ? labels.trigger(user.name, user.status === 'online') : '',
    getRootProps: (props = {}) => ({
      ...props,
      ref: (node: HTMLDivElement | null) => {
        root.current = node
      },
      'data-uk': 'user-menu',
      'data-part': 'root',
      'data-state': open ? 'open' : 'closed',
      onKeyDown: composeEventHandlers(props.onKeyDown, (event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault()
          close(true)
        }
      }),
      onBlur: composeEventHandlers(props.onBlur, (event: FocusEvent<HTMLDivElement>) => {
        // Focus gone elsewhere on the page (Tab out of the status form). `null`: a part unmounted.
        const next = event.relatedTarget as Node | null
        if (open && next && !event.currentTarget.contains(next)) setOpen(false)
      }),
    }) as HTMLAttributes<HTMLDivElement> & DataAttributes,
    getTriggerProps: (props = {}) => ({
      type: 'button',
      ...props,
      id: ids.trigger,
      ref: (node: HTMLButtonElement | null) => {
        trigger.current = node
      },
      'aria-haspopup': 'menu',
      'aria-expanded': open,
      'aria-controls': open ? ids.menu : undefined,
      'data-part': 'trigger',
      'data-state': open ? 'open' : 'closed',
      onClick: composeEventHandlers(props.onClick, () => (open ? close(true) : setOpen(true, 'first'))),
      onKeyDown: composeEventHandlers(props.onKeyDown, (event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault()
          setOpen(true, event.key === 'ArrowDown' ? 'first' : 'last')
        }
      }),
    }) as ButtonHTMLAttributes<HTMLButtonElement> & DataAttributes,
    getPopoverProps: (props = {}) => ({ ...props, 'data-part': 'popover', 'data-state': view }),
    getMenuProps: (props = {}) => ({
      ...props,
      id: ids.menu,
      role: 'menu',
      'aria-labelledby': ids.trigger,
      'data-part': 'menu',
      onKeyDown: composeEventHandlers(props.onKeyDown, onMenuKeyDown),
    }),
    getItemProps: (item, props = {}) => ({
      ...props,
      type: 'button',
      role: 'menuitem',
      tabIndex: -1,
      'data-part': 'item',
      'data-item': item.id,
      ref: (node: HTMLButtonElement | null) => {
        if (node) itemNodes.current.set(item.id, node)
        else itemNodes.current.delete(item.id)
      },
      onClick: composeEventHandlers(props.onClick, () => select(item)),
    }),
    getAnnouncerProps: (props) => messageProps('status', 'visually-hidden announcer', announcement, props),
  }
}
