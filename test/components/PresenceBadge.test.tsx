import { act, cleanup, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createUserClient } from '../../src/client/index.js'
import { PresenceBadge } from '../../src/components/PresenceBadge/index.js'
import { relativeTime } from '../../src/components/PresenceBadge/relativeTime.js'
import { UserkitProvider } from '../../src/react/index.js'

const NOW = Date.UTC(2024, 5, 3, 12, 0, 0)
const secondsAgo = (seconds: number): number => Math.floor(NOW / 1000) - seconds

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const badge = (): HTMLElement => document.querySelector("[data-uk='presence-badge']") as HTMLElement

describe('PresenceBadge', () => {
  it('says online, with no time', () => {
    render(<PresenceBadge user={{ status: 'online', lastActiveAt: secondsAgo(600) }} />)
    expect(badge().textContent).toBe('Online')
    expect(badge().getAttribute('data-state')).toBe('online')
    expect(badge().querySelector('time')).toBeNull()
  })

  it('says offline when no last activity is known', () => {
    render(<PresenceBadge status="offline" />)
    expect(badge().textContent).toBe('Offline')
  })

  it('says how long ago in a <time> with the machine date and the full date as title', () => {
    render(<PresenceBadge user={{ status: 'offline', lastActiveAt: secondsAgo(5 * 60) }} />)
    const time = badge().querySelector('time') as HTMLTimeElement
    expect(time.textContent).toBe('Active 5 minutes ago')
    expect(time.getAttribute('datetime')).toBe(new Date((NOW / 1000 - 300) * 1000).toISOString())
    expect(time.title).toMatch(/2024/)
    expect(time.title).toMatch(/Monday/)
  })

  it('keeps the time true as time passes: just now, minutes, hours, days', async () => {
    render(<PresenceBadge status="offline" lastActiveAt={secondsAgo(20)} />)
    expect(badge().textContent).toBe('Active just now')

    await act(() => vi.advanceTimersByTimeAsync(50_000))
    expect(badge().textContent).toBe('Active 1 minute ago')

    await act(() => vi.advanceTimersByTimeAsync(4 * 60_000))
    expect(badge().textContent).toBe('Active 5 minutes ago')

    await act(() => vi.advanceTimersByTimeAsync(60 * 60_000))
    expect(badge().textContent).toBe('Active 1 hour ago')

    await act(() => vi.advanceTimersByTimeAsync(24 * 60 * 60_000))
    expect(badge().textContent).toBe('Active yesterday')

    await act(() => vi.advanceTimersByTimeAsync(2 * 24 * 60 * 60_000))
    expect(badge().textContent).toBe('Active 3 days ago')
  })

  it('explicit props win over the user', () => {
    render(<PresenceBadge user={{ status: 'online' }} status="offline" lastActiveAt={secondsAgo(2 * 3600)} />)
    expect(badge().textContent).toBe('Active 2 hours ago')
  })

  it("speaks the provider's locale and labels; a component's own labels win", () => {
    const client = createUserClient({ baseUrl: 'http://userkit.test' })
    const wrapper = ({ children }: { children: ReactNode }): ReactNode => (
      <UserkitProvider client={client} locale="de" labels={{ presenceBadge: { activeAgo: (ago) => `Aktiv ${ago}`, online: 'Online' } }}>
        {children}
      </UserkitProvider>
    )
    render(
      <>
        <PresenceBadge status="offline" lastActiveAt={secondsAgo(3 * 3600)} />
        <PresenceBadge status="offline" lastActiveAt={secondsAgo(10)} labels={{ activeJustNow: 'Gerade eben aktiv' }} />
      </>,
      { wrapper },
    )
    expect(screen.getByText('Aktiv vor 3 Stunden')).toBeTruthy()
    expect(screen.getByText('Aktiv vor 3 Stunden').getAttribute('title')).toMatch(/Montag/)
    expect(screen.getByText('Gerade eben aktiv')).toBeTruthy()
  })

  it('takes className and spreads the rest on the root', () => {
    render(<PresenceBadge status="online" className="mine" id="presence" />)
    expect(badge().classList.contains('mine')).toBe(true)
    expect(badge().id).toBe('presence')
  })
})

describe('relativeTime', () => {
  it('picks the largest unit that fits, floored; the future is just now', () => {
    expect(relativeTime(NOW - 59_999, NOW)).toEqual({ unit: 'second', value: 59 })
    expect(relativeTime(NOW - 60_000, NOW)).toEqual({ unit: 'minute', value: 1 })
    expect(relativeTime(NOW - 3_599_999, NOW)).toEqual({ unit: 'minute', value: 59 })
    expect(relativeTime(NOW - 3_600_000, NOW)).toEqual({ unit: 'hour', value: 1 })
    expect(relativeTime(NOW - 86_400_000 * 3, NOW)).toEqual({ unit: 'day', value: 3 })
    expect(relativeTime(NOW + 5_000, NOW)).toEqual({ unit: 'second', value: 0 })
  })
})
