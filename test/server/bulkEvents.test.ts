import { afterEach, expect, it } from 'vitest'
import { memoryStore } from '../../src/server/index.js'
import { eventsEnv, FULL_KEY, type Probe } from '../events/eventsHarness.js'

let probes: Probe[] = []
afterEach(async () => {
  await Promise.all(probes.map((p) => p.close()))
  probes = []
})

// A bulk action is each user's change, as a single edit would make it: live views hear every one.
it('publishes one event per user a bulk action or an import changed, and none for a user it left alone', async () => {
  const env = eventsEnv(memoryStore())
  for (const uid of ['ann', 'ben', 'cat']) await env.admin.createUser({ uid, name: uid, tags: uid === 'cat' ? [] : ['staff'] })
  const watch = env.stream({ apiKey: FULL_KEY })
  probes.push(watch)
  expect((await watch.next())?.type).toBe('ready')

  await env.admin.bulkUsers({ action: 'setRole', role: 'admin', target: { filter: { tags: ['staff'] } } })
  const roles = [await watch.event(), await watch.event()]
  expect(roles.map((event) => [event.type, event.uid, 'user' in event ? event.user?.role : undefined]).sort()).toEqual([
    ['user.updated', 'ann', 'admin'],
    ['user.updated', 'ben', 'admin'],
  ])
  await env.admin.bulkUsers({ action: 'deactivate', target: { uids: ['cat'] } })
  expect(await watch.event()).toMatchObject({ type: 'user.deactivated', uid: 'cat' })
  const report = await env.admin.importUsers('uid,name\r\nann,ann\r\nben,Benjamin\r\n')
  expect(report).toMatchObject({ unchanged: 1, updated: 1 })
  expect(await watch.event()).toMatchObject({ type: 'user.updated', uid: 'ben', user: { name: 'Benjamin' } })
})
