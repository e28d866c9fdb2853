import { describe, expect, it } from 'vitest'
import { newMetadataRow, type EditorField } from '../../src/components/editor/draft.js'
import { editorLabels } from '../../src/components/editor/editorLabels.js'
import { initialFormState, transition } from '../../src/components/form/formMachine.js'
import { errorOf, isDirty } from '../../src/components/form/formSelectors.js'
import type { FormConfig, FormEvent, FormState } from '../../src/components/form/formTypes.js'
import { createUserFields, initialDraft, toForm } from '../../src/components/CreateUserForm/createUserDraft.js'
import { createUserFormLabels, formLabels } from '../../src/components/CreateUserForm/createUserFormLabels.js'
import { UserkitError, createUserSchema, updateCurrentUserSchema, type User } from '../../src/model/index.js'

// The machine alone: no React, no server. Each test is a run of events and the states they lead to.
const fields: readonly EditorField[] = ['name', 'avatar', 'link', 'statusMessage', 'tags', 'metadata']
const config: FormConfig = { fields, schema: updateCurrentUserSchema, labels: editorLabels, readOnly: false }
const ada: User = { uid: 'ada', name: 'Ada', role: 'default', status: 'offline', tags: ['math'], createdAt: 1, updatedAt: 1 }

const run = (events: FormEvent[], from: FormState = initialFormState()): FormState =>
  events.reduce((state, event) => transition(state, event, config), from)
const loaded = run([{ type: 'load', user: ada }])

