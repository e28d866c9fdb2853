/** The requests the load test drives, against Userkit and the bare servers alike. */
export type LoadOperation = 'keyGet' | 'tokenGet' | 'putMe' | 'search'

/** What varyRequest needs to pick a request; autocannon hands each connection a copy. */
export interface VaryContext {
  operation: LoadOperation
  /** Uids are user-0 … user-(users - 1). */
  users: number
  /** user-0 … user-(tokens - 1) each hold the auth token `benchToken(i)`. */
  tokens: number
  prefixes: readonly string[]
  apiKey: string
}
