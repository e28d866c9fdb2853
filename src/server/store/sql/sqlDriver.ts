/**
 * The little a SQL store needs from a PostgreSQL connection: PGlite, a `pg` pool, or anything that
 * speaks PostgreSQL's SQL. Parameters are `$1, $2, …`; values are never spliced into the text.
 */
export interface SqlDriver {
  /**
   * `name`: the statement is one of the store's fixed ones (its text never changes, its plan does not
   * depend on its values), so a driver may prepare it once per connection under that name.
   */
  query<T>(sql: string, params?: unknown[], name?: string): Promise<{ rows: T[] }>
  /**
   * Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it
   * throws. `tx.transaction` inside it runs in the same transaction.
   */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>
  close(): Promise<void>
}
