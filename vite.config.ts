import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import pkg from './package.json' with { type: 'json' }
import { chromiumArgs, chromiumPath } from './test/setup/chromium.js'

// Everything the package depends on stays an import: peers are the app's to provide.
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
].map((name) => new RegExp(`^${name.replace(/[/.]/g, '\\$&')}(/|$)`))

// React 18 lives in its own workspace (compat/react18): npm cannot put it beside React 19 at the root,
// since react-dom@18 needs a react@18 it can `require`.
const react18 = fileURLToPath(new URL('./compat/react18/node_modules/', import.meta.url))

/** Whether a source file starts with its own 'use client' (kept by the build: no second one). */
const hasUseClient = (file: string | null): boolean => file !== null && /^['"]use client['"]/.test(readFileSync(file, 'utf8'))


/** A fresh object per project: Vitest mutates `instances`, and a shared one mislabels projects. */
const inChromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs] } }),
  instances: [{ browser: 'chromium' as const }],
})

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    // userkit/styles.css is an entry of its own: the JS never imports CSS, so apps choose to load it.
    cssCodeSplit: true,
    cssMinify: true,
    // Browsers with CSS light-dark() (2024 on): older targets would have it rewritten into a workaround.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    lib: {
      entry: {
        index: 'src/index.ts',
        client: 'src/client/index.ts',
        server: 'src/server/index.ts',
        compat: 'src/compat/index.ts',
        headless: 'src/headless/index.ts',
        'bin/userkit-server': 'src/bin/userkit-server.ts',
        'bin/userkit': 'src/bin/userkit.ts',
        styles: 'src/styles.css',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: {
        // One file per module, so an app's bundler keeps only what it imports ("sideEffects": only CSS):
        // Avatar alone does not pay for the form schemas.
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        // For client components in RSC frameworks; directives do not survive bundling.
        banner: (chunk) => (/^(index|headless|react\/)/.test(chunk.name) && !hasUseClient(chunk.facadeModuleId) ? "'use client';" : ''),
      },
    },
  },
  test: {
    projects: [
      // A throwaway PostgreSQL for the postgres store kit and postgresStore's suite.
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/react/**', 'test/fork/**'], globalSetup: ['test/setup/postgres.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}', 'test/events/**/*.test.tsx'],
          setupFiles: ['test/setup/dom.ts'],
          env: { USERKIT_REACT_MAJOR: '19' },
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
        },
      },
      // The same hook suite with React 18: every import of react and react-dom, ours and those of the
      // libraries that call React (inlined so that the alias reaches them), goes to compat/react18.
      {
        extends: true,
        resolve: {
          alias: [
            { find: /^react(-dom)?(\/.*)?$/, replacement: `${react18}react$1$2` },
            // Its ESM build, whose imports of react-dom pass through the alias (its `main` would `require` them).
            { find: /^@testing-library\/react$/, replacement: '@testing-library/react/dist/@testing-library/react.esm.js' },
          ],
        },
        test: {
          name: 'react18',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/dom.ts'],
          env: { USERKIT_REACT_MAJOR: '18' },
          server: { deps: { inline: ['@testing-library/react', '@tanstack/react-query', 'zustand'] } },
        },
      },
      // Not a test: `npm run bench` runs it to print the React layer's figures.
      { extends: true, test: { name: 'figures', environment: 'jsdom', include: ['bench/**/*.figures.tsx'], exclude: ['bench/**/*.figures.browser.tsx'] } },
      // Every story is a test, in Debian's Chromium: its play function, and axe (a11y: 'error').
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: inChromium(),
        },
      },
      // Not a test: `npm run bench` runs it to print UserList's figures in Chromium.
      {
        extends: true,
        test: {
          name: 'figures-browser',
          include: ['bench/**/*.figures.browser.tsx'],
          browser: inChromium(),
        },
      },
      // Runs the built package: `npm test` builds first.
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts', 'test/fork/**/*.test.ts'] } },
    ],
    // PGlite takes ~1 GB per instance: a few files at once is what 2 cores and the memory allow.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
