import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Avatar, avatarHue, initials } from '../../src/components/Avatar/index.js'
import { UserkitProvider } from '../../src/react/index.js'
import { createReactHarness } from '../react/harness.js'

afterEach(cleanup)

describe('initials', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr.', 'HS'],
    ['grace', 'G'],
    ['  ', '?'],
    ['— ·', '?'],
    ['مريم ميرزاخاني', 'مم'],
    ['Émile Zola', 'ÉZ'],
    ['👩🏽‍💻 Coder', 'C'],
    ['N\u0300ora Smith', 'N\u0300S'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected)
  })

  it('upper-cases by the locale', () => {
    expect(initials('ilhan irem', 'tr')).toBe('İİ')
  })
})

it('gives each uid its own hue, the same every time', () => {
  expect(avatarHue('ada')).toBe(avatarHue('ada'))
  const hues = new Set(['ada', 'grace', 'alan', 'katherine', 'linus', 'tim'].map(avatarHue))
  expect(hues.size).toBeGreaterThan(4)
  for (const hue of hues) expect(hue).toBeGreaterThanOrEqual(0), expect(hue).toBeLessThan(360)
})

describe('Avatar', () => {
  it('shows the picture once loaded, the initials until then', () => {
    render(<Avatar user={{ uid: 'ada', name: 'Ada Lovelace', avatar: 'https://example.com/ada.png' }} />)
    const avatar = screen.getByRole('img', { name: 'Ada Lovelace' })
    expect(avatar).toHaveProperty('dataset.state', 'loading')
    expect(avatar.textContent).toBe('AL')
    const picture = avatar.querySelector('img') as HTMLImageElement
    expect(picture.getAttribute('src')).toBe('https://example.com/ada.png')
    fireEvent.load(picture)
    expect(avatar).toHaveProperty('dataset.state', 'image')
    expect(avatar.textContent).toBe('')
  })

  it('falls back to the initials when the picture fails, and tries a new URL afresh', () => {
    const user = { uid: 'ada', name: 'Ada Lovelace', avatar: 'https://example.com/gone.png' }
    const { rerender } = render(<Avatar user={user} />)
    fireEvent.error(screen.getByRole('img').querySelector('img') as HTMLImageElement)
    expect(screen.getByRole('img')).toHaveProperty('dataset.state', 'fallback')
    expect(screen.getByRole('img').querySelector('img')).toBeNull()
    rerender(<Avatar user={{ ...user, avatar: 'https://example.com/new.png' }} />)
    expect(screen.getByRole('img')).toHaveProperty('dataset.state', 'loading')
  })

  it.each(['javascript:alert(1)', 'data:image/png;base64,AAAA', '/relative.png', 'ftp://example.com/a.png'])(
    'never loads %s',
    (avatar) => {
      render(<Avatar user={{ uid: 'm', name: 'Mallory', avatar }} />)
      expect(screen.getByRole('img', { name: 'Mallory' })).toHaveProperty('dataset.state', 'fallback')
      expect(document.querySelector('img')).toBeNull()
    },
  )

  it('says the presence when the dot is shown, and is hidden from screen readers when decorative', () => {
    const { rerender } = render(<Avatar user={{ uid: 'ada', name: 'Ada', status: 'online' }} showPresence />)
    expect(screen.getByRole('img', { name: 'Ada (online)' })).toBeTruthy()
    expect(document.querySelector('[data-part="presence"]')).toHaveProperty('dataset.state', 'online')
    rerender(<Avatar user={{ uid: 'ada', name: 'Ada' }} decorative />)
    expect(screen.queryByRole('img')).toBeNull()
    expect(document.querySelector('[data-uk="avatar"]')?.getAttribute('aria-hidden')).toBe('true')
  })

  it('takes its words from the provider, and its own labels over those', () => {
    const h = createReactHarness()
    const labels = { avatar: { avatarOf: (name: string) => `Bild von ${name}` } }
    const { rerender } = render(
      <UserkitProvider client={h.client} queryClient={h.queryClient} labels={labels}>
        <Avatar user={{ uid: 'ada', name: 'Ada' }} />
      </UserkitProvider>,
    )
    expect(screen.getByRole('img', { name: 'Bild von Ada' })).toBeTruthy()
    rerender(
      <UserkitProvider client={h.client} queryClient={h.queryClient} labels={labels}>
        <Avatar user={{ uid: 'ada', name: 'Ada' }} labels={{ avatarOf: (name) => `Photo de ${name}` }} />
      </UserkitProvider>,
    )
    expect(screen.getByRole('img', { name: 'Photo de Ada' })).toBeTruthy()
  })

  it('passes className and other props to its root', () => {
    render(<Avatar user={{ uid: 'ada', name: 'Ada' }} className="mine" title="Ada" size="xl" />)
    const root = screen.getByRole('img')
    expect(root.className).toBe('uk-avatar mine')
    expect(root.getAttribute('title')).toBe('Ada')
    expect(root).toHaveProperty('dataset.size', 'xl')
  })
})
