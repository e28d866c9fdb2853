import { afterEach, beforeEach, describe } from 'vitest'
import type { UserStore } from '../../src/server/store/index.js'
import { blockCases } from './cases/blocks.js'
import { listCases } from './cases/list.js'
import { listCombinationCases } from './cases/listCombinations.js'
import { tokenCases } from './cases/tokens.js'
import { userCases } from './cases/users.js'

/**
 * The one suite every `UserStore` passes. `makeStore` gives an empty store for each test; the
 * suite closes it afterwards.
 */
export function describeStore(name: string, makeStore: () => UserStore | Promise<UserStore>): void {
  describe(name, () => {
    let current: UserStore | undefined
    const store = (): UserStore => {
      if (!current) throw new Error('describeStore: no store yet (beforeEach did not run)')
      return current
    }
    beforeEach(async () => {
      current = await makeStore()
    })
    afterEach(async () => {
      await current?.close()
      current = undefined
    })

    describe('users', () => userCases(store))
    describe('listUsers', () => listCases(store))
    describe('listUsers combinations', () => listCombinationCases(store))
    describe('tokens', () => tokenCases(store))
    describe('blocks', () => blockCases(store))
  })
}
