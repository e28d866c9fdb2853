import { expect } from 'vitest'
import type { StoredUser } from '../../src/server/index.js'
import { full, type Answer, type ContractEnv, type Credential } from './harness.js'

/** The uid of the user whose role (`admin`) may manage users, on the client API surface. */
export const MANAGER_UID = 'boss'

/** A surface on which users can be created, updated and deactivated, with the credential that may do it. */
export interface ManagingSurface {
  name: string
  prefix: '/v3' | '/v3.0'
  /** Sets up whatever the credential needs (the manager user) and returns it. */
  credential(env: ContractEnv): Promise<Credential>
}

export const restSurface: ManagingSurface = {
  name: 'REST API with the fullAccess key',
  prefix: '/v3',
  credential: async () => full,
}

export const clientSurface: ManagingSurface = {
  name: 'client API with a manager token',
  prefix: '/v3.0',
  credential: async (env) => ({ authToken: await managerToken(env) }),
}

export const managingSurfaces: ManagingSurface[] = [restSurface, clientSurface]

/** Creates the `admin` user `boss` and returns a token of theirs. */
export async function managerToken(env: ContractEnv): Promise<string> {
  await env.createUser({ uid: MANAGER_UID, name: 'Boss', role: 'admin' })
  return env.tokenFor(MANAGER_UID)
}

/** A fresh token of a new `default` user: it may read users but manage nobody. */
export async function plainToken(env: ContractEnv, uid = 'pat'): Promise<string> {
  await env.createUser({ uid, name: uid })
  return env.tokenFor(uid)
}

/** Asserts a 400 whose details name exactly `field`; `label` says which case failed. */
export function expectBadRequest(answer: Answer, field: string, label = ''): void {
  expect(answer.status, `${label} ${JSON.stringify(answer.body)}`).toBe(400)
  expect(answer.body.error.code).toBe('ERR_BAD_REQUEST')
  expect(Object.keys(answer.body.error.details), label).toEqual([field])
  expect(answer.body.error.details[field].length).toBeGreaterThan(0)
  for (const message of answer.body.error.details[field]) expect(typeof message).toBe('string')
}

/** Asserts the failure envelope with this status and code. */
export function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status)
  expect(answer.body.error.code).toBe(code)
  expect(typeof answer.body.error.message).toBe('string')
}

/** The user as the store holds it, straight from the store (no handler in between). */
export async function stored(env: ContractEnv, uid: string): Promise<StoredUser | null> {
  return env.store.getUser(uid)
}
