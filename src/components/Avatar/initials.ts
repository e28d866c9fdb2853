const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined

function firstGrapheme(word: string): string {
  if (!segmenter) return Array.from(word)[0] ?? ''
  for (const { segment } of segmenter.segment(word)) return segment
  return ''
}

/** Up to two letters for a name: first and last word (`Ada Lovelace` → `AL`), whole graphemes. */
export function initials(name: string, locale?: string): string {
  const words = name.trim().split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word))
  if (words.length === 0) return '?'
  const first = firstGrapheme(words[0] as string)
  const last = words.length > 1 ? firstGrapheme(words[words.length - 1] as string) : ''
  return (first + last).toLocaleUpperCase(locale)
}

/**
 * The background of the initials: a hue from the uid (the same person, the same colour, on every
 * screen), dark enough for white text to pass WCAG AA.
 */
export function avatarHue(uid: string): number {
  let hash = 2166136261
  for (let index = 0; index < uid.length; index++) {
    hash ^= uid.charCodeAt(index)
    hash = Math.imul(hash, 16777619)
  }
  return (hash >>> 0) % 360
}
