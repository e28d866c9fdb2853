import type { User } from '../../model/index.js'
import { draftFromUser, sameField, withField, wireValue, type EditorDraft, type EditorField } from './draft.js'

export type ConflictChoice = 'yours' | 'theirs'

/** A save refused with 412: the server's copy, the fields where it and the draft disagree, the choices so far. */
export interface Conflict {
  theirs: User
  fields: EditorField[]
  choices: Partial<Record<EditorField, ConflictChoice>>
}

/** Fields both the user and the server changed since `base`, differently. The rest merge by themselves. */
export function conflictingFields(base: EditorDraft, draft: EditorDraft, theirs: EditorDraft, fields: readonly EditorField[]): EditorField[] {
  return fields.filter(
    (field) => !sameField(base, theirs, field) && !sameField(draft, base, field) && !sameField(draft, theirs, field),
  )
}

/** The default choice: yours where you changed the field, theirs where only the server did. */
export function defaultChoice(base: EditorDraft, draft: EditorDraft, field: EditorField): ConflictChoice {
  return sameField(draft, base, field) ? 'theirs' : 'yours'
}

/**
 * The draft rebased on the server's copy: every field the user did not change is theirs, and
 * each field the user did change is theirs or yours as chosen (yours by default).
 */
export function mergeDraft(
  base: EditorDraft,
  draft: EditorDraft,
  theirs: EditorDraft,
  fields: readonly EditorField[],
  choices: Conflict['choices'],
): EditorDraft {
  let merged = theirs
  for (const field of fields) {
    const choice = choices[field] ?? defaultChoice(base, draft, field)
    if (choice === 'yours') merged = withField(merged, draft, field)
  }
  return merged
}

export function conflictFrom(theirs: User, base: EditorDraft, draft: EditorDraft, fields: readonly EditorField[]): Conflict {
  const theirsDraft = draftFromUser(theirs)
  const conflicting = conflictingFields(base, draft, theirsDraft, fields)
  return {
    theirs,
    fields: conflicting,
    choices: Object.fromEntries(conflicting.map((field) => [field, defaultChoice(base, draft, field)])),
  }
}

/** A field's value as text for the yours/theirs comparison. */
export function describeField(draft: EditorDraft, field: EditorField, privateLabel: string): string {
  const value = wireValue(draft, field)
  if (value === undefined || value === '') return ''
  if (field === 'tags') return (value as string[]).join(', ')
  if (field === 'metadata') {
    return draft.metadata
      .filter((row) => row.key.trim() !== '')
      .map((row) => `${row.private ? `${privateLabel} ` : ''}${row.key.trim()}: ${row.value}`)
      .join('; ')
  }
  return String(value)
}
