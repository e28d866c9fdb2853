/**
 * Focuses the first of `ids` that is in the document after the next frame: the element is often
 * one the change being made renders (a new row) or keeps (the button that took a removed one's place).
 * By id, which the hook owns, never by a selector on `data-part`: a fork may rename parts.
 */
export function focusSoon(...ids: string[]): void {
  requestAnimationFrame(() => focusById(...ids))
}

/** Focuses the first of `ids` in the document now; whether one was. */
export function focusById(...ids: string[]): boolean {
  for (const id of ids) {
    const node = document.getElementById(id)
    if (node) {
      node.focus()
      return true
    }
  }
  return false
}
