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
  linkPackages(app, linked)
  return app
}

/** Links the app's `userkit` to the repo (its built package) and each of `names` to the repo's node_modules. */
export function linkPackages(app: string, names: readonly string[]): void {
  for (const name of ['userkit', ...names]) {
    const link = join(app, 'node_modules', name)
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(name === 'userkit' ? repoRoot : join(repoRoot, 'node_modules', name), link, 'dir')
  }
}

// What `create-next-app` puts in a fresh app, and what the README has its reader install.
const nextLinked = [...linked, 'next', 'typescript', '@types/node', '@electric-sql/pglite']

// create-next-app's tsconfig, `@/*` included: Next.js type-checks the app during `next build`.
const nextTsconfig = {
  compilerOptions: {
    target: 'ES2017',
    lib: ['dom', 'dom.iterable', 'esnext'],
    allowJs: true,
    skipLibCheck: true,
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: 'react-jsx',
    incremental: true,
    plugins: [{ name: 'next' }],
    paths: { '@/*': ['./*'] },
  },
  include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts'],
  exclude: ['node_modules'],
}

/** A fresh Next.js App Router app in a temp folder, as create-next-app leaves it minus its pages. */
export function createNextApp(): string {
  const app = mkdtempSync(join(tmpdir(), 'userkit-next-'))
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'next-app', private: true, scripts: { build: 'next build', start: 'next start' } }))
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(nextTsconfig, null, 2))
  linkPackages(app, nextLinked)
  return app
}
