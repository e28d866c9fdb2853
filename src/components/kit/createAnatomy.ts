/** What names an element as a part: `data-part`, and on the root the component's `data-uk`. */
export interface PartAttributes {
  'data-part': string
  'data-uk'?: string
}

/** A component's parts, each named once. */
export interface Anatomy<TPart extends string> {
  /** The component's name, the root's `data-uk`: `'user-list'`. */
  readonly name: string
  readonly parts: readonly TPart[]
  /** The attributes of `part`: one token in `data-part`, so a theme selects it with `[data-part='…']`. */
  attrs(part: TPart): PartAttributes
}

const token = /^[a-z][a-z0-9-]*$/

/**
 * Names a component's parts once, for its getters and its CSS. (Zag `@zag-js/anatomy`.)
 *
 * @example const anatomy = createAnatomy('user-list').parts('root', 'search', 'listbox', 'option')
 */
export function createAnatomy(name: string): { parts<TPart extends string>(...parts: TPart[]): Anatomy<TPart> } {
  if (!token.test(name)) throw new Error(`createAnatomy: "${name}" is not a component name; use lower-case words joined by "-"`)
  return {
    parts: (...parts) => {
      for (const part of parts) {
        // One token per element: `data-part~=` selectors and multi-part elements are what this replaces.
        if (!token.test(part)) throw new Error(`createAnatomy('${name}'): part "${part}" must be one lower-case word or words joined by "-"`)
      }
      if (new Set(parts).size !== parts.length) throw new Error(`createAnatomy('${name}'): a part is named twice`)
      return {
        name,
        parts,
        attrs: (part) => (part === 'root' ? { 'data-uk': name, 'data-part': part } : { 'data-part': part }),
      }
    },
  }
}
