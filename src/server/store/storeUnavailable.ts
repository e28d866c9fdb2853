/**
 * Thrown by a store when its database cannot be reached (refused, dropped, shutting down, out of
 * connections). The handler answers 503 ERR_SERVICE_UNAVAILABLE with Retry-After: the request may
 * succeed once the database is back, and nothing was half done.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError'
}

// Node's socket errors, and PostgreSQL's SQLSTATE classes for a connection that is gone or refused:
// 08 connection exception, 57P01-57P03 shutdown / cannot connect now, 53300 too many connections.
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND'])
const sqlStates = /^(08...|57P0[123]|53300)$/

/** Whether a database error means the database is away rather than the query wrong. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (socketCodes.has(code) || sqlStates.test(code))) return true
  // pg's own words when a connection ends under a query or none comes within connectionTimeoutMillis.
  if (/Connection terminated|timeout exceeded when trying to connect/i.test(error.message)) return true
  return error instanceof AggregateError && error.errors.some(isConnectionFailure)
}

/**
 * Runs `work`, turning a lost database into a StoreUnavailableError that keeps the cause. `isFault`
 * tells a database that is away from a query that is wrong; each store knows its own faults.
 */
export async function unlessUnavailable<T>(work: () => Promise<T>, isFault: (error: unknown) => boolean = isConnectionFailure): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof StoreUnavailableError) && isFault(error)) {
      throw new StoreUnavailableError('The database cannot be reached.', { cause: error })
    }
    throw error
  }
}
