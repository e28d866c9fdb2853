// @vitest-environment jsdom
// In the unit project (it starts the test PostgreSQL), hence .ts with createElement rather than JSX.
// jest-dom, and jsdom's stand-ins for layout (UserList windows its rows with virtua).
import '../setup/dom.js'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { createElement } from 'react'
import { afterEach, expect, it } from 'vitest'
import { UserList } from '../../src/components/UserList/index.js'
import { postgresEventBus, postgresStore } from '../../src/server/index.js'
import { createTestDatabase } from '../setup/postgresDatabase.js'
import { createLiveHarness } from './liveHarness.js'

const teardown: (() => Promise<void>)[] = []
afterEach(async () => {
  cleanup()
  for (const step of teardown.splice(0)) await step()
})

it('shows a name changed through one instance on PostgreSQL in a UserList served by the other, with no list request', async () => {
  const database = await createTestDatabase()
  // Each instance its own pool and its own LISTEN connection, as two processes would have.
  const [storeA, storeB] = [postgresStore({ connectionString: database.url }), postgresStore({ connectionString: database.url })]
  const [busA, busB] = [postgresEventBus({ connectionString: database.url }), postgresEventBus({ connectionString: database.url })]
  teardown.push(async () => {
    await Promise.all([busA.close(), busB.close()])
    await Promise.all([storeA.close(), storeB.close()])
    await database.drop()
  })
  const h = createLiveHarness({}, { store: storeA, bus: busA }, { store: storeB, bus: busB })
  await h.seed({ uid: 'ada', name: 'Ada Lovelace' }, { uid: 'bob', name: 'Bob Kahn' })
  await h.loginAs('ada')

  render(createElement(UserList), { wrapper: h.wrapper })
  expect(await screen.findByText('Bob Kahn')).toBeInTheDocument()
  await waitFor(() => expect(h.sent.filter((s) => s.path === '/v3.0/events' && s.answered)).toHaveLength(1))
  const lists = (): number => h.sent.filter((s) => s.method === 'GET' && s.path.startsWith('/v3.0/users')).length
  const before = lists()

  await h.elsewhere.updateUser('bob', { name: 'Robert Kahn' })
  expect(await screen.findByText('Robert Kahn', {}, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.queryByText('Bob Kahn')).not.toBeInTheDocument()
  expect(lists()).toBe(before)
})
