/**
 * Focuses the first of `ids` that is in the document after the next frame: the element is often
 * one the change being made renders (a new row) or keeps (the button that took a removed one's place).
 */
export function focusSoon(...ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const node = document.getElementById(id)
      if (node) return node.focus()
    }
  })
}
