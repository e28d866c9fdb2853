import {
  createUserSchema,
  parseOrThrow,
  ruleOf,
  uidSchema,
  unsettableFields,
  updateUserSchema,
  userEtag,
  UserkitError,
  type RuleCode,
} from '../../model/index.js'
import * as v from 'valibot'
import { seesPrivateOf, type Actor } from '../actor.js'
import { applyUpdate } from '../applyUpdate.js'
import type { OperationContext } from '../operations/context.js'
import { createUser } from '../operations/createUser.js'
import { noAccess } from '../operations/notFound.js'
import { updateUser } from '../operations/updateUser.js'
import type { StoredUser } from '../store/types.js'
import { csvRows, jsonlRows, type ImportRow, type UnreadableRow } from './importRows.js'

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'failed'

/** Why a row did not land: the line of the file, and the field when one is to blame. */
export interface ImportError {
  line: number
  uid?: string
  field?: string
  code: string
  /** The rule the field broke (`url`, `pattern`…), when a schema refused it: what an app says in its own words. */
  rule?: RuleCode
  message: string
}

export interface ImportReport {
  dryRun: boolean
  created: number
  updated: number
  unchanged: number
  failed: number
  rows: { line: number; uid?: string; outcome: ImportOutcome }[]
  errors: ImportError[]
}

type RowResult = { outcome: Exclude<ImportOutcome, 'failed'>; uid: string } | { errors: ImportError[]; uid?: string }

/** A refusal as row errors: one per field named in its details, else one for the row. */
function rowErrors(line: number, uid: string | undefined, error: UserkitError, field?: string): ImportError[] {
  const at = (extra: Partial<ImportError>): ImportError => ({ line, ...(uid !== undefined ? { uid } : {}), code: error.code, message: error.message, ...extra })
  if (error.details) {
    return Object.entries(error.details).map(([name, messages]) => {
      const rule = error.rules?.[name]?.[0]
      return at({ field: name, ...(rule ? { rule } : {}), message: messages[0] ?? error.message })
    })
  }
  return [at(field !== undefined ? { field } : {})]
}

const fieldOf = (error: UserkitError): string | undefined =>
  error.code === 'ERR_ROLE_NOT_FOUND' || error.code === 'AUTH_ERR_NO_ACCESS' ? 'role' : error.code === 'ERR_UID_NOT_FOUND' ? 'uid' : undefined

/**
 * `POST /imports/users`: creates the users a file names that do not exist and updates those that do,
 * row by row, each with the rules and events of `POST /users` or `PUT /users/{uid}`. A row lands
 * whole or not at all (one insert, or one update in the store's transaction). A row that would
 * change nothing writes nothing, so importing a file twice changes nothing the second time.
 * `dryRun` answers the same report and writes nothing.
 */
export async function importUsers(
  ctx: OperationContext,
  actor: Actor,
  input: { text: string; format: 'csv' | 'jsonl'; dryRun: boolean },
): Promise<ImportReport> {
  const rows = input.format === 'csv' ? csvRows(input.text) : jsonlRows(input.text)
  const report: ImportReport = { dryRun: input.dryRun, created: 0, updated: 0, unchanged: 0, failed: 0, rows: [], errors: [] }
  // What a dry run would have written, so a later row of the same uid sees it.
  const planned = new Map<string, StoredUser>()
  for (const row of rows) {
    const result = 'fields' in row ? await importRow(ctx, actor, row, input.dryRun, planned) : unreadable(row)
    const uid = result.uid
    if ('outcome' in result) {
      report[result.outcome]++
      report.rows.push({ line: row.line, uid: result.uid, outcome: result.outcome })
    } else {
      report.failed++
      report.rows.push({ line: row.line, ...(uid !== undefined ? { uid } : {}), outcome: 'failed' })
      report.errors.push(...result.errors)
    }
  }
  return report
}

function unreadable(row: UnreadableRow): RowResult {
  return { errors: [{ line: row.line, ...(row.field ? { field: row.field } : {}), code: 'ERR_BAD_REQUEST', message: row.message }] }
}

async function importRow(ctx: OperationContext, actor: Actor, row: ImportRow, dryRun: boolean, planned: Map<string, StoredUser>): Promise<RowResult> {
  const parsedUid = v.safeParse(uidSchema, row.fields.uid)
  if (!parsedUid.success) {
    const message = parsedUid.issues[0].message
    return { errors: [{ line: row.line, field: 'uid', code: 'ERR_BAD_REQUEST', rule: ruleOf(message), message }] }
  }
  const uid = parsedUid.output
  try {
    const existing = planned.get(uid) ?? (await ctx.store.getUser(uid))
    return existing ? await updateRow(ctx, actor, row, existing, dryRun, planned) : await createRow(ctx, actor, row, uid, dryRun, planned)
  } catch (error) {
    if (!(error instanceof UserkitError)) throw error
    return { uid, errors: rowErrors(row.line, uid, error, fieldOf(error)) }
  }
}

async function createRow(ctx: OperationContext, actor: Actor, row: ImportRow, uid: string, dryRun: boolean, planned: Map<string, StoredUser>): Promise<RowResult> {
  const body = Object.fromEntries(Object.entries(row.fields).filter(([, value]) => value !== null))
  const input = parseOrThrow(createUserSchema, body)
  const role = input.role ?? 'default'
  ctx.roles.assertKnown(role)
  if (!dryRun) {
    await createUser(ctx, actor, body)
    return { outcome: 'created', uid }
  }
  const now = ctx.now()
  planned.set(uid, { ...input, uid, role, status: 'offline', createdAt: now, updatedAt: now } as StoredUser)
  return { outcome: 'created', uid }
}

async function updateRow(
  ctx: OperationContext,
  actor: Actor,
  row: ImportRow,
  existing: StoredUser,
  dryRun: boolean,
  planned: Map<string, StoredUser>,
): Promise<RowResult> {
  const { uid } = existing
  if (existing.deactivatedAt !== undefined) throw new UserkitError('ERR_UID_NOT_FOUND', `The user ${uid} is deactivated: reactivate it before importing it.`)
  const body: Record<string, unknown> = {}
  const unset: string[] = []
  for (const [field, value] of Object.entries(row.fields)) {
    if (field === 'uid') continue
    if (value !== null) body[field] = value
    // name and role cannot be cleared: left empty, they stay as they are (as on a create, role is then default).
    else if ((unsettableFields as readonly string[]).includes(field)) unset.push(field)
  }
  if (unset.length > 0) body.unset = unset
  const input = parseOrThrow(updateUserSchema, body)
  if (input.role !== undefined) ctx.roles.assertKnown(input.role)
  if (actor.kind === 'user' && actor.uid === uid && input.role !== undefined && input.role !== existing.role) {
    throw noAccess('Nobody can change their own role.')
  }
  const next = applyUpdate(existing, input, { keepsPrivate: !seesPrivateOf(actor, uid), now: ctx.now() })
  if (next === null) return { outcome: 'unchanged', uid }
  if (dryRun) planned.set(uid, next)
  // If-Match: a user changed by someone else since it was compared is refused, not overwritten.
  else await updateUser(ctx, actor, uid, body, { ifMatch: userEtag(existing) })
  return { outcome: 'updated', uid }
}
