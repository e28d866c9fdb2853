import { authOnly, full, type ContractEnv, type Credential } from './harness.js'

/** Every kind of credential a request can come with, in the order of the access table's columns. */
export const credentialKinds = [
  'none',
  'unknownKey',
  'authOnlyKey',
  'fullAccessKey',
  'ownToken',
  'otherToken',
  'managerToken',
  'revokedToken',
  'deactivatedToken',
  'unknownToken',
] as const

export type CredentialKind = (typeof credentialKinds)[number]

/**
 * Users `ada` (default: the target of every path), `root` (admin, may manage users), `eve` and `bob`
 * (default) and `zed` (deactivated after a token was issued to it); ada holds a live token and a
 * revoked one, and has blocked root.
 */
export interface CredentialFixture {
  credential(kind: CredentialKind): Credential
  /** Ada's live token, for paths that name a token. */
  adaToken: string
  /** Every token issued, revoked ones included, for a snapshot of the store. */
  tokens: string[]
}

export async function credentialFixture(env: ContractEnv): Promise<CredentialFixture> {
  for (const [uid, role] of [['ada'], ['root', 'admin'], ['eve'], ['bob'], ['zed']] as const) {
    await env.createUser({ uid, name: uid.toUpperCase(), ...(role ? { role } : {}) })
  }
  const tokens = {
    ada: await env.tokenFor('ada'),
    revoked: await env.tokenFor('ada'),
    root: await env.tokenFor('root'),
    eve: await env.tokenFor('eve'),
    zed: await env.tokenFor('zed'),
  }
  const admin = env.client(full)
  await admin.revokeAuthToken('ada', tokens.revoked)
  await admin.deactivateUser('zed')
  await env.client({ authToken: tokens.ada }).blockUsers(['root'])
  // Anything a request writes from now on carries a later time than the fixture.
  env.advance(60)

  const byKind: Record<CredentialKind, Credential> = {
    none: {},
    unknownKey: { apiKey: 'no-such-key' },
    authOnlyKey: authOnly,
    fullAccessKey: full,
    ownToken: { authToken: tokens.ada },
    otherToken: { authToken: tokens.eve },
    managerToken: { authToken: tokens.root },
    revokedToken: { authToken: tokens.revoked },
    deactivatedToken: { authToken: tokens.zed },
    unknownToken: { authToken: 'no-such-token' },
  }
  return { credential: (kind) => byKind[kind], adaToken: tokens.ada, tokens: Object.values(tokens) }
}
