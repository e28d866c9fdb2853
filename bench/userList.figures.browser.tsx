// UserList and UsersTable with 10,000 users in Chromium, beside a plain list of the same rows in the
// same run: time from mount to rows on screen, and rows in the DOM. Printed by `npm run bench`.
import { QueryClient, useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { it } from 'vitest'
import type { UserClient } from '../src/client/index.js'
import { UserList } from '../src/components/UserList/index.js'
import { UserListItem } from '../src/components/UserList/UserListItem.js'
import { UsersTable } from '../src/components/UsersTable/index.js'
import { userListLabels } from '../src/components/UserList/userListLabels.js'
import type { User } from '../src/model/index.js'
import { UserkitProvider, useUserkit } from '../src/react/index.js'
import '../src/styles.css'
import { createStoryBackend, type StoryBackend } from '../stories/support/storyBackend.js'

const USERS = 10_000
const RUNS = 3

/** Every user, a thousand per request (the most a page holds), then every row at once. */
function PlainUserList(): ReactNode {
  const { client } = useUserkit()
  const { data } = useQuery({ queryKey: ['plain', 'all'], queryFn: () => fetchAll(client) })
  if (!data) return <p>Loading…</p>
  return (
    <ul style={{ blockSize: '24rem', overflow: 'auto' }}>
      {data.map((user) => (
        <li key={user.uid} data-part="row">
          <UserListItem user={user} labels={userListLabels} />
        </li>
      ))}
    </ul>
  )
}

async function fetchAll(client: UserClient): Promise<User[]> {
  const users: User[] = []
  for (let page = 1; ; page++) {
    const answer = await client.listUsers({ perPage: 1000, page })
    users.push(...answer.users)
    if (page >= answer.pagination.totalPages) return users
  }
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))

/** Mounts `list`, and measures until its first rows are painted; then unmounts it. */
async function measure(backend: StoryBackend, list: ReactNode): Promise<{ ms: number; rows: number }> {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  const start = performance.now()
  root.render(
    <UserkitProvider client={backend.client} queryClient={new QueryClient()} store={backend.store}>
      {list}
    </UserkitProvider>,
  )
  while (container.querySelector('[data-part="row"]') === null) await nextFrame()
  await nextFrame() // the frame that paints them
  const ms = performance.now() - start
  const rows = container.querySelectorAll('[data-part="row"]').length
  root.unmount()
  container.remove()
  return { ms, rows }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

it('prints UserList and UsersTable beside a plain list, 10,000 users', async () => {
  const users = Array.from({ length: USERS }, (_, index) => ({
    uid: `user-${String(index).padStart(5, '0')}`,
    name: `User ${index}`,
    statusMessage: index % 3 === 0 ? 'Around' : '',
  }))
  const backend = await createStoryBackend({ users, loginAs: 'user-00000' })
  const virtual: { ms: number; rows: number }[] = []
  const table: { ms: number; rows: number }[] = []
  const plain: { ms: number; rows: number }[] = []
  // Alternating, so both meet the same machine; the first of each warms up and is dropped.
  for (let run = 0; run <= RUNS; run++) {
    const v = await measure(backend, <UserList showFilters={false} />)
    const t = await measure(backend, <UsersTable perPage={100} />)
    const p = await measure(backend, <PlainUserList />)
    if (run > 0) virtual.push(v), table.push(t), plain.push(p)
  }
  const virtualMs = median(virtual.map((m) => m.ms))
  const plainMs = median(plain.map((m) => m.ms))
  const tableMs = median(table.map((m) => m.ms))
  console.log(`\nUserList, ${USERS.toLocaleString('en')} users, Chromium (median of ${RUNS})\n`)
  // console.table does not reach the terminal from the browser: plain lines.
  console.log(
    [
      `UserList (virtualized, pages of 50): ${Math.round(virtualMs)} ms to first rows, ${virtual[0]?.rows} rows in the DOM`,
      `UsersTable (pages of 100):            ${Math.round(tableMs)} ms to first rows, ${table[0]?.rows} rows in the DOM`,
      `plain list (every row):              ${Math.round(plainMs)} ms to first rows, ${plain[0]?.rows} rows in the DOM`,
      `plain ÷ UserList: ${(plainMs / virtualMs).toFixed(1)}x the time, ${((plain[0]?.rows ?? 0) / (virtual[0]?.rows ?? 1)).toFixed(0)}x the rows`,
      `plain ÷ UsersTable: ${(plainMs / tableMs).toFixed(1)}x the time, ${((plain[0]?.rows ?? 0) / (table[0]?.rows ?? 1)).toFixed(0)}x the rows`,
    ].join('\n') + '\n',
  )
}, 300_000)
