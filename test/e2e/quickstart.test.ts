import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import { chromium, expect, type Browser } from 'playwright/test'
import { build } from 'vite'
import { afterAll, beforeAll, it, expect as vexpect } from 'vitest'
import { createForkApp, repoRoot } from '../fork/forkApp.js'
import { chromiumArgs, chromiumPath } from '../setup/chromium.js'

// The README's quick start as written: its React block and its Node backend block, copied out of
// README.md into a fresh Vite app (whose `userkit` is the built package), built, served and used in
// Chromium. Only what the README leaves to the reader is supplied: who `yourLogin` says is signing
// in, and `yourApp`, which serves the built page.
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')

function codeBlock(language: string, containing: string): string {
  const blocks = [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1] as string)
  const found = blocks.find((block) => block.includes(containing))
  if (!found) throw new Error(`README.md has no \`\`\`${language} block with ${containing}`)
  return found
}

const readersPart = `
// What the README leaves to its reader.
async function yourLogin(_request: Request): Promise<{ uid: string; name: string }> {
  return { uid: 'ada', name: 'Ada Lovelace' }
}

async function yourApp(request: Request): Promise<Response> {
  const { readFile } = await import('node:fs/promises')
  const path = new URL(request.url).pathname
  const file = path === '/' ? '/index.html' : path
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css' }
  try {
    return new Response(await readFile(new URL('./dist' + file, import.meta.url)), {
      headers: { 'content-type': types[file.split('.').pop() ?? ''] ?? 'application/octet-stream' },
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}
`

let app: string
let server: ChildProcess | undefined
let output = ''
let url: string
let browser: Browser

async function listening(address: string): Promise<void> {
  const deadline = Date.now() + 30_000
  while ((await fetch(address).catch(() => undefined))?.status !== 200) {
    if (Date.now() > deadline || server?.exitCode != null) throw new Error(`the quick start's server did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
    probe.once('error', reject)
  })
}

beforeAll(async () => {
  app = createForkApp()
  writeFileSync(join(app, 'src/App.tsx'), codeBlock('tsx', 'export function App'))
  writeFileSync(
    join(app, 'src/main.tsx'),
    "import { createRoot } from 'react-dom/client'\nimport { App } from './App'\n\ncreateRoot(document.getElementById('root')!).render(<App />)\n",
  )
  writeFileSync(join(app, 'server.ts'), codeBlock('ts', 'await serve({') + readersPart)
  await build({ root: app, configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir: join(app, 'dist'), minify: false } })
  const port = await freePort()
  url = `http://localhost:${port}`
  server = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), 'server.ts'], {
    cwd: app,
    env: { ...process.env, PORT: String(port), USERKIT_API_KEY: 'quickstart-backend-secret' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await listening(url)
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  server?.kill('SIGTERM')
})

it('signs in, edits the profile, saves, and finds it saved after a reload', async () => {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  const failed: string[] = []
  page.on('pageerror', (error) => failed.push(error.message))
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.request().method()} ${response.url()} ${response.status()}`)
  })
  await page.goto(url)
  await expect(page.getByText('Log in to edit your profile.')).toBeVisible()
  await page.getByRole('button', { name: 'Sign in' }).click()
  const name = page.getByRole('textbox', { name: /^Name/ })
  // The first request opens PGlite and migrates it: seconds, once.
  await expect(name).toHaveValue('Ada Lovelace', { timeout: 20_000 })
  await name.fill('Ada, Countess of Lovelace')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Saved.')).toBeVisible()

  await page.reload()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('textbox', { name: /^Name/ })).toHaveValue('Ada, Countess of Lovelace')
  vexpect(failed, output).toEqual([])
  // Chromium asks every site for /favicon.ico; the README's app has none, and that 404 is all it logs.
  vexpect(errors.filter((error) => !error.includes('404')), output).toEqual([])
}, 60_000)
