/** The operations the load test drives, over HTTP and straight through the driver. */
export type LoadOperation = 'get' | 'search' | 'update'

/** What varyRequest needs to pick a request; autocannon hands each connection a copy. */
export interface VaryContext {
  operation: LoadOperation
  /** Uids are user-0 … user-(users - 1). */
  users: number
  prefixes: readonly string[]
}
