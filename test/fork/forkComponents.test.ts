import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import * as v from 'valibot'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRegistry, type RegistryIndex } from '../../src/cli/buildRegistry.js'
import { listComponents } from '../../src/cli/componentSource.js'
import { createForkApp, repoRoot } from './forkApp.js'
import { registryItemSchema, registrySchema } from './registrySchema.js'

const components = listComponents(join(repoRoot, 'src/components'))
const builtBin = join(repoRoot, 'dist/bin/userkit.js')

/** `userkit <args>` in the app, as `npx userkit` runs it: the package's built bin (`npm test` builds first). */
function userkit(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(builtBin)) throw new Error(`${builtBin} is missing: run npm run build first`)
  return spawnSync(process.execPath, [builtBin, ...args], { cwd, encoding: 'utf8' })
}

// The worked example of docs/forking.md: its `tsx title="…"` blocks, by path.
const docBlocks = [...readFileSync(join(repoRoot, 'docs/forking.md'), 'utf8').matchAll(/```tsx title="([^"]+)"\n([\s\S]*?)```/g)]
const restyled = 'src/restyled'

let app: string
let typeErrors: string[]

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/types/index.d.ts'))) throw new Error('the fork test runs the built package: run `npm run build` first')
  app = createForkApp()
  for (const name of components) expect(userkit(app, 'add', name).status).toBe(0)
  // The doc's restyled UserCard, in a folder of its own so the pristine copy stays checked too.
  mkdirSync(join(app, restyled))
  expect(userkit(app, 'add', 'user-card', '--dir', restyled).status).toBe(0)
  for (const [, path, code] of docBlocks) writeFileSync(join(app, path!.replace(/^src\/components/, restyled)), code!)
  const imports = components.map((name, i) => `import * as C${i} from './components/${name}/index.js'`)
  writeFileSync(
    join(app, 'src/main.tsx'),
    [...imports, "import * as Restyled from './restyled/UserCard/index.js'", `document.body.dataset.forks = Object.keys({ ${components.map((_, i) => `...C${i}`).join(', ')}, ...Restyled }).join(',')`, ''].join('\n'),
  )
  const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')], { cwd: app, encoding: 'utf8' })
  typeErrors = tsc.stdout.split('\n').filter((line) => /error TS\d+/.test(line))
}, 120_000)

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true })
})

// The shared markup each fork holds beside its own files: every element a person would change.
const editorMarkup = ['ConflictPanel.tsx', 'EditorActions.tsx', 'EditorFields.tsx', 'EditorLoadState.tsx', 'MetadataEditor.tsx', 'TagInput.tsx']
const sharedMarkup: Record<string, string[]> = {
  ProfileEditor: editorMarkup,
  // Its read-only view (a user the viewer may not change, or deactivated) is markup too.
  UserEditor: [...editorMarkup, 'ReadOnlyFields.tsx'],
  CreateUserForm: ['MetadataEditor.tsx', 'TagInput.tsx'],
  // The filters both lists of users show: role and status, tags, and the chips of those in force.
  UserList: ['FilterChips.tsx', 'RoleStatusFilters.tsx', 'TagFilters.tsx'],
  UsersTable: ['FilterChips.tsx', 'RoleStatusFilters.tsx', 'TagFilters.tsx'],
}

describe.each(components)('userkit add %s', (name) => {
  it('copies the folder and the markup it renders, importing the package only through its public entries', () => {
    const folder = join(app, 'src/components', name)
    const files = readdirSync(folder).sort()
    const own = readdirSync(join(repoRoot, 'src/components', name)).filter((file) => /\.(tsx?|css)$/.test(file))
    expect(files).toEqual([...own, ...(sharedMarkup[name] ?? [])].sort())
    for (const file of files.filter((file) => /\.tsx?$/.test(file))) {
      const specifiers = [...readFileSync(join(folder, file), 'utf8').matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map(([, spec]) => spec!)
      expect(specifiers.filter((spec) => spec.startsWith('.') && !spec.startsWith('./')), `${name}/${file}`).toEqual([])
      const entries = ['userkit', 'userkit/client', 'userkit/headless']
      expect(specifiers.filter((spec) => spec.startsWith('userkit')).every((spec) => entries.includes(spec))).toBe(true)
    }
  })

  it('type-checks in the app (strict)', () => {
    expect(typeErrors.filter((line) => line.startsWith(`src/components/${name}/`))).toEqual([])
  })
})

describe.each(['ProfileEditor', 'UserEditor'])('the fork of %s', (name) => {
  const markup = (): string =>
    readdirSync(join(app, 'src/components', name))
      .filter((file) => file.endsWith('.tsx'))
      .map((file) => readFileSync(join(app, 'src/components', name, file), 'utf8'))
      .join('\n')

  it('holds a label and an input for each editable field', () => {
    const code = markup()
    // The text fields share one labelled input, rendered once per field.
    expect(code).toContain('<label {...editor.getLabelProps(field)}>')
    expect(code).toContain('<input {...editor.getInputProps(field)} />')
    for (const field of ['name', 'avatar', 'link', 'statusMessage']) expect(code).toContain(`field="${field}"`)
    expect(code).toContain('<label {...labelProps}>')
    expect(code).toContain('<input {...input.getInputProps()} />')
    expect(code).toContain('<input {...metadata.getKeyProps(row, position)} />')
    expect(code).toContain('<input {...metadata.getValueProps(row, position)} />')
    // The role: a select for a manager; on the profile side, text (nobody changes their own role).
    expect(code).toContain(name === 'UserEditor' ? "editor.getLabelProps('role')" : 'state.roleName')
  })

  it('holds the conflict view and the actions, with their words', () => {
    const code = markup()
    for (const part of ['getResolveProps(\'choices\')', 'getChoiceProps(row.field, choice)', 'labels.conflictTitle']) expect(code).toContain(part)
    for (const part of ['getSubmitProps()', 'getResetProps()', 'labels.discardQuestion']) expect(code).toContain(part)
  })
})

describe('the app with every fork', () => {
  it('type-checks as a whole, the docs example included', () => {
    expect(docBlocks.map(([, path]) => path)).toEqual(['src/components/UserCard/UserCardView.tsx'])
    expect(typeErrors).toEqual([])
  })

  it('builds with Vite', async () => {
    const outDir = join(app, 'dist')
    await build({ root: app, configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, minify: false } })
    const [script] = readdirSync(join(outDir, 'assets')).filter((file) => file.endsWith('.js'))
    const code = readFileSync(join(outDir, 'assets', script!), 'utf8')
    // The forks' own code is in, beside the package's.
    expect(code).toContain('flex items-center gap-3 rounded-lg p-2')
    expect(code).toContain('useProfileEditor')
  }, 120_000)
})

