import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import pkg from '../package.json' with { type: 'json' }

const root = fileURLToPath(new URL('..', import.meta.url))

// The demo imports `userkit`, `userkit/client` and `userkit/styles.css` as an app would, and gets
// the built package (dist/, through the package's own exports map), never src/: what it shows is
// what an app installs.
const entries = Object.entries(pkg.exports as Record<string, string | { default: string }>)
  .filter(([name]) => name !== './package.json')
  .map(([name, target]) => ({
    find: new RegExp(`^${`userkit${name.slice(1)}`.replace(/[/.]/g, '\\$&')}$`),
    replacement: root + (typeof target === 'string' ? target : target.default).slice(2),
  }))

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: entries },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // One small app: a single chunk says nothing useful in a warning.
    chunkSizeWarningLimit: 1024,
  },
})
