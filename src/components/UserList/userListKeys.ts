/**
 * Where a navigation key moves the active row, or `undefined` when the key is not one. `current`
 * is -1 when no row is active yet: the first move lands on the first row (or the last, for End).
 */
export function indexForKey(key: string, current: number, count: number, pageSize: number): number | undefined {
  if (count === 0) return undefined
  const last = count - 1
  const clamp = (index: number): number => Math.min(last, Math.max(0, index))
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : clamp(current + 1)
    case 'ArrowUp':
      return current < 0 ? 0 : clamp(current - 1)
    case 'Home':
      return 0
    case 'End':
      return last
    case 'PageDown':
      return clamp(Math.max(current, 0) + pageSize)
    case 'PageUp':
      return clamp(Math.max(current, 0) - pageSize)
    default:
      return undefined
  }
}

/**
 * The next name starting with `prefix`, searching after `current` and wrapping; a longer prefix
 * (the user is still typing one name) may stay on the current row. -1 when none matches.
 */
export function findByPrefix(names: readonly string[], prefix: string, current: number, locale?: string): number {
  const wanted = prefix.toLocaleLowerCase(locale)
  const count = names.length
  const start = Array.from(prefix).length > 1 ? Math.max(current, 0) : current + 1
  for (let step = 0; step < count; step++) {
    const index = (((start + step) % count) + count) % count
    if ((names[index] ?? '').trimStart().toLocaleLowerCase(locale).startsWith(wanted)) return index
  }
  return -1
}
