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
/** A file that takes a moment to read, as a large one does: Check is enabled only once it is read. */
class SlowFile extends File {
  readMs = 30
  override async text(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, this.readMs))
    return super.text()
  }
}
const file = (text: string, name = 'users.csv', readMs = 30) => Object.assign(new SlowFile([text], name, { type: 'text/csv' }), { readMs })
type User = ReturnType<typeof userEvent.setup>
/** Chooses a file and waits until it is read, as a person waits for Check to be enabled. */
async function choose(user: User, chosen: File): Promise<void> {
  await user.upload(screen.getByLabelText('CSV or JSON Lines file'), chosen)
  await waitFor(() => expect(screen.getByRole('button', { name: 'Check the file' })).toBeEnabled())
}
const importRequests = (h: ReactHarness) => h.sent.filter((sent) => sent.method === 'POST' && sent.path.startsWith('/v3.0/imports/users'))

describe('ImportUsers', () => {
  it('checks a file without writing, lists its bad rows by line, then imports; the same file again changes nothing', async () => {
    const h = await asAdmin()
    const onImported = vi.fn()
    render(<ImportUsers onImported={onImported} />, { wrapper: h.wrapper })
    const user = userEvent.setup()
    const importButton = screen.getByRole('button', { name: 'Import' })
    expect(screen.getByRole('button', { name: 'Check the file' })).toBeDisabled()
    await choose(user, file(csv))
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Would create 1, update 1 and leave 0 as they are; 1 row has errors'))
    // Said by its rule in the labels' words, not in the server's English.
    expect(screen.getByText(/^Line 4/)).toHaveTextContent('Line 4, uid: Use only letters, digits, _ and -.')
    expect(importRequests(h).at(-1)?.path).toContain('dryRun')
    // Nothing was written by the check.
    await expect(h.admin.getUser('new-one')).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND' })
    expect((await h.admin.getUser('ann')).name).toBe('Ann')
    // Focus moves on the next frame (focusSoon).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('status')))

    await user.click(importButton)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Created 1, updated 1, 0 unchanged; 1 row was skipped.'))
    expect(onImported).toHaveBeenCalledWith(expect.objectContaining({ dryRun: false, created: 1, updated: 1 }))
    expect((await h.admin.getUser('new-one')).name).toBe('New One')
    expect((await h.admin.getUser('ann')).tags).toEqual(['team'])
    expect(importButton).toBeDisabled()

    // The same file again: everything is as it says already.
    await choose(user, file(csv))
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
    await choose(user, file('uid,name,shoe_size\nann,Ann,42\n'))
    await user.click(screen.getByRole('button', { name: 'Check the file' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('This file could not be read: check its header row and quotes.')
    expect(importRequests(h)).toHaveLength(1)
  })

  it('checks the file chosen last: never the one it replaced, nor one still being read when another was chosen', async () => {
    const h = await asAdmin()
    render(<ImportUsers />, { wrapper: h.wrapper })
    const user = userEvent.setup()
    const input = screen.getByLabelText('CSV or JSON Lines file')
    await choose(user, file('uid,name\nfirst-file,First\n'))
    // A large file replaces it: while it is read, neither button acts on the first one.
    await user.upload(input, file('uid,name\nbig-file,Big\n', 'big.csv', 300))
    expect(screen.getByRole('button', { name: 'Check the file' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled()
    // A small one chosen before the large one is read wins, whichever finishes last.
    await user.upload(input, file('uid,name\nsmall-file,Small\n', 'small.csv', 10))
    await new Promise((resolve) => setTimeout(resolve, 400))
    await user.click(screen.getByRole('button', { name: 'Import' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Created 1'))
    expect((await h.admin.getUser('small-file')).name).toBe('Small')
    await expect(h.admin.getUser('big-file')).rejects.toMatchObject({ code: 'ERR_UID_NOT_FOUND' })
    expect(importRequests(h)).toHaveLength(1)
  })
})
