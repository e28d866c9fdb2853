#!/usr/bin/env node
// `npm start`: builds the package and the demo app only when their sources changed since the last
// build (quietly: one line, or the build's output if it fails), then runs the demo's server.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const at = (...parts) => join(root, ...parts)

/** The newest modification time among these files and everything under these folders. */
function newest(paths) {
  let latest = 0
  const pending = paths.filter((path) => existsSync(path))
  while (pending.length > 0) {
    const path = pending.pop()
    const info = statSync(path)
    if (info.isDirectory()) for (const name of readdirSync(path)) pending.push(join(path, name))
    else latest = Math.max(latest, info.mtimeMs)
  }
  return latest
}

function buildIfStale(what, output, inputs, command) {
  if (existsSync(output) && statSync(output).mtimeMs >= newest(inputs)) return
  process.stdout.write(`Building ${what}…\n`)
  const run = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' })
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout}${run.stderr}\nBuilding ${what} failed.\n`)
    process.exit(run.status ?? 1)
  }
}

const packageInputs = ['src', 'package.json', 'vite.config.ts', 'tsconfig.json', 'tsconfig.build.json', 'registry.json', 'scripts/build-registry.ts'].map((path) => at(path))
buildIfStale('userkit', at('dist/index.js'), packageInputs, ['npm', 'run', 'build', '--silent'])
const demoInputs = [at('demo/src'), at('demo/public'), at('demo/index.html'), at('demo/vite.config.ts'), at('dist')]
buildIfStale('the demo app', at('demo/dist/index.html'), demoInputs, [
  process.execPath,
  at('node_modules/vite/bin/vite.js'),
  'build',
  '--config',
  'demo/vite.config.ts',
  '--logLevel',
  'error',
])

const server = spawn(process.execPath, ['--import', 'tsx', at('demo/server/main.ts')], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
