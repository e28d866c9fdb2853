import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

// The built `userkit-server` program, as the README runs it: a real process, real HTTP, PGlite on disk
// (or the PostgreSQL that USERKIT_DATABASE_URL names, when a test passes one).
const bin = join(import.meta.dirname, '../../dist/bin/userkit-server.js')

export interface Running {
  child: ChildProcess
  url: string
  output: string
}

/** Starts the program on a free port with `dataDir`; resolves once it says where it listens. */
export function start(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [bin], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', USERKIT_DATA_DIR: dataDir, USERKIT_API_KEY: '', USERKIT_AUTH_KEY: '', USERKIT_DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const url = /Userkit server on (http:\/\/\S+?) /.exec(output)?.[1]
      if (url) resolve({ child, url, output })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`userkit-server exited with ${code}:\n${output}`)))
  })
}

/** Stops it as an operator would (SIGTERM), or as a crash would (SIGKILL); resolves with the exit code. */
export function stop({ child }: Running, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.once('exit', (code) => resolve(code))
    child.kill(signal)
  })
}
