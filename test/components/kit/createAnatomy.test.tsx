import { describe, expect, it } from 'vitest'
import { createAnatomy } from '../../../src/components/kit/createAnatomy.js'

describe('createAnatomy', () => {
  const anatomy = createAnatomy('user-list').parts('root', 'search', 'listbox')

  it("names the root with the component's data-uk, and each part with one data-part", () => {
    expect(anatomy.name).toBe('user-list')
    expect(anatomy.parts).toEqual(['root', 'search', 'listbox'])
    expect(anatomy.attrs('root')).toEqual({ 'data-uk': 'user-list', 'data-part': 'root' })
    expect(anatomy.attrs('search')).toEqual({ 'data-part': 'search' })
  })

  it('refuses a part of several tokens, a part named twice, and a bad component name', () => {
    expect(() => createAnatomy('user-list').parts('root', 'button retry')).toThrow(/"button retry" must be one/)
    expect(() => createAnatomy('user-list').parts('root', 'root')).toThrow(/named twice/)
    expect(() => createAnatomy('User List')).toThrow(/not a component name/)
  })
})
