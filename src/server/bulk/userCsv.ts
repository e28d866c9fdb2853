/** The columns of an export, in order; an import reads the same names (server-set ones ignored). */
export const exportColumns = [
  'uid',
  'name',
  'avatar',
  'link',
  'role',
  'statusMessage',
  'tags',
  'metadata',
  'createdAt',
  'updatedAt',
  'deactivatedAt',
] as const

export type ExportColumn = (typeof exportColumns)[number]

// A spreadsheet runs a cell starting with one of these as a formula ("=HYPERLINK(…)"); a leading
// apostrophe makes it text. An apostrophe is escaped too, so an import can strip exactly one.
const formulaStart = /^[=+\-@\t\r']/

/** One CSV cell: formula-safe, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A cell as written by `csvCell`, back to its value (the apostrophe of a formula-safe cell removed). */
export function csvValue(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell
}

export const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`

export interface CsvRecord {
  /** The line of the file the record starts on, from 1. */
  line: number
  cells: string[]
}

/**
 * RFC 4180 records (quoted cells may hold commas, quotes as `""` and line breaks; lines end in CRLF
 * or LF). A quote left open at the end is an error naming the line it opened on. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] | { line: number; message: string } {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let line = 1
  let recordLine = 1
  let quoted = false
  let quoteLine = 0
  const endRecord = (): void => {
    cells.push(cell)
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells })
    cells = []
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else {
        if (char === '\n') line++
        cell += char
      }
    } else if (char === '"' && cell === '') {
      quoted = true
      quoteLine = line
    } else if (char === ',') {
      cells.push(cell)
      cell = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else cell += char
  }
  if (quoted) return { line: quoteLine, message: 'a quoted cell is never closed' }
  if (cell !== '' || cells.length > 0) endRecord()
  return records
}
