// Writes the shadcn registry items to dist/registry (npm run build runs it after vite build).
import { fileURLToPath } from 'node:url'
import { buildRegistry } from '../src/cli/buildRegistry.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const written = buildRegistry(root, `${root}dist/registry`)
process.stdout.write(`registry: ${written.length} items in dist/registry\n`)
