import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export const repoRoot = join(import.meta.dirname, '../..')

// What a forked folder and its app import; each is linked to the repo's copy, so the app and the
// built package share one React.
const linked = ['react', 'react-dom', '@types/react', '@types/react-dom', '@tanstack/react-query', '@tanstack/query-core', 'virtua', 'valibot', 'zustand']

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  include: ['src'],
}

/** A fresh Vite + React app in a temp folder whose `userkit` is the repo's built package. */
export function createForkApp(): string {
  const app = mkdtempSync(join(tmpdir(), 'userkit-fork-'))
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'fork-app', private: true, type: 'module' }))
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
  writeFileSync(join(app, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>\n')
  mkdirSync(join(app, 'src/components'), { recursive: true })
  for (const name of ['userkit', ...linked]) {
    const link = join(app, 'node_modules', name)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(name === 'userkit' ? repoRoot : join(repoRoot, 'node_modules', name), link, 'dir')
  }
  return app
}
