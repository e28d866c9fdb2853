import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, expect, type Browser, type BrowserContext, type Page } from 'playwright/test'
import { afterAll, beforeAll, describe, it, expect as vexpect } from 'vitest'
import { chromiumArgs, chromiumPath } from '../setup/chromium.js'
import { buildDemo, fullAccessKey, startDemo, stopDemo, type RunningDemo } from './demo/demoServer.js'

// The README's main command end to end: the built demo served by its own server process (as
// `npm start` runs it) over PGlite in a temp data dir, driven in Debian's Chromium.
const docs = join(import.meta.dirname, '../../docs')
const viewport = { width: 1280, height: 800 }
const uid = 'e2e-tester'

let dataDir: string
let demo: RunningDemo
let browser: Browser
let admin: BrowserContext
let adminPage: Page

/** What the server holds, read as a backend would (the key never reaches the browser). */
async function serverUser(id: string): Promise<Record<string, unknown> & { name: string; role: string }> {
  const response = await fetch(`${demo.url}/v3/users/${id}`, { headers: { apikey: await fullAccessKey(dataDir) } })
  vexpect(response.status).toBe(200)
  return ((await response.json()) as { data: Record<string, unknown> & { name: string; role: string } }).data
}

async function openAdmin(context: BrowserContext, view: 'list' | 'table' = 'list'): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${demo.url}/#admin`)
  await page.getByRole('button', { name: 'Sign in as Amara Okafor (admin)' }).click()
  // The sign-in button is gone: focus lands on the console, not on <body>.
  await expect(page.getByText('Signed in as Amara Okafor')).toBeFocused()
  // The console opens on the table; most flows here use the listbox beside the editor.
  if (view === 'list') await page.getByRole('button', { name: 'List', exact: true }).click()
  return page
}

function usersList(page: Page, name = 'Users'): ReturnType<Page['getByRole']> {
  return page.getByRole('listbox', { name })
}

/** The list's live status line: how many match, or why none do. */
function listStatus(page: Page | ReturnType<Page['locator']>): ReturnType<Page['locator']> {
  return page.locator('[data-uk="user-list"]').getByRole('status')
}

async function pickUser(page: Page, search: string, name: string | RegExp): Promise<void> {
  await page.getByLabel('Search users').fill(search)
  await usersList(page).getByRole('option', { name }).click()
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'userkit-demo-'))
  await Promise.all([buildDemo(), mkdir(docs, { recursive: true })])
  demo = await startDemo(dataDir)
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] })
  admin = await browser.newContext({ viewport })
  adminPage = await openAdmin(admin)
}, 150_000)

afterAll(async () => {
  await browser?.close()
  if (demo) await stopDemo(demo)
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
}, 30_000)

