// For every jsdom test file: jest-dom's matchers, and time for answers from the real handler on a
// busy machine (two cores share PGlite, Chromium and jsdom during `npm test`).
import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/react'

configure({ asyncUtilTimeout: 5_000 })

// jsdom has no layout. Virtualized lists (virtua's, in UserList) measure with ResizeObserver and
// only measure rows that have an offsetParent: the stand-ins report what a browser would for the
// default theme — a 384 px listbox (24rem) of 56 px rows — so windowing behaves as on a page.
const LISTBOX_HEIGHT = 384
const ROW_HEIGHT = 56
const layoutHeight = (element: Element): number =>
  element.matches('[role="listbox"]') ? LISTBOX_HEIGHT : element.querySelector(':scope > [role="option"]') ? ROW_HEIGHT : 0
if (typeof window !== 'undefined') {
  globalThis.ResizeObserver ??= class ResizeObserver {
    constructor(private readonly report: ResizeObserverCallback) {}
    observe(target: Element): void {
      const height = layoutHeight(target)
      const entry = { target, contentRect: { width: 320, height } } as unknown as ResizeObserverEntry
      queueMicrotask(() => {
        if (target.isConnected) this.report([entry], this)
      })
    }
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      return this.isConnected ? this.parentElement : null
    },
  })
}

// jsdom has no Element.scrollTo; without layout, scrolling is setting the offsets and saying so.
if (typeof Element !== 'undefined' && !Element.prototype.scrollTo) {
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number) {
    const to = typeof options === 'number' ? { left: options, top: y } : (options ?? {})
    if (to.top !== undefined) this.scrollTop = to.top
    if (to.left !== undefined) this.scrollLeft = to.left
    this.dispatchEvent(new Event('scroll'))
  }
}
