import type { ButtonHTMLAttributes, HTMLAttributes, ReactNode } from 'react'
import { composeEventHandlers } from './composeEventHandlers.js'

type Data = Record<`data-${string}`, string>
type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement>

/**
 * A button part: `type="button"` unless the app passes another, `data-part="button <part>"`, its
 * text, and a click that runs after the app's own unless that one called `preventDefault()`.
 */
export function buttonProps(part: string, children: ReactNode, onClick: () => void, props: ButtonProps = {}): ButtonProps & Data {
  const data: Data = { 'data-part': `button ${part}` }
  return { type: 'button', ...props, ...data, children, onClick: composeEventHandlers(props.onClick, onClick) }
}

/** A region that speaks its text: `role="status"` (polite) or `role="alert"` (assertive). */
export function messageProps<TElement extends HTMLElement>(
  role: 'status' | 'alert',
  part: string,
  children: ReactNode,
  props: HTMLAttributes<TElement> = {},
): HTMLAttributes<TElement> & Data {
  const data: Data = { 'data-part': part }
  return { ...props, role, ...data, children }
}