describe('userkit add, refusing', () => {
  it('keeps a file the app changed unless --overwrite', () => {
    const view = join(app, restyled, 'UserCard/UserCardView.tsx')
    const mine = readFileSync(view, 'utf8')
    const refused = userkit(app, 'add', 'UserCard', '--dir', restyled)
    expect(refused.status).toBe(1)
    expect(refused.stderr.trim().split('\n')).toEqual([`userkit: ${restyled}/UserCard/UserCardView.tsx changed since userkit wrote it; pass --overwrite to replace it`])
    expect(readFileSync(view, 'utf8')).toBe(mine)

    expect(userkit(app, 'add', 'UserCard', '--dir', restyled, '--overwrite').status).toBe(0)
    expect(readFileSync(view, 'utf8')).toBe(readFileSync(join(app, 'src/components/UserCard/UserCardView.tsx'), 'utf8'))
    writeFileSync(view, mine)
  })

  it('creates the target folder when its parent exists', () => {
    const made = userkit(app, 'add', 'Avatar', '--dir', 'src/fresh')
    expect(made.status).toBe(0)
    expect(readdirSync(join(app, 'src/fresh/Avatar'))).toContain('Avatar.tsx')
    rmSync(join(app, 'src/fresh'), { recursive: true })
  })

  it('rewrites nothing when the copy is up to date', () => {
    const again = userkit(app, 'add', 'Avatar')
    expect(again.status).toBe(0)
    expect(again.stdout).not.toContain('wrote')
  })

  it.each([
    [['add', 'Nope'], 'userkit: unknown component "Nope"; run `userkit add --list` to see the 13 components'],
    [['add', 'Avatar', '--dir', 'no/such/folder'], 'userkit: target folder no/such/folder does not exist; create it or pass --dir <folder>'],
    [['remove', 'Avatar'], 'userkit: unknown command "remove"; the command is `userkit add <component>`'],
  ])('userkit %j fails with one line naming the fix', (args, line) => {
    const result = userkit(app, ...args)
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([line])
  })

  it('lists the components', () => {
    const result = userkit(app, 'add', '--list')
    expect(result.status).toBe(0)
    expect(result.stdout.trim().split('\n')).toEqual(components)
  })
})

describe('the shadcn registry', () => {
  it('registry.json follows shadcn’s registry schema', () => {
    const index = v.parse(registrySchema, JSON.parse(readFileSync(join(repoRoot, 'registry.json'), 'utf8')))
    expect(index.items.map((item) => item.type).every((type) => type === 'registry:block' || type === 'registry:ui')).toBe(true)
  })

  it('builds one valid item per component, with the same files as userkit add', () => {
    const out = mkdtempSync(join(tmpdir(), 'userkit-registry-'))
    try {
      const written = buildRegistry(repoRoot, out)
      const index = JSON.parse(readFileSync(join(repoRoot, 'registry.json'), 'utf8')) as RegistryIndex
      expect(written.map((path) => path.slice(out.length + 1))).toEqual(index.items.map((item) => `${item.name}.json`))
      for (const [i, path] of written.entries()) {
        const item = v.parse(registryItemSchema, JSON.parse(readFileSync(path, 'utf8')))
        expect(item.dependencies?.[0]).toBe('userkit')
        for (const file of item.files ?? []) {
          expect(file.content, file.path).toBe(readFileSync(join(app, 'src', file.target!), 'utf8'))
          expect(file.target).toBe(`components/${components[i]}/${file.path.split('/').pop()}`)
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
