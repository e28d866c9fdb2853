import { chmod, mkdir, stat } from 'node:fs/promises'

/**
 * The data directory holds the keys and the database: its owner's alone (0700). PGlite's folder in
 * it is tightened by `pgliteStore` itself. Resolves whether an existing directory had to be tightened.
 */
export async function privateDataDir(dataDir: string): Promise<boolean> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const info = await stat(dataDir)
  if ((info.mode & 0o077) === 0 || info.uid !== process.getuid?.()) return false
  await chmod(dataDir, 0o700)
  return true
}
