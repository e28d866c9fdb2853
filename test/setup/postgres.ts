import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser connection to the throwaway cluster's `postgres` database (see test/setup/postgresDatabase.ts). */
    postgresAdminUrl: string
  }
}

const run = promisify(execFile)

/** The directory of initdb and pg_ctl: Debian's highest /usr/lib/postgresql/<v>/bin, else the PATH. */
function findBinaries(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  const dirs = [...versions.map((version) => join(root, version, 'bin')), ...(process.env.PATH ?? '').split(delimiter)]
  const found = dirs.find((dir) => dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
  if (!found) {
    throw new Error('PostgreSQL not found (no initdb in /usr/lib/postgresql/*/bin or on the PATH): run scripts/setup.sh, or apt-get install -y postgresql')
  }
  return found
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Starts a throwaway PostgreSQL cluster for the unit tests (the `postgres` store kit and the
 * postgresStore suite) and removes it afterwards. PostgreSQL refuses to run as root: as root the
 * cluster belongs to the `postgres` user, run through runuser.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const bin = findBinaries()
  const asRoot = process.getuid?.() === 0
  // As root the directory must be reachable by the postgres user: /tmp, not a private TMPDIR.
  const dir = await mkdtemp(join(asRoot ? '/tmp' : tmpdir(), 'userkit-postgres-'))
  const data = join(dir, 'data')
  const log = join(dir, 'server.log')
  const exec = async (command: string, args: string[]): Promise<void> => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args]
    await run(file, argv, { cwd: dir, timeout: 60_000 })
  }
  const stop = async (): Promise<void> => {
    await exec('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']).catch(() => undefined)
    await rm(dir, { recursive: true, force: true })
  }

  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres'])
      const { stdout: group } = await run('id', ['-g', 'postgres'])
      await chown(dir, Number(stdout), Number(group))
    }
    await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'])
    let port = 0
    for (let attempt = 1; ; attempt++) {
      port = await freePort()
      const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
      try {
        await exec('pg_ctl', ['start', '-D', data, '-w', '-t', '30', '-l', log, '-o', settings])
        break
      } catch (error) {
        // Another process may have taken the port between freePort() and the start.
        if (attempt === 3) throw error
      }
    }
    project.provide('postgresAdminUrl', `postgres://postgres@127.0.0.1:${port}/postgres`)
    return stop
  } catch (error) {
    const serverLog = await readFile(log, 'utf8').catch(() => '')
    await stop()
    throw new Error(`Could not start the test PostgreSQL (${bin}): ${(error as Error).message}\n${serverLog}`, { cause: error })
  }
}
