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

const withoutExtension = (path: string): string => path.replace(/\.[jt]sx?$/, '')

/**
 * A file's source as a fork holds it, with every import that leaves the copy pointed at the public
 * entry that exports the same names. `file` is the path under `src/components`, e.g.
 * `UserCard/UserCard.tsx`, or `editor/EditorFields.tsx` for shared markup copied beside a
 * component's files. `copied` names the shared modules copied too (`editor/EditorFields`): an
 * import of one of them becomes `./EditorFields.js`.
 */
export function rewriteImports(source: string, file: string, copied: ReadonlySet<string> = new Set()): string {
  const folder = posix.dirname(posix.join('src/components', file))
  // A component's own folder is copied whole; a shared file comes alone.
  const ownFolder = /^[A-Z]/.test(file)
  return source.replace(/(\bfrom\s+|\bimport\s+|\bimport\(\s*|\bdeclare\s+module\s+)(['"])(\.{1,2}\/[^'"]+)\2/g, (whole, lead: string, quote: string, spec: string) => {
    const target = posix.join(folder, spec)
    const module = withoutExtension(target.replace(/^src\/components\//, ''))
    if (copied.has(module)) return `${lead}${quote}./${posix.basename(spec)}${quote}`
    if (ownFolder && target.startsWith(`${folder}/`)) return whole
    return `${lead}${quote}${entryFor(target)}${quote}`
  })
}
