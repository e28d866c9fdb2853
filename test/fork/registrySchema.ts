import * as v from 'valibot'

// shadcn's registry schemas (https://ui.shadcn.com/schema/registry-item.json and registry.json), as
// its docs and its `registryItemSchema` define them: the shadcn CLI is not a dependency here, and the
// test must not need the network. Objects are strict where shadcn's are, loose where it allows more.
const itemType = v.picklist([
  'registry:lib',
  'registry:block',
  'registry:component',
  'registry:ui',
  'registry:hook',
  'registry:page',
  'registry:file',
  'registry:theme',
  'registry:style',
  'registry:item',
  'registry:example',
  'registry:internal',
])

// registry:file and registry:page must say where they go; the others may.
const file = v.variant('type', [
  v.strictObject({ path: v.string(), content: v.optional(v.string()), type: v.picklist(['registry:file', 'registry:page']), target: v.string() }),
  v.strictObject({
    path: v.string(),
    content: v.optional(v.string()),
    type: v.picklist(['registry:lib', 'registry:block', 'registry:component', 'registry:ui', 'registry:hook', 'registry:theme', 'registry:style', 'registry:item', 'registry:example', 'registry:internal']),
    target: v.optional(v.string()),
  }),
])

const cssVars = v.record(v.string(), v.string())

export const registryItemSchema = v.strictObject({
  $schema: v.optional(v.string()),
  extends: v.optional(v.string()),
  name: v.pipe(v.string(), v.minLength(1)),
  type: itemType,
  title: v.optional(v.string()),
  author: v.optional(v.pipe(v.string(), v.minLength(2))),
  description: v.optional(v.string()),
  dependencies: v.optional(v.array(v.string())),
  devDependencies: v.optional(v.array(v.string())),
  registryDependencies: v.optional(v.array(v.string())),
  files: v.optional(v.array(file)),
  cssVars: v.optional(v.object({ theme: v.optional(cssVars), light: v.optional(cssVars), dark: v.optional(cssVars) })),
  css: v.optional(v.record(v.string(), v.unknown())),
  envVars: v.optional(v.record(v.string(), v.string())),
  meta: v.optional(v.record(v.string(), v.unknown())),
  docs: v.optional(v.string()),
  categories: v.optional(v.array(v.string())),
})

export const registrySchema = v.strictObject({
  $schema: v.optional(v.string()),
  name: v.pipe(v.string(), v.minLength(1)),
  homepage: v.pipe(v.string(), v.url()),
  items: v.array(registryItemSchema),
})
