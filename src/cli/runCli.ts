import { parseArgs } from 'node:util'
import { addComponent } from './addComponent.js'
import { CliError } from './CliError.js'
import { listComponents } from './componentSource.js'

const usage = `Usage: userkit add <component> [--dir src/components] [--overwrite]
       userkit add --list`

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  cwd: string
}

/** Runs `userkit <args>`; resolves to the exit code. */
export function runCli(args: string[], io: CliIo): number {
  try {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        dir: { type: 'string', default: 'src/components' },
        overwrite: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
    const [command, component, ...extra] = positionals
    if (values.help) {
      io.out(usage)
      return 0
    }
    if (command !== 'add') throw new CliError(command ? `unknown command "${command}"; the command is \`userkit add <component>\`` : `no command; run \`userkit add <component>\` or \`userkit add --list\``)
    if (values.list) {
      for (const name of listComponents()) io.out(name)
      return 0
    }
    if (!component) throw new CliError('no component named; run `userkit add --list` to see them')
    if (extra.length > 0) throw new CliError(`one component at a time; run \`userkit add ${component}\`, then the next`)
    const result = addComponent({ component, dir: values.dir, overwrite: values.overwrite, cwd: io.cwd })
    for (const file of result.written) io.out(`wrote ${file}`)
    if (result.unchanged.length > 0) io.out(`${result.unchanged.length} file(s) already up to date`)
    return 0
  } catch (error) {
    if (!(error instanceof CliError) && !(error instanceof TypeError && 'code' in error)) throw error
    io.err(`userkit: ${error.message}`)
    return 1
  }
}
