import type { StoredUser } from '../src/server/index.js'

/**
 * The name parts the bench users are built from; non-ASCII ones included so that lowercasing and
 * search are exercised beyond ASCII.
 */
export const benchNames = {
  given: ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Frances', 'John', 'Åsa', 'Jürgen', '美咲', 'Олег'],
  family: ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Allen', 'Backus'],
} as const

/** The `i`-th bench user, the same every run: seedUsers inserts it, bulk seeding writes it in SQL. */
export function benchUser(i: number): StoredUser {
  const { given, family } = benchNames
  return {
    uid: `user-${i}`,
    name: `${given[i % given.length]} ${family[Math.floor(i / given.length) % family.length]} ${i}`,
    role: i % 50 === 0 ? 'admin' : 'default',
    status: i % 3 === 0 ? 'online' : 'offline',
    tags: [`team-${i % 20}`],
    metadata: { department: `dept-${i % 7}` },
    createdAt: 1_800_000_000 + i,
    updatedAt: 1_800_000_000 + i,
  }
}
