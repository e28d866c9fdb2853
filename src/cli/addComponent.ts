import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { CliError } from './CliError.js'
import { componentsDir, findComponent, listComponents } from './componentSource.js'
import { forkFiles } from './forkFiles.js'

export interface AddComponentOptions {
  /** The component's name: `UserCard` or `user-card`. */
  component: string
  /** The app's folder that receives `<Component>/`. */
  dir: string
  /** Replace files the app has changed. @default false */
  overwrite?: boolean
  /** Where relative paths in messages start. @default process.cwd() */
  cwd?: string
  /** The package's `src/components`. */
  source?: string
}

export interface AddComponentResult {
  component: string
  written: string[]
  unchanged: string[]
}

/**
 * Copies a component's folder into the app. A file already there that differs from what would be
 * written counts as changed by the app and stops the whole copy, unless `overwrite`.
 */
export function addComponent({ component, dir, overwrite = false, cwd = process.cwd(), source = componentsDir() }: AddComponentOptions): AddComponentResult {
  const name = findComponent(component, source)
  if (!name) throw new CliError(`unknown component "${component}"; run \`userkit add --list\` to see the ${listComponents(source).length} components`)
  const root = join(cwd, dir)
  // The folder itself may be new (`src/components` in a fresh app); its parent says it is the right place.
  if (!existsSync(root) && existsSync(dirname(root)) && statSync(dirname(root)).isDirectory()) mkdirSync(root)
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`target folder ${dir} does not exist; create it or pass --dir <folder>`)

  const target = join(root, name)
  const files = forkFiles(name, source).map((file) => ({ ...file, path: join(target, file.name) }))
  const existing = files.filter((file) => existsSync(file.path))
  const changed = existing.filter((file) => readFileSync(file.path, 'utf8') !== file.content)
  if (changed.length > 0 && !overwrite) {
    const list = changed.map((file) => relative(cwd, file.path)).join(', ')
    throw new CliError(`${list} changed since userkit wrote ${changed.length === 1 ? 'it' : 'them'}; pass --overwrite to replace ${changed.length === 1 ? 'it' : 'them'}`)
  }
  mkdirSync(target, { recursive: true })
  const unchanged = new Set(existing.filter((file) => !changed.includes(file)))
  for (const file of files) if (!unchanged.has(file)) writeFileSync(file.path, file.content)
  return {
    component: name,
    written: files.filter((file) => !unchanged.has(file)).map((file) => relative(cwd, file.path)),
    unchanged: [...unchanged].map((file) => relative(cwd, file.path)),
  }
}