describe('the form machine', () => {
  it('shows a loaded user, and a newer copy of it unless the draft has edits', () => {
    expect(loaded.draft?.name).toBe('Ada')
    expect(isDirty(loaded, config)).toBe(false)
    const newer = { ...ada, name: 'Ada L.', updatedAt: 2 }
    expect(run([{ type: 'load', user: newer }], loaded).draft?.name).toBe('Ada L.')
    const edited = run([{ type: 'set', field: 'statusMessage', value: 'busy' }], loaded)
    expect(run([{ type: 'load', user: newer }], edited).draft).toEqual(edited.draft)
    expect(run([{ type: 'load', user: { ...ada, uid: 'grace', name: 'Grace' } }], edited).draft?.name).toBe('Grace')
    expect(transition(loaded, { type: 'load', user: ada }, config)).toBe(loaded)
  })

  it('checks the draft on submit without saving, and says which field is wrong', () => {
    const blank = run([{ type: 'set', field: 'name', value: '' }], loaded)
    expect(errorOf(blank, config, 'name')).toBeUndefined()
    const submitted = run([{ type: 'submit' }], blank)
    expect(submitted.status).toBe('idle')
    expect(submitted.invalidSubmits).toBe(1)
    expect(submitted.formError).toBe(editorLabels.fixErrors)
    expect(errorOf(submitted, config, 'name')).toBeTruthy()
  })

  it('has nothing to save when nothing changed', () => {
    const submitted = run([{ type: 'submit' }], loaded)
    expect(submitted.status).toBe('idle')
    expect(submitted.notice).toBe(editorLabels.nothingToSave)
  })

  it('saves: saving, then the saved user as the new base', () => {
    const saving = run([{ type: 'set', field: 'name', value: 'Ada Lovelace' }, { type: 'submit' }], loaded)
    expect(saving.status).toBe('saving')
    const saved = run([{ type: 'saved', user: { ...ada, name: 'Ada Lovelace', updatedAt: 2 } }], saving)
    expect(saved.status).toBe('saved')
    expect(saved.notice).toBe(editorLabels.saved)
    expect(isDirty(saved, config)).toBe(false)
    expect(run([{ type: 'set', field: 'link', value: 'https://a.example' }], saved).status).toBe('idle')
  })

  it('puts the server’s field errors beside the fields, and the rest in the form error', () => {
    const saving = run([{ type: 'set', field: 'name', value: 'Ada Lovelace' }, { type: 'submit' }], loaded)
    const refused = new UserkitError('ERR_BAD_REQUEST', 'bad', {
      details: { name: ['name is far too long, in the server’s English'], other: ['Nope'] },
      rules: { name: ['tooLong'], other: ['invalid'] },
    })
    const failed = run([{ type: 'failed', error: refused }], saving)
    expect(failed.status).toBe('error')
    // Said by its rule in the labels' words, not in the server's English.
    expect(errorOf(failed, config, 'name')).toBe(editorLabels.fieldError('name', 'tooLong'))
    expect(editorLabels.fieldError('name', 'tooLong')).toBe('Use 100 characters or fewer.')
    expect(failed.formError).toBe('Nope')
    expect(errorOf(run([{ type: 'set', field: 'name', value: 'Ada' }], failed), config, 'name')).toBeUndefined()
    expect(run([{ type: 'failed', error: new UserkitError('ERR_NETWORK', 'offline') }], saving).formError).toBe(editorLabels.networkError)
    expect(run([{ type: 'failed', error: refused, message: 'Read-only now' }], saving).formError).toBe('Read-only now')
  })

  it('turns a 412 on the same field into a conflict resolved field by field', () => {
    const saving = run([{ type: 'set', field: 'name', value: 'Mine' }, { type: 'submit' }], loaded)
    const theirs = { ...ada, name: 'Theirs', link: 'https://theirs.example', updatedAt: 3 }
    const conflict = run([{ type: 'failed', error: new UserkitError('ERR_CONFLICT', 'stale', { current: theirs }) }], saving)
    expect(conflict.status).toBe('conflict')
    expect(conflict.conflict?.fields).toEqual(['name'])
    expect(conflict.conflict?.choices).toEqual({ name: 'yours' })
    expect(transition(conflict, { type: 'submit' }, config)).toBe(conflict)
    const resolved = run([{ type: 'choose', field: 'name', choice: 'theirs' }, { type: 'resolve', mode: 'choices' }], conflict)
    expect(resolved.draft?.name).toBe('Theirs')
    expect(resolved.draft?.link).toBe('https://theirs.example')
    expect(resolved.base).toBe(theirs)
    expect(resolved.status).toBe('idle')
    expect(resolved.notice).toBe(editorLabels.conflictResolved)
    expect(run([{ type: 'resolve', mode: 'yours' }], conflict).draft?.name).toBe('Mine')
  })

  it('merges a 412 on other fields by itself, to be saved again', () => {
    const saving = run([{ type: 'set', field: 'name', value: 'Mine' }, { type: 'submit' }], loaded)
    const theirs = { ...ada, statusMessage: 'away', updatedAt: 3 }
    const merged = run([{ type: 'failed', error: new UserkitError('ERR_CONFLICT', 'stale', { current: theirs }) }], saving)
    expect(merged.conflict).toBeNull()
    expect(merged.draft?.name).toBe('Mine')
    expect(merged.draft?.statusMessage).toBe('away')
    expect(merged.base).toBe(theirs)
    expect(merged.formError).toBe(editorLabels.conflictMerged)
  })

  it('asks before unsaved changes are lost, and discards them only on yes', () => {
    expect(run([{ type: 'leave' }], loaded).confirming).toBe(false)
    const asking = run([{ type: 'set', field: 'name', value: 'Changed' }, { type: 'leave' }], loaded)
    expect(asking.confirming).toBe(true)
    const kept = run([{ type: 'answer', discard: false }], asking)
    expect(kept.confirming).toBe(false)
    expect(kept.draft?.name).toBe('Changed')
    const discarded = run([{ type: 'answer', discard: true }], asking)
    expect(discarded.draft?.name).toBe('Ada')
    expect(discarded.notice).toBe(editorLabels.discarded)
    expect(isDirty(discarded, config)).toBe(false)
  })

  it('keeps metadata rows, and their own rules, in the draft', () => {
    const row = { ...newMetadataRow(false), key: '', value: 'x' }
    const withRow = run([{ type: 'add-row', row }, { type: 'touch', field: 'metadata' }], loaded)
    expect(withRow.draft?.metadata).toEqual([row])
    expect(run([{ type: 'submit' }], withRow).invalidSubmits).toBe(1)
    const fixed = run([{ type: 'update-row', id: row.id, patch: { key: 'team' } }], withRow)
    expect(fixed.draft?.metadata[0]?.key).toBe('team')
    expect(run([{ type: 'remove-row', id: row.id }], fixed).draft?.metadata).toEqual([])
  })

  it('changes nothing while read-only', () => {
    const readOnly = { ...config, readOnly: true }
    const edited = run([{ type: 'set', field: 'name', value: 'Changed' }], loaded)
    expect(transition(edited, { type: 'submit' }, readOnly)).toBe(edited)
  })
})

