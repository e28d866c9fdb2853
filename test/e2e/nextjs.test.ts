import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import { chromium, expect, type Browser } from 'playwright/test'
import { afterAll, beforeAll, it, onTestFailed, expect as vexpect } from 'vitest'
import { createNextApp, repoRoot } from '../fork/forkApp.js'
import { chromiumArgs, chromiumPath } from '../setup/chromium.js'

// The README's Next.js quick start as written: every code block of its "Next.js (App Router)"
// subsection, each written to the files its first line names, in a fresh Next.js app whose
// `userkit` is the built package; built with Turbopack and with webpack, started with `next start`
// and used in Chromium. Only what the README leaves to the reader is supplied: who `yourLogin` says
// is signing in.
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')

function nextjsBlocks(): Map<string, string> {
  const start = readme.indexOf('### Next.js (App Router)')
  if (start < 0) throw new Error('README.md has no "### Next.js (App Router)" subsection')
  const end = readme.slice(start + 3).search(/^##/m)
  const section = end < 0 ? readme.slice(start) : readme.slice(start, start + 3 + end)
  const files = new Map<string, string>()
  for (const [, code] of section.matchAll(/```tsx?\n([\s\S]*?)```/g)) {
    const firstLine = code!.split('\n', 1)[0]!
    for (const [path] of firstLine.startsWith('//') ? firstLine.matchAll(/[\w@.[\]/-]+\.tsx?/g) : []) files.set(path, code!)
  }
  return files
}

const expectedFiles = ['next.config.ts', 'lib/userkit.ts', 'app/providers.tsx', 'app/layout.tsx', 'app/page.tsx', 'app/session/route.ts', 'app/v3/[...path]/route.ts', 'app/v3.0/[...path]/route.ts']

const readersPart = `
// What the README leaves to its reader.
async function yourLogin(_request: Request): Promise<{ uid: string; name: string }> {
  return { uid: 'ada', name: 'Ada Lovelace' }
}
`

const bundlers = [
  { name: 'Turbopack', flags: [] },
  { name: 'webpack', flags: ['--webpack'] },
] as const

const nextBin = join(repoRoot, 'node_modules/next/dist/bin/next')

/** The folder above both paths. */
function commonAncestor(a: string, b: string): string {
  let folder = a
  while (!(b + sep).startsWith(folder.endsWith(sep) ? folder : folder + sep)) folder = dirname(folder)
  return folder
}

/** The environment of `next build` and `next start`, as a shell gives it (Vitest sets NODE_ENV=test). */
function nextEnv(app: string): NodeJS.ProcessEnv {
  const { NODE_ENV: _vitest, USERKIT_API_KEY: _unset, ...env } = process.env
  return {
    ...env,
    NEXT_TELEMETRY_DISABLED: '1',
    // Turbopack compiles only files under its root, the app's own folder here (no lockfile above
    // it); this app's packages are links into the repository, so the root is a folder above both.
    NEXT_PRIVATE_OUTPUT_TRACE_ROOT: commonAncestor(realpathSync(app), realpathSync(repoRoot)),
  }
}

interface Running {
  child: ChildProcess
  output: () => string
}

function run(app: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, [nextBin, ...args], { cwd: app, env: { ...nextEnv(app), ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return { child, output: () => output }
}

function nextBuild(app: string, flags: readonly string[]): Promise<void> {
  const build = run(app, ['build', ...flags])
  return new Promise((resolve, reject) => {
    build.child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build ${flags.join(' ')} exited with ${code}:\n${build.output()}`))))
  })
}

/** `next start` on a free port (`-p 0`); resolves with its address once it says it is ready. */
function nextStart(app: string): Promise<Running & { url: string }> {
  const server = run(app, ['start', '-p', '0', '-H', '127.0.0.1'], { USERKIT_API_KEY: 'nextjs-quickstart-backend-secret' })
  return new Promise((resolve, reject) => {
    server.child.stdout?.on('data', () => {
      const url = /Local:\s+(http:\/\/\S+)/.exec(server.output())?.[1]
      if (url && server.output().includes('Ready')) resolve({ ...server, url })
    })
    server.child.once('exit', (code) => reject(new Error(`next start exited with ${code}:\n${server.output()}`)))
  })
}

function stop({ child }: Running): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

const apps = new Map<string, string>()
let browser: Browser

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'dist/index.js'))) throw new Error('the Next.js quick start runs the built package: run `npm run build` first')
  const files = nextjsBlocks()
  vexpect([...files.keys()].sort(), 'the files the README names').toEqual([...expectedFiles].sort())
  for (const { name } of bundlers) {
    const app = createNextApp()
    for (const [path, code] of files) {
      mkdirSync(dirname(join(app, path)), { recursive: true })
      writeFileSync(join(app, path), code)
    }
    appendFileSync(join(app, 'app/session/route.ts'), readersPart)
    apps.set(name, app)
  }
  // Both at once, and Chromium meanwhile: each build waits on its files as much as on the CPU.
  const launching = chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] }).then((launched) => (browser = launched))
  await Promise.all([launching, ...bundlers.map(({ name, flags }) => nextBuild(apps.get(name)!, flags))])
}, 240_000)

afterAll(async () => {
  await browser?.close()
  for (const app of apps.values()) rmSync(app, { recursive: true, force: true })
})

it.each(bundlers)('$name: signs in, edits the profile, saves, and finds it saved after a reload', async ({ name }) => {
  const server = await nextStart(apps.get(name)!)
  onTestFailed(() => console.log(`next start (${name}) said:\n${server.output()}`))
  try {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('console', (message) => {
      // Chromium asks every site for /favicon.ico; the README's app has none.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`${message.text()} (${message.location().url})`)
    })
    const failed: string[] = []
    page.on('pageerror', (error) => failed.push(error.message))
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.request().method()} ${response.url()} ${response.status()}`)
    })
    const signIn = async (): Promise<void> => {
      await expect(page.getByText('Log in to edit your profile.')).toBeVisible()
      // The button is server-rendered: a click counts once React has hydrated it (given it its props).
      await page.waitForFunction(() => Object.keys(document.querySelector('button') ?? {}).some((key) => key.startsWith('__reactProps')))
      await page.getByRole('button', { name: 'Sign in' }).click()
    }

    await page.goto(server.url)
    await signIn()
    const nameField = page.getByRole('textbox', { name: /^Name/ })
    // The first request opens PGlite and migrates it: seconds, once.
    await expect(nameField).toHaveValue('Ada Lovelace', { timeout: 20_000 })
    await nameField.fill('Ada, Countess of Lovelace')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByText('Saved.')).toBeVisible()

    await page.reload()
    await signIn()
    await expect(nameField).toHaveValue('Ada, Countess of Lovelace')
    vexpect(failed).toEqual([])
    vexpect(errors).toEqual([])
  } finally {
    await stop(server)
  }
}, 60_000)
