import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { measureBatching, mountManyUsers, nameOf } from './figures.js'

afterEach(cleanup)

describe('useUser batching', () => {
  it('sends one request for 100 components asking for 60 distinct users at once', async () => {
    const { h, uids } = await mountManyUsers({ components: 100, distinct: 60 })

    expect(h.sent).toHaveLength(1)
    const [request] = h.sent
    expect(request!.method).toBe('GET')
    const url = new URL(request!.path, 'http://x')
    expect(url.pathname).toBe('/v3.0/users')
    expect(url.searchParams.get('uids')?.split(',').sort()).toEqual([...new Set(uids)].sort())
  })

  it('sends one request per distinct user with batchGetUser: false', async () => {
    const { h, uids } = await mountManyUsers({ components: 100, distinct: 60, batchGetUser: false })

    expect(h.sent).toHaveLength(60)
    expect(h.sent.map((sent) => sent.path).sort()).toEqual([...new Set(uids)].map((uid) => `/v3.0/users/${uid}`).sort())
  })

  it.each([true, false])('shows each component its own user, and a missing uid an error in its own components only (batching %s)', async (batchGetUser) => {
    const { uids, missing } = await mountManyUsers({ components: 100, distinct: 60, batchGetUser })

    const items = within(screen.getByRole('list', { name: 'users' })).getAllByRole('listitem')
    expect(items).toHaveLength(100)
    items.forEach((item, i) => {
      const uid = uids[i]!
      expect(item.textContent).toBe(uid === missing ? `${uid}: ERR_UID_NOT_FOUND` : `${uid}: ${nameOf(uid)}`)
    })
    expect(screen.getAllByText(/ERR_UID_NOT_FOUND/)).toHaveLength(uids.filter((uid) => uid === missing).length)
    expect(uids.filter((uid) => uid === missing)).toHaveLength(2)
  })

  it('reports the figures for the benchmark: 1 request batched, 60 unbatched', async () => {
    expect(await measureBatching()).toEqual({ batched: 1, unbatched: 60 })
  })
})
