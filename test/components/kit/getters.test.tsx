import { cleanup, render, screen } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import type { MouseEvent } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { UserCard, useUserCard } from '../../../src/components/UserCard/index.js'
import { UserkitError, type User } from '../../../src/model/index.js'

afterEach(cleanup)

const failed = new UserkitError('ERR_NETWORK', 'offline')

function Retry({ onRetry, onClick }: { onRetry: () => void; onClick: (event: MouseEvent<HTMLButtonElement>) => void }) {
  const card = useUserCard({ user: undefined, error: failed, onRetry })
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <button {...card.getRetryProps({ id: 'again', type: 'submit', className: 'mine', onClick })}>{card.labels.retry}</button>
    </form>
  )
}

describe("a getter and the app's props", () => {
  it("keeps the app's id, type and class, and runs the app's onClick before its own", async () => {
    const calls: string[] = []
    render(<Retry onRetry={() => calls.push('retry')} onClick={() => calls.push('app')} />)
    const button = screen.getByRole('button', { name: 'Try again' })
    expect(button.id).toBe('again')
    expect(button.getAttribute('type')).toBe('submit')
    expect(button.className).toBe('mine')
    expect(button.dataset.part).toBe('retry')
    await userEvent.setup().click(button)
    expect(calls).toEqual(['app', 'retry'])
  })

  it("leaves its own action out when the app's onClick prevents the default", async () => {
    const onRetry = vi.fn()
    render(<Retry onRetry={onRetry} onClick={(event) => event.preventDefault()} />)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }))
    expect(onRetry).not.toHaveBeenCalled()
  })

  it('gives no text: a bare element over a getter is empty, the words are the markup’s', () => {
    function Bare() {
      const card = useUserCard({ user: undefined, error: failed, onRetry: () => {} })
      return <button {...card.getRetryProps()} />
    }
    render(<Bare />)
    expect(screen.getByRole('button').textContent).toBe('')
  })

  it('puts one token in every data-part a component renders', () => {
    const ada: User = {
      uid: 'ada',
      name: 'Ada Lovelace',
      role: 'admin',
      status: 'online',
      statusMessage: 'Computing',
      link: 'https://example.com/ada',
      tags: ['a', 'b'],
      blockedByMe: true,
      createdAt: 1,
      updatedAt: 1,
    }
    const { container } = render(<UserCard user={ada} />)
    const parts = [...container.querySelectorAll<HTMLElement>('[data-part]')].map((node) => node.dataset.part ?? '')
    expect(parts.length).toBeGreaterThan(10)
    expect(parts.filter((part) => /\s/.test(part))).toEqual([])
  })
})