describe('the form machine in create mode', () => {
  const createConfig: FormConfig = {
    mode: 'create',
    fields: createUserFields,
    schema: createUserSchema,
    labels: formLabels(createUserFormLabels),
    readOnly: false,
  }
  const empty = toForm(initialDraft(''))
  const create = (events: FormEvent[], from: FormState = initialFormState(empty), config: FormConfig = createConfig): FormState =>
    events.reduce((state, event) => transition(state, event, config), from)
  const filled: FormEvent[] = [
    { type: 'set', field: 'uid', value: 'newbie' },
    { type: 'set', field: 'name', value: 'New Bie' },
  ]

  it('shows the uid rules as the user types, the others once submitted', () => {
    const typed = create([{ type: 'set', field: 'uid', value: 'no spaces' }])
    expect(errorOf(typed, createConfig, 'uid')).toBeTruthy()
    expect(errorOf(typed, createConfig, 'name')).toBeUndefined()
    const submitted = create([{ type: 'submit' }], typed)
    expect(submitted.status).toBe('idle')
    expect(submitted.invalidSubmits).toBe(1)
    expect(submitted.formError).toBeNull()
    expect(errorOf(submitted, createConfig, 'name')).toBeTruthy()
  })

  it('sends a valid draft, unless a field is blocked from outside (a uid taken)', () => {
    expect(create([...filled, { type: 'submit', blocked: ['uid'] }]).status).toBe('idle')
    expect(create([...filled, { type: 'submit' }]).status).toBe('saving')
  })

  it('keeps the created user and goes back to the first draft when told to', () => {
    const created: User = { uid: 'newbie', name: 'New Bie', role: 'default', status: 'offline', createdAt: 1, updatedAt: 1 }
    const saving = create([...filled, { type: 'submit' }])
    const kept = create([{ type: 'saved', user: created }], saving)
    expect(kept.status).toBe('saved')
    expect(kept.created).toBe(created)
    expect(kept.draft?.uid).toBe('newbie')
    const reset = create([{ type: 'saved', user: created }], saving, { ...createConfig, resetTo: empty })
    expect(reset.draft).toBe(empty)
    expect(reset.submitted).toBe(false)
  })

  it('puts a taken uid beside the uid and anything unplaced in the form error', () => {
    const saving = create([...filled, { type: 'submit' }])
    const taken = create([{ type: 'failed', error: new UserkitError('ERR_UID_ALREADY_EXISTS', 'exists') }], saving)
    expect(errorOf(taken, createConfig, 'uid')).toBe(createUserFormLabels.uidTaken)
    expect(taken.formError).toBeNull()
    expect(taken.invalidSubmits).toBe(1)
    const offline = create([{ type: 'failed', error: new UserkitError('ERR_NETWORK', 'offline') }], saving)
    expect(offline.formError).toBe(createUserFormLabels.submitFailed(new UserkitError('ERR_NETWORK', 'offline')))
    expect(offline.draft?.uid).toBe('newbie')
  })

  it('never loads, compares or asks before leaving', () => {
    const typed = create(filled)
    expect(create([{ type: 'load', user: ada }], typed)).toBe(typed)
    expect(create([{ type: 'leave' }], typed).confirming).toBe(false)
  })
})
