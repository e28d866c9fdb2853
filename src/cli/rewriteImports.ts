import { posix } from 'node:path'

// The model and the client are public as `userkit/client`; the building blocks a folder reaches for
// (the getter kit, the form machine, the editors' parts, the shared hooks) as `userkit/headless`;
// the data hooks and the other components as `userkit`.
const clientRoots = ['model', 'client']
const headlessFolders = ['kit', 'form', 'editor', 'shared']

function entryFor(target: string): string {
  const [, root, folder] = target.split('/')
  if (clientRoots.includes(root ?? '')) return 'userkit/client'
  return root === 'components' && headlessFolders.includes(folder ?? '') ? 'userkit/headless' : 'userkit'
}

/**
 * A component file's source with every import that leaves its folder pointed at the public entry
 * that exports the same names. `file` is the path under `src/components`, e.g. `UserCard/UserCard.tsx`.
 */
export function rewriteImports(source: string, file: string): string {
  const folder = posix.dirname(posix.join('src/components', file))
  return source.replace(/(\bfrom\s+|\bimport\s+|\bimport\(\s*|\bdeclare\s+module\s+)(['"])(\.{1,2}\/[^'"]+)\2/g, (whole, lead: string, quote: string, spec: string) => {
    const target = posix.join(folder, spec)
    if (target.startsWith(`${folder}/`)) return whole
    return `${lead}${quote}${entryFor(target)}${quote}`
  })
}
