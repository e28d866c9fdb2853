import type { StoredUser, UserStore } from '../src/server/index.js'

const given = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Frances', 'John', 'Åsa', 'Jürgen', '美咲', 'Олег']
const family = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Allen', 'Backus']

/** `count` users named deterministically, inserted straight into the store. */
export async function seedUsers(store: UserStore, count: number): Promise<string[]> {
  const uids: string[] = []
  for (let i = 0; i < count; i++) {
    const name = `${given[i % given.length]} ${family[Math.floor(i / given.length) % family.length]} ${i}`
    const user: StoredUser = {
      uid: `user-${i}`,
      name,
      role: i % 50 === 0 ? 'admin' : 'default',
      status: i % 3 === 0 ? 'online' : 'offline',
      tags: [`team-${i % 20}`],
      metadata: { department: `dept-${i % 7}` },
      createdAt: 1_800_000_000 + i,
      updatedAt: 1_800_000_000 + i,
    }
    await store.createUser(user)
    uids.push(user.uid)
  }
  return uids
}
