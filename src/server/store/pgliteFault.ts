// A PGlite whose data directory went away, filled up or became unreadable answers with PostgreSQL's
// file-access errors; one closed under the store says so in words; a WebAssembly trap (an abort,
// `unreachable`, memory out of bounds) ends the instance. None of these is the request's fault.
const sqlStates = /^(58...|53100|53200)$/
const fileAccess = /^could not (open|create|read|write|extend|fsync|stat|access|remove|rename|truncate|seek)\b/
const nodeCodes = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EIO', 'EDQUOT', 'ENOENT', 'ENOTDIR', 'EEXIST'])
const closedWords = /^(PGlite is closed|PGlite is closing|pgliteStore is closed)$/

/** Whether a PGlite error means the embedded database cannot serve rather than the query is wrong. */
export function isPgliteFault(error: unknown): boolean {
  if (isWasmTrap(error)) return true
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') {
    if (sqlStates.test(code) || nodeCodes.has(code)) return true
    // Permission denied on a file of the data directory, as opposed to a privilege in SQL.
    if (code === '42501' && fileAccess.test(error.message)) return true
  }
  return closedWords.test(error.message)
}

/** A trap of PGlite's WebAssembly: the instance's memory is in an unknown state and must not be used again. */
export function isWasmTrap(error: unknown): boolean {
  return typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError
}
