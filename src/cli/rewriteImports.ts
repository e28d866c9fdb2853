import { posix } from 'node:path'

// The model and the client are public as `userkit/client`; everything else a folder reaches for
// (hooks, other components, the building blocks) is public as `userkit`.
const clientRoots = ['model', 'client']

/**
 * A component file's source with every import that leaves its folder pointed at the public entry
 * that exports the same names. `file` is the path under `src/components`, e.g. `UserCard/UserCard.tsx`.
 */
export function rewriteImports(source: string, file: string): string {
  const folder = posix.dirname(posix.join('src/components', file))
  return source.replace(/(\bfrom\s+|\bimport\s+|\bimport\(\s*|\bdeclare\s+module\s+)(['"])(\.{1,2}\/[^'"]+)\2/g, (whole, lead: string, quote: string, spec: string) => {
    const target = posix.join(folder, spec)
    if (target.startsWith(`${folder}/`)) return whole
    const [, root] = target.split('/')
    return `${lead}${quote}${clientRoots.includes(root ?? '') ? 'userkit/client' : 'userkit'}${quote}`
  })
}
