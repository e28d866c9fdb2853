/** Word prefixes longer than this are matched on their first this-many characters. */
export const MAX_PREFIX_LENGTH = 24

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

// Letters that carry no combining mark to strip but that people type plainly.
const plainLetters: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ħ: 'h', ı: 'i', þ: 'th' }
// Accents (the combining diacritical blocks) and Arabic short vowels: marks a search box leaves out.
// Marks that make up letters elsewhere (Indic vowel signs, Hebrew points kept too) stay.
const optionalMarks = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u064b-\u0652]/g

/** Text as search compares it: lowercased, accents and Arabic short vowels gone, `ß` as `ss`. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(optionalMarks, '')
    .toLowerCase()
    .replace(/[ßæœøđðłħıþ]/g, (letter) => plainLetters[letter] ?? letter)
    .normalize('NFC')
}

/**
 * The words of `text` as Unicode's word rules split them (CJK by dictionary), folded; text with no
 * word in it (only punctuation, say) is one word of itself.
 */
export function searchWords(text: string): string[] {
  const words = new Set<string>()
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) if (isWordLike) words.add(foldForSearch(segment))
  const whole = foldForSearch(text.trim())
  if (words.size === 0 && whole !== '') words.add(whole)
  return [...words]
}

const clip = (word: string): string => Array.from(word).slice(0, MAX_PREFIX_LENGTH).join('')

/** The words of a name as search keeps them: folded, each cut to MAX_PREFIX_LENGTH characters. */
export function nameWords(name: string): string[] {
  return [...new Set(searchWords(name).map(clip))]
}

/** Every prefix of every word of a name, up to MAX_PREFIX_LENGTH characters: what a search key word must be one of. */
export function namePrefixes(name: string): string[] {
  const prefixes = new Set<string>()
  for (const word of searchWords(name)) {
    const characters = Array.from(clip(word))
    for (let end = 1; end <= characters.length; end++) prefixes.add(characters.slice(0, end).join(''))
  }
  return [...prefixes]
}

/** The words of a search key, each to be found as the start of some word of the name. */
export function searchKeyTerms(key: string): string[] {
  return [...new Set(searchWords(key).map(clip))]
}
