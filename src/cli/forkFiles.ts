import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { componentFiles, componentsDir } from './componentSource.js'
import { rewriteImports } from './rewriteImports.js'

export interface ForkedFile {
  /** Relative to the component's folder, e.g. `UserCard.tsx`. */
  name: string
  /** The source with its imports pointed at `userkit` / `userkit/client`. */
  content: string
}

/** What forking `component` writes: every file of its folder, imports rewritten. */
export function forkFiles(component: string, dir: string = componentsDir()): ForkedFile[] {
  return componentFiles(component, dir).map((name) => ({
    name,
    content: rewriteImports(readFileSync(join(dir, component, name), 'utf8'), `${component}/${name}`),
  }))
}
