import { createRef, type MouseEvent } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { mergeProps } from '../../../src/components/kit/mergeProps.js'

/** Enough of a click for a handler: a real `Event`, so `preventDefault()` sets `defaultPrevented`. */
const click = (): MouseEvent => {
  const event = new Event('click', { cancelable: true })
  return event as unknown as MouseEvent
}

describe('mergeProps', () => {
  it("gives every plain prop to the caller: their id and type replace ours", () => {
    expect(mergeProps({ id: 'ours', type: 'button', role: 'group' }, { id: 'theirs', type: 'submit' })).toEqual({
      id: 'theirs',
      type: 'submit',
      role: 'group',
    })
  })

  it("leaves ours in place where the caller's prop is undefined", () => {
    expect(mergeProps({ id: 'ours', className: 'a' }, { id: undefined, className: undefined })).toEqual({ id: 'ours', className: 'a' })
  })

  it('joins class names, ours first, and ids in aria-describedby / aria-labelledby, theirs first, each once', () => {
    const merged = mergeProps(
      { className: 'uk-x', 'aria-describedby': 'error', 'aria-labelledby': 'title' },
      { className: 'mine uk-x', 'aria-describedby': 'hint error', 'aria-labelledby': 'heading' },
    )
    expect(merged.className).toBe('uk-x mine')
    expect(merged['aria-describedby']).toBe('hint error')
    expect(merged['aria-labelledby']).toBe('heading title')
  })

  it("merges style objects, the caller's keys winning", () => {
    expect(mergeProps({ style: { overflowY: 'auto', blockSize: '24rem' } }, { style: { blockSize: '10rem', color: 'red' } }).style).toEqual({
      overflowY: 'auto',
      blockSize: '10rem',
      color: 'red',
    })
  })

  it("runs the caller's handler first, then ours", () => {
    const calls: string[] = []
    const merged = mergeProps({ onClick: (_event: MouseEvent) => calls.push('ours') }, { onClick: (_event: MouseEvent) => calls.push('theirs') })
    merged.onClick(click())
    expect(calls).toEqual(['theirs', 'ours'])
  })

  it('skips ours when the caller called preventDefault()', () => {
    const ours = vi.fn<(event: MouseEvent) => void>()
    const merged = mergeProps({ onClick: ours }, { onClick: (event: MouseEvent) => event.preventDefault() })
    merged.onClick(click())
    expect(ours).not.toHaveBeenCalled()
  })

  it('passes every argument through, for handlers that receive no event', () => {
    const ours = vi.fn<(value: string, count: number) => void>()
    const theirs = vi.fn<(value: string, count: number) => void>()
    mergeProps({ onValueChange: ours }, { onValueChange: theirs }).onValueChange('a', 2)
    expect(theirs).toHaveBeenCalledWith('a', 2)
    expect(ours).toHaveBeenCalledWith('a', 2)
  })

  it("sets both refs, the caller's object ref and our callback", () => {
    const theirs = createRef<HTMLDivElement>()
    const ours = vi.fn()
    const node = document.createElement('div')
    const merged = mergeProps({ ref: ours }, { ref: theirs })
    ;(merged.ref as (node: HTMLDivElement | null) => void)(node)
    expect(theirs.current).toBe(node)
    expect(ours).toHaveBeenCalledWith(node)
  })

  it('keeps a handler of the caller where we have none', () => {
    const theirs = vi.fn()
    expect(mergeProps({ id: 'x' }, { onFocus: theirs }).onFocus).toBe(theirs)
  })
})
