import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

async function ask(adminUrl: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return String(Object.values((await client.query(sql)).rows[0] ?? {})[0])
  } finally {
    await client.end()
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Ends every process of the cluster behind `adminUrl` with SIGKILL, as a crash of the machine's
 * database would, then starts it again: PostgreSQL recovers from its write-ahead log.
 */
export async function crashPostgres(adminUrl: string): Promise<void> {
  const data = await ask(adminUrl, 'SHOW data_directory')
  const bin = await ask(adminUrl, "SELECT setting FROM pg_config WHERE name = 'BINDIR'")
  const postmaster = Number((await readFile(join(data, 'postmaster.pid'), 'utf8')).split('\n')[0])
  const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(postmaster)])
  const pids = [postmaster, ...stdout.split('\n').filter(Boolean).map(Number)]
  for (const pid of pids) process.kill(pid, 'SIGKILL')
  while (pids.some(alive)) await new Promise((resolve) => setTimeout(resolve, 20))

  // `restart` finds the dead postmaster's options (port, socket directory) in postmaster.opts.
  const log = join(dirname(data), 'restart.log')
  const args = ['restart', '-D', data, '-w', '-t', '60', '-l', log]
  const asRoot = process.getuid?.() === 0
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args]] : [join(bin, 'pg_ctl'), args]
  await run(file, argv, { timeout: 60_000 })
  // A test that means to crash the database must not pass on one that was merely stopped.
  const said = await readFile(log, 'utf8')
  if (!/not properly shut down/.test(said)) throw new Error(`PostgreSQL restarted without crash recovery:\n${said}`)
}
