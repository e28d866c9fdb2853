import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { componentsDir, listComponents } from './componentSource.js'
import { forkFiles } from './forkFiles.js'
import { forkDependencies, itemName, registryFiles, type RegistryItem } from './registryItem.js'

export interface RegistryIndex {
  $schema?: string
  name: string
  homepage: string
  items: RegistryItem[]
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * Writes `<outDir>/<item>.json` for every item of `registry.json`, each file with its content and
 * its imports already pointed at `userkit`; throws when `registry.json` no longer lists exactly
 * the component folders, their files or their dependencies. Returns the paths written.
 */
export function buildRegistry(root: string, outDir: string): string[] {
  const index = JSON.parse(readFileSync(join(root, 'registry.json'), 'utf8')) as RegistryIndex
  const source = componentsDir(root)
  const components = listComponents(source)
  const stale = (why: string): Error => new Error(`registry.json is out of date: ${why}; update it to match src/components`)
  if (!same(index.items.map((item) => item.name), components.map(itemName))) throw stale('its items are not the component folders')

  mkdirSync(outDir, { recursive: true })
  return index.items.map((item, i) => {
    const component = components[i]!
    const files = registryFiles(component, true, source)
    if (!same(item.files, registryFiles(component, false, source))) throw stale(`the files of ${item.name}`)
    if (!same(item.dependencies, forkDependencies(forkFiles(component, source)))) throw stale(`the dependencies of ${item.name}`)
    const built: RegistryItem = { $schema: 'https://ui.shadcn.com/schema/registry-item.json', ...item, files }
    const path = join(outDir, `${item.name}.json`)
    writeFileSync(path, `${JSON.stringify(built, null, 2)}\n`)
    return path
  })
}
