import { parseOrThrow, usersQuerySchema, UserkitError } from '../../model/index.js'
import { seesPrivateOf, type Actor } from '../actor.js'
import type { OperationContext } from '../operations/context.js'
import { filterParams } from '../operations/usersFilter.js'
import { presentUser } from '../present.js'
import type { StoredUser } from '../store/types.js'
import { csvLine, exportColumns } from './userCsv.js'

export type ExportFormat = 'csv' | 'jsonl'

export interface UsersExport {
  format: ExportFormat
  body: ReadableStream<Uint8Array>
}

/** Users read per query: one page in memory at a time, whatever the total. */
export const EXPORT_PAGE = 500

const encoder = new TextEncoder()

/** The exported fields of a user as this actor may see them (`@private` only for keys and oneself). */
function exportedFields(actor: Actor, stored: StoredUser): Record<string, unknown> {
  const user = presentUser(stored, { showPrivate: seesPrivateOf(actor, stored.uid) }) as unknown as Record<string, unknown>
  const fields: Record<string, unknown> = {}
  for (const column of exportColumns) if (user[column] !== undefined) fields[column] = user[column]
  return fields
}

function csvOf(fields: Record<string, unknown>): string {
  return csvLine(
    exportColumns.map((column) => {
      const value = fields[column]
      if (value === undefined) return ''
      return typeof value === 'object' ? JSON.stringify(value) : String(value)
    }),
  )
}

/**
 * `GET /exports/users`: every user the filter of `GET /users` matches, as CSV or JSON Lines, streamed.
 * Pages by uid (keyset: `uid > last`), so each page costs the same at the millionth user as at the
 * first, and a page is read only when the reader has taken the one before (the stream pulls).
 * The query is checked, and the first page read, before the answer starts: a bad filter is a 400
 * and an absent database a 503, not a broken download.
 */
export async function exportUsers(ctx: OperationContext, actor: Actor, query: Record<string, string>): Promise<UsersExport> {
  const { format = 'csv', ...filter } = query
  if (format !== 'csv' && format !== 'jsonl') {
    throw new UserkitError('ERR_BAD_REQUEST', 'format must be csv or jsonl', { details: { format: ['format must be csv or jsonl'] } })
  }
  const params = { ...filterParams(ctx, actor, parseOrThrow(usersQuerySchema, filter), EXPORT_PAGE), withoutTotal: true }
  const page = (afterUid?: string): Promise<StoredUser[]> =>
    ctx.store.listUsers(afterUid === undefined ? params : { ...params, afterUid }).then((result) => result.users)
  let users: StoredUser[] | undefined = await page()
  const encode = (list: StoredUser[]): string =>
    list.map((user) => (format === 'csv' ? csvOf(exportedFields(actor, user)) : `${JSON.stringify(exportedFields(actor, user))}\n`)).join('')

  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (format === 'csv') controller.enqueue(encoder.encode(csvLine(exportColumns)))
      },
      async pull(controller) {
        const list = users ?? []
        if (list.length > 0) controller.enqueue(encoder.encode(encode(list)))
        if (list.length < EXPORT_PAGE) {
          controller.close()
          return
        }
        users = await page(list[list.length - 1]!.uid)
      },
    },
    { highWaterMark: 1 },
  )
  return { format, body }
}
