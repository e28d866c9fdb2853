import { expect } from 'vitest'
import type { ListUsersParams, StoredUser, UserStore } from '../../../src/server/store/index.js'

export type GetStore = () => UserStore

export const T0 = 1_700_000_000

/** A minimal valid user; `fields` override. */
export function aUser(uid: string, fields: Partial<StoredUser> = {}): StoredUser {
  return { uid, name: uid, role: 'default', status: 'offline', createdAt: T0, updatedAt: T0, ...fields }
}

export async function seed(store: UserStore, users: readonly StoredUser[]): Promise<void> {
  for (const user of users) expect(await store.createUser(user)).toBe(true)
}

/** Everyone, deactivated included, by name ascending, in one page. */
export const everyone: ListUsersParams = { limit: 1000, offset: 0, deactivated: 'include', sortBy: 'name', sortOrder: 'asc' }

export async function listUids(store: UserStore, params: Partial<ListUsersParams>): Promise<string[]> {
  const { users } = await store.listUsers({ ...everyone, ...params })
  return users.map((user) => user.uid)
}