describe('the demo (npm start)', () => {
  it('seeds 200 users on first start and shows them to the signed-in admin', async () => {
    vexpect(demo.output).toContain('Seeded 200 users.')
    await expect(listStatus(adminPage)).toHaveText('200 users')
    await pickUser(adminPage, 'Ada', /^Ada Lovelace/)
    await expect(adminPage.getByRole('heading', { name: 'Edit Ada Lovelace' })).toBeVisible()
    await adminPage.getByLabel('Search users').fill('')
    await expect(listStatus(adminPage)).toHaveText('200 users')
    await adminPage.screenshot({ path: join(docs, 'demo-admin.png') })
  }, 30_000)

  it('creates a user from the admin console', async () => {
    await adminPage.getByRole('button', { name: 'New user' }).click()
    const form = adminPage.getByRole('form', { name: 'Create user' })
    await form.getByLabel('User ID').fill(uid)
    await form.getByLabel(/^Name/).fill('Testa Tester')
    await form.getByRole('button', { name: 'Create user' }).click()
    await expect(adminPage.getByRole('heading', { name: 'Edit Testa Tester' })).toBeVisible()
    // The form is gone: focus is on the notice saying so, not on <body>.
    await expect(adminPage.getByRole('status').filter({ hasText: 'Testa Tester (e2e-tester) was created.' })).toBeFocused()
    vexpect(await serverUser(uid)).toMatchObject({ uid, name: 'Testa Tester', role: 'default' })
  }, 30_000)

  it('searches and filters the list', async () => {
    const search = adminPage.getByLabel('Search users')
    await search.fill('Testa')
    await expect(usersList(adminPage).getByRole('option')).toHaveCount(1)
    await expect(listStatus(adminPage)).toHaveText('1 user')
    // Names in other scripts are searched as typed.
    await search.fill('Анна')
    await expect(usersList(adminPage).getByRole('option').first()).toContainText('Анна')
    await search.fill('nobody-has-this-name')
    await expect(listStatus(adminPage)).toHaveText('No users match “nobody-has-this-name”')
    await search.fill('')
    await adminPage.getByLabel('Role', { exact: true }).first().selectOption('moderator')
    await expect(listStatus(adminPage)).toHaveText('9 users')
    await adminPage.getByLabel('Role', { exact: true }).first().selectOption('')
    await adminPage.getByLabel(/^Tags/).first().fill('mentor')
    await expect(listStatus(adminPage)).not.toHaveText('201 users')
    await expect(listStatus(adminPage)).toHaveText(/^\d+ users?$/)
    const mentors = Number(/(\d+)/.exec((await listStatus(adminPage).textContent()) ?? '')?.[1])
    vexpect(mentors).toBeGreaterThan(0)
    vexpect(mentors).toBeLessThan(201)
    await adminPage.getByLabel(/^Tags/).first().fill('')
    await expect(listStatus(adminPage)).toHaveText('201 users')
  }, 30_000)

  it('changes a role as admin, with a token whose role may manage users', async () => {
    await pickUser(adminPage, 'Testa', /^Testa Tester/)
    const editor = adminPage.locator('[data-uk="user-editor"]')
    await editor.getByLabel('Role', { exact: true }).selectOption('moderator')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect(editor.getByText('User saved.')).toBeVisible()
    vexpect((await serverUser(uid)).role).toBe('moderator')
  }, 30_000)

  let profile: BrowserContext
  let me: Page

  it('signs in as the new user and edits the profile, keeping the draft when the server refuses', async () => {
    profile = await browser.newContext({ viewport })
    me = await profile.newPage()
    await me.goto(`${demo.url}/#profile`)
    await expect(me.getByRole('note')).toContainText('Demo-only sign-in')
    await me.getByLabel('User ID').fill(uid)
    await me.getByRole('button', { name: 'Sign in' }).click()
    const editor = me.locator('[data-uk="profile-editor"]')
    const status = editor.getByLabel('Status message')
    await status.fill('Testing the demo')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect(editor.getByText('Profile saved.')).toBeVisible()
    vexpect((await serverUser(uid)).statusMessage).toBe('Testing the demo')

    // With the browser's checks off, the server's 400 is what the person sees.
    await me.getByLabel('Check fields in the browser').uncheck()
    const avatar = editor.getByLabel('Avatar URL')
    await avatar.fill('ftp://files.example/me.png')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect(avatar).toHaveAttribute('aria-invalid', 'true')
    await expect(avatar).toHaveAccessibleDescription(/.+/)
    await expect(avatar).toHaveValue('ftp://files.example/me.png')
    vexpect((await serverUser(uid)).avatar).toBeUndefined()
    await me.screenshot({ path: join(docs, 'demo-profile.png') })
    await me.getByLabel('Check fields in the browser').check()
  }, 45_000)

  it('blocks and unblocks someone', async () => {
    const people = me.locator('.demo-people')
    await people.getByLabel('Search users').fill('Amara')
    await people.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: /^Amara Okafor/ }).click()
    await people.getByRole('button', { name: 'Block Amara Okafor' }).click()
    await people.getByRole('group', { name: 'Block Amara Okafor?' }).getByRole('button', { name: 'Yes, block' }).click()
    // What is, in the card beside its Unblock, and as a badge on the row in the list.
    await expect(people.getByRole('article').getByText('Blocked', { exact: true })).toBeVisible()
    await expect(people.getByRole('listbox', { name: 'Users' }).getByRole('option', { name: /^Amara Okafor/ }).getByText('Blocked')).toBeVisible()
    const blocked = people.getByRole('list', { name: 'Blocked users' })
    await expect(blocked.getByRole('button', { name: 'Unblock Amara Okafor' })).toBeVisible()
    await expect(people.getByText('You blocked this user')).toBeVisible()
    await blocked.getByRole('button', { name: 'Unblock Amara Okafor' }).click()
    await expect(people.getByText("You haven't blocked anyone")).toBeVisible()
    await expect(people.getByRole('button', { name: 'Block Amara Okafor' })).toHaveText('Block')
  }, 30_000)

  it('switches to the dark theme and to French', async () => {
    await me.getByRole('button', { name: 'Dark' }).click()
    await expect(me.locator('html')).toHaveAttribute('data-theme', 'dark')
    await me.screenshot({ path: join(docs, 'demo-dark.png') })
    await me.getByLabel('Language').selectOption('fr')
    await expect(me.getByRole('tab', { name: 'Mon profil' })).toBeVisible()
    await expect(me.getByRole('heading', { name: 'Votre profil' })).toBeVisible()
    await expect(me.getByLabel('Message de statut')).toHaveValue('Testing the demo')
    // A refused field is said in French, from the labels, never in the model's English.
    const link = me.getByLabel('Lien du profil')
    const before = await link.inputValue()
    await link.fill('ftp://exemple.fr')
    await link.blur()
    await expect(link).toHaveAccessibleDescription('Saisissez une adresse web commençant par https://')
    await me.screenshot({ path: join(docs, 'demo-french-error.png') })
    await link.fill(before)
    await me.getByLabel('Langue').selectOption('en')
    await me.getByRole('button', { name: 'Light' }).click()
    await profile.close()
  }, 30_000)

  it('shows the second of two editors the yours/theirs conflict and overwrites nothing', async () => {
    // Two admins, each in a browser of their own, open the user as it is now.
    const other = await browser.newContext({ viewport })
    const [one, two] = await Promise.all([openAdmin(admin), openAdmin(other)])
    await pickUser(one, 'Testa', /^Testa Tester/)
    await pickUser(two, 'Testa', /^Testa Tester/)
    const second = two
    const first = one.locator('[data-uk="user-editor"]')
    const late = second.locator('[data-uk="user-editor"]')
    await expect(first.getByLabel(/^Name/)).toHaveValue('Testa Tester')
    await expect(late.getByLabel(/^Name/)).toHaveValue('Testa Tester')
    await first.getByLabel(/^Name/).fill('Testa First')
    await late.getByLabel(/^Name/).fill('Testa Second')
    await first.getByRole('button', { name: 'Save' }).click()
    await expect(first.getByText('User saved.')).toBeVisible()
    await late.getByRole('button', { name: 'Save' }).click()
    await expect(late.getByText('Someone else changed this user while you were editing')).toBeVisible()
    await expect(late.getByText('Yours').first()).toBeVisible()
    await expect(late.getByText('On the server').first()).toBeVisible()
    vexpect((await serverUser(uid)).name).toBe('Testa First')
    await late.getByText('Someone else changed this user while you were editing').evaluate((node) => node.scrollIntoView({ block: 'start' }))
    await second.screenshot({ path: join(docs, 'demo-conflict.png') })
    await other.close()
  }, 45_000)

  it('erases a user for good only through its own server, for a signed-in manager', async () => {
    const tokenOf = async (who: string): Promise<string> => {
      const answer = await fetch(`${demo.url}/demo/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid: who }) })
      return ((await answer.json()) as { data: { authToken: string } }).data.authToken
    }
    const erase = (target: string, authToken?: string) =>
      fetch(`${demo.url}/demo/users/${target}`, { method: 'DELETE', headers: authToken ? { authtoken: authToken } : {} })
    const key = await fullAccessKey(dataDir)
    await fetch(`${demo.url}/v3/users`, { method: 'POST', headers: { apikey: key, 'content-type': 'application/json' }, body: JSON.stringify({ uid: 'to-erase', name: 'To Erase' }) })
    vexpect((await erase('to-erase')).status).toBe(401)
    vexpect((await erase('to-erase', await tokenOf(uid))).status).toBe(403)
    vexpect((await fetch(`${demo.url}/v3/users/to-erase`, { headers: { apikey: key } })).status).toBe(200)
    const done = await erase('to-erase', await tokenOf('admin'))
    vexpect(done.status).toBe(200)
    vexpect((await fetch(`${demo.url}/v3/users/to-erase`, { headers: { apikey: key } })).status).toBe(404)
  })

  it('shows the admin a users table, sorted and filtered on the server, with its state in the URL', async () => {
    const page = await openAdmin(admin, 'table')
    const grid = page.getByRole('grid', { name: 'Users' })
    await expect(grid).toBeVisible()
    await expect(page.locator('[data-uk="users-table"]').getByRole('status')).toHaveText('201 users')
    // Newest first, by the Created column's header.
    const created = grid.getByRole('columnheader', { name: 'Created' })
    await created.getByRole('button').click()
    await created.getByRole('button').click()
    await expect(created).toHaveAttribute('aria-sort', 'descending')
    await expect(grid.getByRole('row').nth(1)).toContainText('Testa')
    // Filtered by a role: the whole page, then every matching user, selected.
    const status = page.locator('[data-uk="users-table"]').getByRole('status')
    await page.locator('[data-uk="users-table"]').getByRole('combobox', { name: 'Role' }).selectOption('moderator')
    await expect(status).not.toHaveText('201 users')
    await expect(status).toHaveText(/^\d+ users$/)
    const moderators = Number(/\d+/.exec((await status.textContent()) ?? '')?.[0])
    vexpect(moderators).toBeGreaterThan(1)
    vexpect(moderators).toBeLessThan(25)
    await page.getByRole('checkbox', { name: 'Select every user on this page' }).check()
    await expect(page.getByText(`${moderators} users selected`)).toBeVisible()
    // One request tags every one of them, by the filter.
    const actions = page.getByRole('group', { name: 'With the selected users' })
    await actions.getByLabel('Tag', { exact: true }).fill('reviewed')
    await actions.getByRole('button', { name: 'Add tag' }).click()
    await expect(actions.getByText(`${moderators} users changed.`)).toBeVisible()
    vexpect((await serverUser('yuki-sato')).tags).toContain('reviewed')
    // Exported as CSV: a header row, then every selected moderator.
    const [download] = await Promise.all([page.waitForEvent('download'), actions.getByRole('button', { name: 'Export CSV' }).click()])
    const exported = await readFile((await download.path()) as string, 'utf8')
    vexpect(exported.split(/\r?\n/)[0]).toMatch(/^uid,name,/)
    vexpect(exported.split(/\r?\n/).filter((line) => line.includes(',moderator,')).length).toBe(moderators)
    vexpect(new URL(page.url()).searchParams.get('role')).toBe('moderator')
    vexpect(new URL(page.url()).searchParams.get('sort')).toBe('createdAt.desc')
    await page.screenshot({ path: join(docs, 'demo-users-table.png') })
    // A reload shows the same table; a name opens the editor in its place, Back returns.
    await page.reload()
    await expect(status).toHaveText(`${moderators} users`)
    await expect(grid.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'descending')
    const first = grid.getByRole('row').nth(1)
    const name = (await first.locator('[data-column="user"] bdi').textContent()) ?? ''
    await first.getByRole('button', { name }).click()
    await expect(page.getByRole('heading', { name: `Edit ${name}` })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Back to users' })).toBeFocused()
    await page.getByRole('button', { name: 'Back to users' }).click()
    await expect(grid).toBeVisible()
    await page.close()
  }, 45_000)

  it('filters the table by tags, any or all of them, and keeps how they match in the URL', async () => {
    const page = await openAdmin(admin, 'table')
    const table = page.locator('[data-uk="users-table"]')
    const status = table.getByRole('status')
    const count = async (): Promise<number> => Number(/\d+/.exec((await status.textContent()) ?? '')?.[0])
    await table.getByRole('textbox', { name: 'Tags' }).fill('engineering, remote')
    await expect(table.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveCount(2)
    await expect(status).not.toHaveText('201 users')
    const any = await count()
    await table.getByRole('combobox', { name: 'Match' }).selectOption('all')
    await expect(status).not.toHaveText(`${any} users`)
    const all = await count()
    vexpect(all).toBeLessThan(any)
    vexpect(new URL(page.url()).searchParams.get('tagsMatch')).toBe('all')
    await page.reload()
    await expect(table.getByRole('combobox', { name: 'Match' })).toHaveValue('all')
    await expect(status).toHaveText(all === 1 ? '1 user' : `${all} users`)
    await table.getByRole('button', { name: 'Clear all filters' }).click()
    await expect(status).toHaveText('201 users')
    vexpect(new URL(page.url()).searchParams.get('tagsMatch')).toBeNull()
    await page.close()
  }, 45_000)

  it('imports a CSV with one bad row: a check first writes nothing, the import lands the good rows', async () => {
    const page = await openAdmin(admin, 'table')
    await page.getByText('Import users from a file').click()
    const form = page.locator('[data-uk="import-users"]')
    const csv = 'uid,name,tags\nimported-one,Imported One,"[""imported""]"\nimported-two,Imported Two,\nnot a uid,Broken,\n'
    await form.getByLabel('CSV or JSON Lines file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await form.getByRole('button', { name: 'Check the file' }).click()
    await expect(form.getByRole('status')).toContainText('Would create 2, update 0 and leave 0 as they are; 1 row has errors')
    await expect(form.getByText(/^Line 4/)).toBeVisible()
    const unwritten = await fetch(`${demo.url}/v3/users/imported-one`, { headers: { apikey: await fullAccessKey(dataDir) } })
    vexpect([unwritten.status, ((await unwritten.json()) as { error: { code: string } }).error.code]).toEqual([404, 'ERR_UID_NOT_FOUND'])
    await form.getByRole('button', { name: 'Import' }).click()
    await expect(form.getByRole('status')).toContainText('Created 2, updated 0, 0 unchanged; 1 row was skipped.')
    vexpect(await serverUser('imported-one')).toMatchObject({ name: 'Imported One', tags: ['imported'] })
    await page.screenshot({ path: join(docs, 'demo-import.png') })
    await page.close()
  }, 45_000)

  it('on a phone (390×844), opens the editor full screen with Back, and nothing overflows at 320 px', async () => {
    const before = (await serverUser(uid)).statusMessage
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const page = await openAdmin(phone)
    const list = usersList(page)
    await page.getByLabel('Search users').fill('Testa')
    await list.getByRole('option', { name: /^Testa/ }).click()
    const back = page.getByRole('button', { name: 'Back to users' })
    // The editor takes the screen; the list is out of the way, and Back has the focus.
    await expect(back).toBeFocused()
    await expect(list).toBeHidden()
    const editor = page.locator('[data-uk="user-editor"]')
    await editor.getByLabel('Status message').fill('On the phone')
    await editor.getByRole('button', { name: 'Save' }).click()
    await expect(editor.getByText('User saved.')).toBeVisible()
    vexpect((await serverUser(uid)).statusMessage).toBe('On the phone')
    await page.screenshot({ path: join(docs, 'demo-phone-editor.png') })
    await back.click()
    await expect(list).toBeVisible()
    await expect(list).toBeFocused()
    // Unsaved changes still ask before Back takes the editor away.
    await list.getByRole('option', { name: /^Testa/ }).click()
    await editor.getByLabel('Status message').fill('Not saved')
    await back.click()
    await expect(page.getByRole('button', { name: 'Keep editing' })).toBeVisible()
    await page.getByRole('button', { name: 'Keep editing' }).click()
    await expect(editor.getByLabel('Status message')).toHaveValue('Not saved')
    // At 320 px wide nothing makes the page scroll sideways, metadata rows included.
    await page.setViewportSize({ width: 320, height: 640 })
    await editor.getByRole('button', { name: 'Add a field' }).click()
    await editor.getByLabel(/^Key/).last().fill('a-rather-long-metadata-key')
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > 320.5)
        .map((element) => `${element.tagName.toLowerCase()}[${element.getAttribute('data-part') ?? element.className}] ${Math.round(element.getBoundingClientRect().right)}`),
    )
    vexpect(wide).toEqual([])
    vexpect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await phone.close()
    // Put back what the later tests expect to find.
    const put = await fetch(`${demo.url}/v3/users/${uid}`, {
      method: 'PUT',
      headers: { apikey: await fullAccessKey(dataDir), 'content-type': 'application/json' },
      body: JSON.stringify({ statusMessage: before }),
    })
    vexpect(put.status).toBe(200)
  }, 45_000)

  it('keeps every change across a stop and a start, without seeding again', async () => {
    vexpect(await stopDemo(demo)).toBe(0)
    demo = await startDemo(dataDir)
    vexpect(demo.output).not.toContain('Seeded')
    vexpect(await serverUser(uid)).toMatchObject({ name: 'Testa First', role: 'moderator', statusMessage: 'Testing the demo' })
    // On a new port the seeded pictures follow: the admin's loads from this start's origin.
    const picture = (await serverUser('admin')).avatar as string
    vexpect(picture).toMatch(new RegExp(`^${demo.url}/v3\\.0/avatars/[0-9a-f]{64}\\.webp$`))
    vexpect((await fetch(picture)).status).toBe(200)
    // The session was kept in this tab's storage, but a new origin (port) has none: sign in again.
    const page = await openAdmin(admin)
    await page.getByLabel('Search users').fill('Testa')
    await expect(usersList(page).getByRole('option', { name: /^Testa First/ })).toBeVisible()
    await expect(listStatus(page)).toHaveText('1 user')
  }, 90_000)

  it('npm start says where the demo and its keys are in its first lines, rebuilding nothing unchanged', async () => {
    vexpect(await stopDemo(demo)).toBe(0)
    demo = await startDemo(dataDir, { npmStart: true })
    const lines = demo.output.split('\n')
    const at = lines.findIndex((line) => line.startsWith('Userkit demo on '))
    vexpect(at).toBeGreaterThanOrEqual(0)
    vexpect(at).toBeLessThan(3)
    vexpect(demo.output).not.toContain('Building')
    await vexpect.poll(() => demo.output).toContain(`Data and keys in ${dataDir} (keys.json)`)
    vexpect((await fetch(`${demo.url}/`)).status).toBe(200)
  }, 60_000)
})
