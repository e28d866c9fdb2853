import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const dist = join(import.meta.dirname, '../../dist')

// Static `import … from` / `export … from` / bare `import '…'`; `import('…')` is left out on purpose:
// a dynamic import loads only when called.
const staticImport = /^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?["']([^"']+)["']/gm

/** Every module an entry loads before any of its code runs: its files and its bare specifiers. */
async function staticGraph(entry: string): Promise<{ files: Map<string, string>; packages: Set<string> }> {
  const files = new Map<string, string>()
  const packages = new Set<string>()
  const visit = async (file: string): Promise<void> => {
    if (files.has(file)) return
    const code = await readFile(file, 'utf8')
    files.set(file, code)
    for (const [, specifier] of code.matchAll(staticImport)) {
      if (specifier!.startsWith('.')) await visit(resolve(dirname(file), specifier!))
      else packages.add(specifier!)
    }
  }
  await visit(join(dist, entry))
  return { files, packages }
}

describe('the built package', () => {
  it.each([
    ['client.js', ['valibot']],
    ['index.js', ['@tanstack/react-query', 'react', 'react/jsx-runtime', 'valibot', 'virtua', 'zustand', 'zustand/middleware', 'zustand/vanilla']],
  ])('%s, a browser entry, loads no server code, engine or Node module', async (entry, allowed) => {
    const { files, packages } = await staticGraph(entry)
    expect([...packages].sort()).toEqual(allowed)
    const code = [...files.values()].join('\n')
    // Server code, and anything that makes or reads a key: a browser bundle never holds one.
    for (const serverOnly of ['createUserHandler', 'memoryStore', 'pgliteStore', 'postgresStore', 'hashAuthToken', 'CREATE TABLE', 'uk_full', 'USERKIT_API_KEY', 'keys.json']) {
      expect(code).not.toContain(serverOnly)
    }
  })

  it('server.js loads no Node module until serve() or pgliteStore() is called, so the handler runs in a browser', async () => {
    const { packages } = await staticGraph('server.js')
    expect([...packages].filter((name) => name.startsWith('node:') || name.includes('pglite') || name === 'pg')).toEqual([])
    expect(packages.has('hono')).toBe(true)
  })
})
