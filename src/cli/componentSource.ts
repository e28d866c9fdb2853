import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The package's root, found from this file whether it runs from `src/cli` or from `dist`. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'userkit') return dir
    if (dirname(dir) === dir) throw new Error('userkit: cannot find the userkit package around the CLI; reinstall userkit')
  }
}

/** Where the forkable folders ship: `src/components` (the package's `files` include it). */
export function componentsDir(root: string = packageRoot()): string {
  return join(root, 'src', 'components')
}

/** The forkable components: the folders named like a component (not `shared`, `editor`). */
export function listComponents(dir: string = componentsDir()): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^[A-Z]/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
}

/** A component's files, relative to its folder, sorted. */
export function componentFiles(name: string, dir: string = componentsDir()): string[] {
  return readdirSync(join(dir, name), { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(tsx?|css)$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
}

/** `UserCard`, `usercard` or `user-card` to the folder's name, or `undefined`. */
export function findComponent(query: string, dir: string = componentsDir()): string | undefined {
  const key = query.replace(/-/g, '').toLowerCase()
  return listComponents(dir).find((name) => name.toLowerCase() === key)
}
