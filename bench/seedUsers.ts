import type { UserStore } from '../src/server/index.js'
import { benchUser } from './benchUser.js'

/** `count` users named deterministically, inserted straight into the store. */
export async function seedUsers(store: UserStore, count: number): Promise<string[]> {
  const uids: string[] = []
  for (let i = 0; i < count; i++) {
    const user = benchUser(i)
    await store.createUser(user)
    uids.push(user.uid)
  }
  return uids
}
