import { spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

// What `npm start` runs after its builds: the demo's server entry through tsx, a real process on
// real HTTP, PGlite in a data directory on disk.
const root = join(import.meta.dirname, '../../..')
const entry = join(root, 'demo/server/main.ts')

export interface RunningDemo {
  child: ChildProcess
  url: string
  output: string
}

/** Builds the demo app (demo/dist) against the built package, as `npm start` does. */
export function buildDemo(): Promise<void> {
  return run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'demo/vite.config.ts', '--logLevel', 'warn'])
}

/**
 * Starts the demo on a free port with `dataDir`; resolves once it says where it listens. `npmStart`:
 * through `scripts/start.mjs`, as `npm start` does, builds included when stale.
 */
export function startDemo(dataDir: string, { npmStart = false } = {}): Promise<RunningDemo> {
  const args = npmStart ? [join(root, 'scripts/start.mjs')] : ['--import', 'tsx', entry]
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', USERKIT_DATA_DIR: dataDir, USERKIT_API_KEY: '', USERKIT_AUTH_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /Userkit demo on (http:\/\/\S+?) /.exec(output)?.[1]
      // `output` as a getter: what the process prints after this line (its data directory, say)
      // must reach a test that polls for it.
      if (url) resolve({ child, url, get output() { return output } })
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`the demo exited with ${code}:\n${output}`)))
  })
}

/** Stops it as Ctrl-C would; resolves with the exit code. */
export function stopDemo({ child }: RunningDemo): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
    child.kill('SIGINT')
  })
}

/** The fullAccess key the demo generated into its data directory: the test's backend view of the data. */
export async function fullAccessKey(dataDir: string): Promise<string> {
  const keys = JSON.parse(await readFile(join(dataDir, 'keys.json'), 'utf8')) as { key: string; scope: string }[]
  const key = keys.find((entry) => entry.scope === 'fullAccess')
  if (!key) throw new Error('no fullAccess key in keys.json')
  return key.key
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`))))
  })
}
