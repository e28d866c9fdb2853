import { builtinModules } from 'node:module'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import pkg from './package.json' with { type: 'json' }

// Everything the package depends on stays an import: peers are the app's to provide.
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
].map((name) => new RegExp(`^${name.replace(/[/.]/g, '\\$&')}(/|$)`))

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        client: 'src/client/index.ts',
        server: 'src/server/index.ts',
        'bin/userkit-server': 'src/bin/userkit-server.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      // The React entry is for client components in RSC frameworks; directives do not survive bundling.
      output: { banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : '') },
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/react/**'] } },
      { extends: true, test: { name: 'react', environment: 'jsdom', include: ['test/react/**/*.test.{ts,tsx}'] } },
      // Runs the built package: `npm test` builds first.
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
    // PGlite takes ~1 GB per instance: a few files at once is what 2 cores and the memory allow.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
