import { describe, expect, it } from 'vitest'
import { rewriteImports } from '../../src/cli/rewriteImports.js'

describe('rewriteImports', () => {
  it('points imports that leave the folder at the public entries, and keeps the rest', () => {
    const source = [
      "import type { User } from '../../model/index.js'",
      "import type { BlockedUsersQuery } from '../../client/index.js'",
      "import { useUser } from '../../react/hooks/useUser.js'",
      "import { cx } from '../shared/cx.js'",
      "import { Avatar } from '../Avatar/Avatar.js'",
      "import { useUserCard } from './useUserCard.js'",
      "import * as v from 'valibot'",
      "export { x } from '../editor/draft.js'",
      "declare module '../../react/context.js' {}",
      "const later = import('../shared/useNow.js')",
    ].join('\n')
    expect(rewriteImports(source, 'UserCard/UserCardView.tsx').split('\n')).toEqual([
      "import type { User } from 'userkit/client'",
      "import type { BlockedUsersQuery } from 'userkit/client'",
      "import { useUser } from 'userkit'",
      "import { cx } from 'userkit/headless'",
      "import { Avatar } from 'userkit'",
      "import { useUserCard } from './useUserCard.js'",
      "import * as v from 'valibot'",
      "export { x } from 'userkit/headless'",
      "declare module 'userkit' {}",
      "const later = import('userkit/headless')",
    ])
  })

  it('points imports of shared markup copied beside the component at the copy, and the rest of a shared file at the entries', () => {
    const copied = new Set(['editor/EditorFields', 'editor/TagInput'])
    expect(rewriteImports("import { EditorFields } from '../editor/EditorFields.js'", 'ProfileEditor/ProfileEditor.tsx', copied)).toBe(
      "import { EditorFields } from './EditorFields.js'",
    )
    const shared = ["import { TagInput } from './TagInput.js'", "import type { EditorView } from './editorView.js'", "import { Avatar } from '../Avatar/Avatar.js'"]
    expect(rewriteImports(shared.join('\n'), 'editor/EditorFields.tsx', copied).split('\n')).toEqual([
      "import { TagInput } from './TagInput.js'",
      "import type { EditorView } from 'userkit/headless'",
      "import { Avatar } from 'userkit'",
    ])
  })
})
