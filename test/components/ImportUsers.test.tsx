import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImportUsers } from '../../src/components/ImportUsers/index.js'
import { createReactHarness, type ReactHarness } from '../react/harness.js'

afterEach(cleanup)

async function asAdmin(): Promise<ReactHarness> {
  const h = createReactHarness()
  await h.seed({ uid: 'admin', name: 'Admin', role: 'admin' }, { uid: 'ann', name: 'Ann' })
  await h.loginAs('admin')
  return h
}

const csv = ['uid,name,tags', 'ann,Ann Again,"[""team""]"', 'new-one,New One,', 'not a uid,Broken,'].join('\n')
const file = (text: string, name = 'users.csv') => new File([text], name, { type: 'text/csv' })
const importRequests = (h: ReactHarness) => h.sent.filter((sent) => sent.method === 'POST' && sent.path.startsWith('/v3.0/users/import'))

describe('ImportUsers', () => {
  it('checks a file without writing, lists its bad rows by line, then imports; the same file again changes nothing', async () => {
    const h = await asAdmin()
    const onImported = vi.fn()
    render(<ImportUsers onImported={onImported} />, { wrapper: h.wrapper })
    const user = userEvent.setup()
    const importButton = screen.getByRole('button', { name: 'Import' })
    expect(screen.getByRole('button', { name: 'Check the file' })).toBeDisabled()
    await user.upload(screen.getByLabelText('CSV or JSON Lines file'), file(csv))
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Would create 1, update 1 and leave 0 as they are; 1 row has errors'))
    // Said by its rule in the labels' words, not in the server's English.
    expect(screen.getByText(/^Line 4/)).toHaveTextContent('Line 4, uid: Use only letters, digits, _ and -.')
    expect(importRequests(h).at(-1)?.path).toContain('dryRun')
    // Nothing was written by the check.
    await expect(h.admin.getUser('new-one')).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND' })
    expect((await h.admin.getUser('ann')).name).toBe('Ann')
    expect(document.activeElement).toBe(screen.getByRole('status'))

    await user.click(importButton)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Created 1, updated 1, 0 unchanged; 1 row was skipped.'))
    expect(onImported).toHaveBeenCalledWith(expect.objectContaining({ dryRun: false, created: 1, updated: 1 }))
    expect((await h.admin.getUser('new-one')).name).toBe('New One')
    expect((await h.admin.getUser('ann')).tags).toEqual(['team'])
    expect(importButton).toBeDisabled()

    // The same file again: everything is as it says already.
    await user.upload(screen.getByLabelText('CSV or JSON Lines file'), file(csv))
    await user.click(screen.getByRole('button', { name: 'Import' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Created 0, updated 0, 2 unchanged; 1 row was skipped.'))
  })

  it('says what it cannot read, and what the server refused, sending nothing for a file it cannot read', async () => {
    const h = await asAdmin()
    render(<ImportUsers />, { wrapper: h.wrapper })
    const user = userEvent.setup()
    await user.upload(screen.getByLabelText('CSV or JSON Lines file'), file('just some words', 'notes.txt'))
    expect(await screen.findByText('Choose a .csv or .jsonl file.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Check the file' })).toBeDisabled()
    await user.upload(screen.getByLabelText('CSV or JSON Lines file'), file('uid,name,shoe_size\nann,Ann,42\n'))
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('This file could not be read: check its header row and quotes.')
    expect(importRequests(h)).toHaveLength(1)
  })
})
