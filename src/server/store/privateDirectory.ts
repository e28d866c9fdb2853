/**
 * Makes `dir` (created if missing) readable by its owner alone: 0700 for it and every folder in it,
 * owner-only for every file (0600 for PostgreSQL's). PostgreSQL's files hold token hashes and private metadata; upstream PGlite
 * creates them 0755/0666. Entries another user owns are left as they are (chmod would fail anyway).
 * Resolves how many entries that existed before had to be tightened.
 */
export async function makePrivateDirectory(dir: string): Promise<number> {
  const { chmod, lstat, mkdir, readdir } = await import('node:fs/promises')
  const { join } = await import('node:path')
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const uid = process.getuid?.()
  let tightened = 0
  // Iterative: a data directory can be deep, and nothing here needs recursion's stack.
  const pending = [dir]
  while (pending.length > 0) {
    const path = pending.pop()!
    const info = await lstat(path)
    if (info.isSymbolicLink() || (uid !== undefined && info.uid !== uid)) continue
    // Group and others lose everything; the owner keeps what it had (a folder needs all three).
    if ((info.mode & 0o077) !== 0) {
      await chmod(path, info.isDirectory() ? 0o700 : info.mode & 0o700)
      tightened++
    }
    if (info.isDirectory()) for (const name of await readdir(path)) pending.push(join(path, name))
  }
  return tightened
}
