import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { chromium, expect, type Browser } from 'playwright/test'
import { afterAll, beforeAll, it, expect as vexpect } from 'vitest'
import { chromiumArgs, chromiumPath } from '../setup/chromium.js'
import { buildDemo, fullAccessKey, startDemo, stopDemo, type RunningDemo } from './demo/demoServer.js'

// A person changes their picture in the demo (npm start, PGlite on disk) in Debian's Chromium:
// choose a photo, frame it with the keyboard, save, reload, and the new picture is what shows.
let dataDir: string
let demo: RunningDemo
let browser: Browser

async function serverAvatar(uid: string): Promise<string | undefined> {
  const response = await fetch(`${demo.url}/v3/users/${uid}`, { headers: { apikey: await fullAccessKey(dataDir) } })
  return ((await response.json()) as { data: { avatar?: string } }).data.avatar
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'userkit-avatar-'))
  await buildDemo()
  demo = await startDemo(dataDir)
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] })
}, 150_000)

afterAll(async () => {
  await browser?.close()
  if (demo) await stopDemo(demo)
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
}, 30_000)

it('seeds pictures through the upload endpoint: served from the database, immutable', async () => {
  const picture = await serverAvatar('admin')
  vexpect(picture).toMatch(new RegExp(`^${demo.url}/v3\\.0/avatars/[0-9a-f]{64}\\.webp$`))
  const response = await fetch(picture!)
  vexpect([response.status, response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([
    200,
    'image/webp',
    'public, max-age=31536000, immutable',
  ])
})

it('chooses a photo, frames it with the keyboard, saves it, and shows it after a reload', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await page.goto(`${demo.url}/#profile`)
  await page.getByLabel('User ID').fill('ada-lovelace')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const editor = page.locator('[data-uk="profile-editor"]')
  await expect(editor.getByRole('button', { name: 'Choose a picture' })).toBeVisible()
  const before = await serverAvatar('ada-lovelace')

  // A phone-sized photo: the browser sends a 512 px square of it, not the whole file.
  const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 120, sigma: 50 } } })
    .jpeg({ quality: 92 })
    .toBuffer()
  const uploads: number[] = []
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().endsWith('/v3.0/me/avatar')) uploads.push(request.postDataBuffer()?.byteLength ?? 0)
  })
  await editor.locator('input[type="file"]').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo })
  const frame = editor.getByRole('group', { name: 'Picture framing' })
  await expect(frame).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('+')
  await page.keyboard.press('+')
  await expect(editor.getByRole('slider', { name: 'Zoom' })).toHaveValue('1.2')
  await page.keyboard.press('Enter')
  await expect(editor.getByText('Picture saved.')).toBeVisible()

  const saved = await serverAvatar('ada-lovelace')
  vexpect(saved).toMatch(/\/v3\.0\/avatars\/[0-9a-f]{64}\.webp$/)
  vexpect(saved).not.toBe(before)
  vexpect(uploads).toHaveLength(1)
  vexpect(uploads[0]).toBeLessThan(photo.byteLength / 4)
  const stored = await sharp(Buffer.from(await (await fetch(saved!)).arrayBuffer())).metadata()
  vexpect([stored.format, stored.width, stored.height]).toEqual(['webp', 512, 512])

  await page.reload()
  const shown = page.locator('[data-uk="profile-editor"] [data-part="avatar-field"] img').first()
  await expect(shown).toHaveAttribute('src', saved!)
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(512)
}, 60_000)

it('creates a user with a picture chosen in the form: it goes up once the user exists', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await page.goto(`${demo.url}/#admin`)
  await page.getByRole('button', { name: 'Sign in as Amara Okafor (admin)' }).click()
  await page.getByRole('button', { name: 'New user' }).click()
  const form = page.getByRole('form', { name: 'Create user' })
  await form.getByLabel('User ID').fill('pictured')
  await form.getByLabel(/^Name/).fill('Pictured Person')
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2563eb' } }).png().toBuffer()
  await form.locator('input[type="file"]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: photo })
  await expect(form.getByRole('group', { name: 'Picture framing' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(form.getByText('This picture is saved with the user.')).toBeVisible()
  await form.getByRole('button', { name: 'Create user' }).click()
  await expect(page.getByRole('heading', { name: 'Edit Pictured Person' })).toBeVisible()
  await expect.poll(() => serverAvatar('pictured')).toMatch(/\/v3\.0\/avatars\/[0-9a-f]{64}\.webp$/)
}, 60_000)
