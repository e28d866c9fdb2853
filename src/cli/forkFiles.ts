import { existsSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { componentFiles, componentsDir } from './componentSource.js'
import { rewriteImports } from './rewriteImports.js'

export interface ForkedFile {
  /** Relative to the component's folder, e.g. `UserCard.tsx`. */
  name: string
  /** Where it comes from, under `src/components`: `UserCard/UserCard.tsx`, `editor/EditorFields.tsx`. */
  source: string
  /** The source with its imports pointed at `userkit`, `userkit/headless` and `userkit/client`. */
  content: string
}

const markupImport = /\bfrom\s+['"](\.{1,2}\/[^'"]+)\.js['"]/g

/**
 * The shared markup a component renders (the editors' fields, conflict view, actions, tag and
 * metadata inputs), found through its imports: a fork holds every element a person would change.
 * Markup is a `.tsx` file in a lower-case folder (`editor/`); hooks and helpers stay in the package.
 */
export function sharedMarkup(component: string, dir: string = componentsDir()): string[] {
  const found = new Set<string>()
  const visit = (file: string): void => {
    const content = readFileSync(join(dir, file), 'utf8')
    for (const [, spec = ''] of content.matchAll(markupImport)) {
      const module = posix.join(posix.dirname(file), spec)
      if (/^[A-Z]/.test(module) || found.has(module) || !existsSync(join(dir, `${module}.tsx`))) continue
      found.add(module)
      visit(`${module}.tsx`)
    }
  }
  for (const name of componentFiles(component, dir)) visit(`${component}/${name}`)
  return [...found].sort()
}

/** What forking `component` writes: every file of its folder and the shared markup it renders, imports rewritten. */
export function forkFiles(component: string, dir: string = componentsDir()): ForkedFile[] {
  const shared = sharedMarkup(component, dir)
  const copied = new Set(shared)
  const sources = [...componentFiles(component, dir).map((name) => `${component}/${name}`), ...shared.map((module) => `${module}.tsx`)]
  return sources
    .map((source) => ({
      name: posix.basename(source),
      source,
      content: rewriteImports(readFileSync(join(dir, source), 'utf8'), source, copied),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
