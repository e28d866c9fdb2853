import type { PGlite } from '@electric-sql/pglite'

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number]

/**
 * What named statements use of a PGlite instance: its extended-protocol entry and its locks. A
 * `PgliteLike` without them (a wrapper, a worker) runs every statement through `query()` instead.
 */
export interface PgliteProtocolLike {
  execProtocolStream(message: Uint8Array, options: { syncToFs?: boolean }): Promise<BackendMessage[]>
  /** PGlite's own lock around a statement; held by `query()` too. */
  runExclusive<T>(fn: () => Promise<T>): Promise<T>
  /** The lock a transaction holds from BEGIN to COMMIT: a statement outside one waits for it. */
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>
  /** Refuses a closed (or closing) instance, as `query()` does, in its words. */
  _checkReady(): Promise<void>
  serializers: Record<number, (value: unknown) => string>
  parsers: Record<number, (text: string, typeId?: number) => unknown>
}

export function speaksProtocol(db: object): db is PgliteProtocolLike {
  const candidate = db as Partial<PgliteProtocolLike>
  return (
    typeof candidate.execProtocolStream === 'function' &&
    typeof candidate.runExclusive === 'function' &&
    typeof candidate._runExclusiveTransaction === 'function' &&
    typeof candidate._checkReady === 'function' &&
    typeof candidate.serializers === 'object' &&
    typeof candidate.parsers === 'object'
  )
}

interface Prepared {
  parameterTypes: number[]
  /** The statement's RowDescription (absent when it returns no rows), which `parseResults` reads the rows by. */
  rowDescription: BackendMessage | undefined
}

// A PGlite is one backend, and named statements belong to it, not to a store: stores sharing an
// instance (tests, the bins' reopen) share what it has prepared.
const preparedOf = new WeakMap<object, Map<string, Prepared>>()

/**
 * Runs the store's fixed statements as named ones on PGlite: parsed and planned once, then each run
 * a single Bind/Execute/Sync message, one call into the WebAssembly where `query()` makes six and
 * plans every time. Parameters are serialized by the types PostgreSQL inferred, with PGlite's own
 * serializers, and rows parsed with its parsers, so values read and write exactly as `query()`'s.
 */
export function pgliteStatements(db: PgliteProtocolLike): {
  /** `inTransaction`: the caller already holds the transaction's lock (and the files sync at COMMIT). */
  run<T>(name: string, sql: string, params: readonly unknown[], inTransaction: boolean): Promise<{ rows: T[] }>
} {
  let prepared = preparedOf.get(db)
  if (!prepared) preparedOf.set(db, (prepared = new Map()))
  const statements = prepared
  const pglite = import('@electric-sql/pglite')

  const send = async (parts: Uint8Array[], syncToFs: boolean, sql: string, params: readonly unknown[]): Promise<BackendMessage[]> => {
    const message = new Uint8Array(parts.reduce((length, part) => length + part.length, 0))
    let offset = 0
    for (const part of parts) {
      message.set(part, offset)
      offset += part.length
    }
    try {
      // Sync travels in the same message: after an error the backend has already skipped to it and
      // is ready for the next statement, as after `query()`'s own Sync.
      return await db.execProtocolStream(message, { syncToFs })
    } catch (error) {
      // As PGlite's query() does: the statement that failed travels with its error.
      if (error instanceof Error && 'severity' in error) Object.assign(error, { query: sql, params })
      throw error
    }
  }

  const prepare = async (name: string, sql: string, inTransaction: boolean): Promise<Prepared> => {
    const found = statements.get(name)
    if (found) return found
    const { protocol } = await pglite
    const { serialize } = protocol
    const messages = await send([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync()], !inTransaction, sql, [])
    const parameters = messages.find((message) => message.name === 'parameterDescription') as { dataTypeIDs: number[] } | undefined
    const made: Prepared = {
      parameterTypes: parameters?.dataTypeIDs ?? [],
      rowDescription: messages.find((message) => message.name === 'rowDescription'),
    }
    statements.set(name, made)
    return made
  }

  const execute = async <T>(name: string, sql: string, params: readonly unknown[], inTransaction: boolean): Promise<{ rows: T[] }> => {
    await db._checkReady()
    const { protocol, parse } = await pglite
    const statement = await prepare(name, sql, inTransaction)
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null
      const serializer = db.serializers[statement.parameterTypes[i] as number]
      return serializer ? serializer(value) : String(value)
    })
    const { serialize } = protocol
    const messages = await send([serialize.bind({ statement: name, values }), serialize.execute(), serialize.sync()], !inTransaction, sql, params)
    const [result] = parse.parseResults(statement.rowDescription ? [statement.rowDescription, ...messages] : messages, db.parsers)
    return { rows: (result?.rows ?? []) as T[] }
  }

  return {
    run(name, sql, params, inTransaction) {
      const locked = (): Promise<{ rows: any[] }> => db.runExclusive(() => execute(name, sql, params, inTransaction))
      return inTransaction ? locked() : db._runExclusiveTransaction(locked)
    },
  }
}
