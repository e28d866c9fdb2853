import { UserkitError } from '../../model/index.js'
import { csvValue, parseCsv } from './userCsv.js'

/** A row of an import: each field given, `null` for one to clear. */
export interface ImportRow {
  line: number
  fields: Record<string, unknown>
}

/** A row that could not be read at all. */
export interface UnreadableRow {
  line: number
  field?: string
  message: string
}

const editable = ['uid', 'name', 'avatar', 'link', 'role', 'statusMessage', 'tags', 'metadata'] as const
const jsonColumns = new Set(['tags', 'metadata'])
// Written by the server: an export carries them, an import ignores them.
const serverColumns = new Set(['createdAt', 'updatedAt', 'deactivatedAt', 'status', 'lastActiveAt'])

const badFile = (message: string): UserkitError => new UserkitError('ERR_BAD_REQUEST', message, { details: { body: [message] } })

/**
 * The rows of a CSV import. The header names the columns (any order; `uid` required; an unknown
 * one refuses the file, which may be meant for another tool). An empty cell clears its field on an
 * update; a column left out leaves it as it is. `tags` and `metadata` are JSON, as exported.
 */
export function csvRows(text: string): (ImportRow | UnreadableRow)[] {
  const records = parseCsv(text)
  if (!Array.isArray(records)) throw badFile(`Line ${records.line}: ${records.message}.`)
  const [header, ...rows] = records
  if (!header) throw badFile('The file is empty: it needs a header row naming the columns.')
  const columns = header.cells.map((cell) => cell.trim())
  for (const column of columns) {
    if (!(editable as readonly string[]).includes(column) && !serverColumns.has(column)) {
      throw badFile(`Unknown column "${column}": the columns are ${editable.join(', ')} (and the server's own, which are ignored).`)
    }
  }
  if (!columns.includes('uid')) throw badFile('The header has no uid column.')
  return rows.map(({ line, cells }) => {
    if (cells.length !== columns.length) return { line, message: `The row has ${cells.length} cells; the header names ${columns.length}.` }
    const fields: Record<string, unknown> = {}
    for (const [i, column] of columns.entries()) {
      if (serverColumns.has(column)) continue
      const value = csvValue(cells[i]!)
      if (value === '') fields[column] = null
      else if (!jsonColumns.has(column)) fields[column] = value
      else {
        try {
          fields[column] = JSON.parse(value)
        } catch {
          const example = column === 'tags' ? '["a","b"]' : '{"team":"core"}'
          return { line, field: column, message: `${column} must be JSON, e.g. ${example}.` }
        }
      }
    }
    return { line, fields }
  })
}

/** The rows of a JSON Lines import: an object a line, blank lines skipped, `null` clearing a field. */
export function jsonlRows(text: string): (ImportRow | UnreadableRow)[] {
  const rows: (ImportRow | UnreadableRow)[] = []
  text.split(/\r?\n/).forEach((source, index) => {
    const line = index + 1
    if (source.trim() === '') return
    let parsed: unknown
    try {
      parsed = JSON.parse(source)
    } catch {
      rows.push({ line, message: 'The line is not valid JSON.' })
      return
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      rows.push({ line, message: 'The line must be a JSON object.' })
      return
    }
    const fields: Record<string, unknown> = {}
    for (const field of editable) if (field in parsed) fields[field] = (parsed as Record<string, unknown>)[field]
    rows.push({ line, fields })
  })
  return rows
}
