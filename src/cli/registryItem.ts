import { componentsDir } from './componentSource.js'
import { forkFiles, type ForkedFile } from './forkFiles.js'

/** A file of a shadcn registry item (https://ui.shadcn.com/schema/registry-item.json). */
export interface RegistryFile {
  path: string
  type: 'registry:component' | 'registry:hook' | 'registry:lib' | 'registry:file'
  /** Where the app gets it: the folder is kept whole, so its relative imports hold. */
  target: string
  content?: string
}

/** An item of `registry.json`, and, with `content` in its files, a built item. */
export interface RegistryItem {
  $schema?: string
  name: string
  type: 'registry:block' | 'registry:ui'
  title: string
  description: string
  dependencies: string[]
  files: RegistryFile[]
}

const fileType = (name: string): RegistryFile['type'] =>
  name.endsWith('.css') ? 'registry:file' : name.endsWith('.tsx') ? 'registry:component' : /^use[A-Z]/.test(name) ? 'registry:hook' : 'registry:lib'

/** `UserCard` → `user-card`: shadcn's item names. */
export const itemName = (component: string): string => component.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase()

/** The npm packages a fork imports, `userkit` first; React is the app's already. */
export function forkDependencies(files: readonly ForkedFile[]): string[] {
  const found = new Set<string>()
  for (const { content } of files) {
    for (const [, spec = ''] of content.matchAll(/\bfrom\s+['"]([^'"./][^'"]*)['"]/g)) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
      if (name !== 'react' && name !== 'react-dom') found.add(name)
    }
  }
  return ['userkit', ...[...found].filter((name) => name !== 'userkit').sort()]
}

/** The registry files of a component, with their rewritten content when `withContent`. */
export function registryFiles(component: string, withContent: boolean, dir: string = componentsDir()): RegistryFile[] {
  return forkFiles(component, dir).map((file) => ({
    path: `src/components/${file.source}`,
    type: fileType(file.name),
    target: `components/${component}/${file.name}`,
    ...(withContent ? { content: file.content } : {}),
  }))
}
