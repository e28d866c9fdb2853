import { describe, expectTypeOf, it } from 'vitest'
import type { LabelOverrides, UserkitLabels } from '../../src/index.js'

// Type tests only: the provider's `labels` prop is typed by what each component adds to UserkitLabels.
describe('labels', () => {
  it('knows every component that declares its labels, with their types', () => {
    expectTypeOf<UserkitLabels['avatar']['avatarOf']>().toEqualTypeOf<(name: string) => string>()
    expectTypeOf<{ avatar: { avatarOf: (name: string) => string } }>().toExtend<LabelOverrides>()
  })

  it('refuses a label a component does not have, and a wrong type', () => {
    // @ts-expect-error no such label
    const unknownLabel: LabelOverrides = { avatar: { avatarName: () => '' } }
    // @ts-expect-error a function is expected
    const wrongType: LabelOverrides = { avatar: { avatarOf: 'Ada' } }
    expectTypeOf(unknownLabel).toEqualTypeOf(wrongType)
  })
})
