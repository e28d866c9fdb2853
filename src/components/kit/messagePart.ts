import type { PartAttributes } from './createAnatomy.js'

/** A region that speaks its text (rendered inside it): `role="status"` (polite) or `role="alert"` (assertive). */
export function messagePart(role: 'status' | 'alert', attrs: PartAttributes): PartAttributes & { role: 'status' | 'alert' } {
  return { ...attrs, role }
}
