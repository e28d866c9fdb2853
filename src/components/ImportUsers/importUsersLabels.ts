import type { ImportRowError } from '../../client/index.js'
import { englishFieldError } from '../form/fieldErrorText.js'

/** What ImportUsers shows and says. */
export interface ImportUsersLabels {
  title: string
  file: string
  /** Under the file field: what it takes. */
  hint: string
  check: string
  import: string
  checking: string
  importing: string
  /** What a dry run found, before anything is written. */
  wouldChange: (created: number, updated: number, unchanged: number, failed: number) => string
  /** What the import did. */
  imported: (created: number, updated: number, unchanged: number, failed: number) => string
  /** The heading of the rows that did not (or would not) land. */
  errorsTitle: (count: number) => string
  /** One row that did not land: its line, the field to blame, why (by its rule when a schema refused it). */
  rowError: (error: ImportRowError) => string
  /** The file as a whole was refused (unreadable, too large, not allowed…), by its code. */
  refused: (code: string) => string
  /** Said when the file is not one the importer reads. */
  notAFile: string
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`

export const importUsersLabels: ImportUsersLabels = {
  title: 'Import users',
  file: 'CSV or JSON Lines file',
  hint: 'A header row (uid, name, role, tags…) for CSV, one user per line for JSON Lines. Users are created or updated by uid.',
  check: 'Check the file',
  import: 'Import',
  checking: 'Checking…',
  importing: 'Importing…',
  wouldChange: (created, updated, unchanged, failed) =>
    `Would create ${created}, update ${updated} and leave ${unchanged} as they are${failed > 0 ? `; ${plural(failed, 'row has', 'rows have')} errors and would be skipped` : ''}. Nothing has been written yet.`,
  imported: (created, updated, unchanged, failed) =>
    `Created ${created}, updated ${updated}, ${unchanged} unchanged${failed > 0 ? `; ${plural(failed, 'row was', 'rows were')} skipped` : ''}.`,
  errorsTitle: (count) => plural(count, 'row to fix', 'rows to fix'),
  rowError: (error) =>
    `Line ${error.line}${error.uid ? ` (${error.uid})` : ''}${error.field ? `, ${error.field}` : ''}: ${error.field && error.rule ? englishFieldError(error.field, error.rule) : error.message}`,
  refused: (code) =>
    code === 'ERR_PAYLOAD_TOO_LARGE'
      ? 'This file is too large for one import: split it and try again.'
      : code === 'AUTH_ERR_NO_ACCESS'
        ? 'You are not allowed to import users.'
        : code === 'ERR_NETWORK'
          ? 'Could not reach the server: nothing was imported. Try again.'
          : code === 'ERR_BAD_REQUEST'
            ? 'This file could not be read: check its header row and quotes.'
            : 'The import failed; nothing was written. Try again.',
  notAFile: 'Choose a .csv or .jsonl file.',
}

declare module '../../react/context.js' {
  interface UserkitLabels {
    importUsers: ImportUsersLabels
  }
}
