import { afterAll, beforeAll, expect, it } from 'vitest'
import { nodeRuntime } from './nodeRuntime.js'
import * as acts from './sdkActs.js'
import type { Act, SdkRuntime } from './sdkRuntime.js'
import { APP_ID, AUTH_KEY, FULL_KEY, startSdkServer, type SdkServer } from './sdkServer.js'

// Once the SDK holds app settings it builds every URL from them, whatever hosts the app gave it
// (shared/COMETCHAT-SDK.md): each call below must land on this server, under the paths the
// settings imply, and succeed.

let server: SdkServer
let sdk: SdkRuntime
const sent: string[] = []

beforeAll(async () => {
  server = await startSdkServer()
  sdk = await nodeRuntime(server.host, APP_ID)
  // The runtime's fetch shim is in place; record what the SDK asks for on top of it.
  const shim = globalThis.fetch
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
    sent.push(`${init?.method ?? 'GET'} ${url.host === server.host ? '' : url.host}${url.pathname}`)
    return shim(input, init)
  }
}, 30_000)

afterAll(async () => {
  await sdk?.close()
  await server?.close()
})

const getAppSettings: Act<null, Record<string, unknown>> = async (s) => (await s.CometChat.getAppSettings()) as Record<string, unknown>
const isFeatureEnabled: Act<{ feature: string }, boolean> = async (s, { feature }) => s.CometChat.isFeatureEnabled(feature)

it('answers GET /v3.0/settings (the SDK asks once logged in) with this server as every host, and no feature on', async () => {
  expect(await sdk.run(acts.createUser, { uid: 'first', name: 'First User', key: AUTH_KEY })).toMatchObject({ ok: true })
  expect(await sdk.run(acts.loginWithKey, { uid: 'first', key: AUTH_KEY })).toMatchObject({ ok: true })
  sent.length = 0
  const settings = await sdk.run(getAppSettings, null)
  const [hostname, port] = server.host.split(':')
  expect(settings).toEqual({
    ok: true,
    value: expect.objectContaining({
      CHAT_API_VERSION: 'v3.0',
      CLIENT_API_HOST: server.host,
      ADMIN_API_HOST: `${server.host}/v3`,
      CHAT_HOST: hostname,
      CHAT_WSS_PORT: port,
      ANALYTICS_PING_DISABLED: true,
      parameters: {},
    }),
  })
  expect(sent).toEqual(['GET /v3.0/settings'])
  await expect(sdk.run(isFeatureEnabled, { feature: 'core.pin-message.enabled' })).resolves.toEqual({ ok: true, value: false })
})

it('keeps every admin and client call the SDK then builds on this server, and each succeeds', async () => {
  sent.length = 0
  const created = await sdk.run(acts.createUser, { uid: 'Settled', name: 'Settled User', key: AUTH_KEY })
  expect(created).toMatchObject({ ok: true, value: { uid: 'settled', name: 'Settled User' } })
  const updated = await sdk.run(acts.updateUser, { uid: 'settled', name: 'Settled Again', role: 'default', tags: ['t'], metadata: {}, key: FULL_KEY })
  expect(updated).toMatchObject({ ok: true, value: { name: 'Settled Again', tags: ['t'] } })
  expect(await sdk.run(acts.getUser, { uid: 'settled' })).toMatchObject({ ok: true, value: { uid: 'settled' } })
  expect(await sdk.run(acts.listUsers, { limit: 10, maxPages: 2 })).toMatchObject({ ok: true })
  const loggedIn = await sdk.run(acts.loginWithKey, { uid: 'settled', key: AUTH_KEY })
  expect(loggedIn).toMatchObject({ ok: true, value: { uid: 'settled', status: 'online' } })
  expect(await sdk.run(acts.logout, null)).toMatchObject({ ok: true })
  // The version follows the admin host: /v3/v3.0 serves the REST API as /v3 does.
  expect(sent).toEqual([
    'POST /v3/v3.0/users',
    'PUT /v3/v3.0/users/settled',
    'GET /v3.0/users/settled',
    'GET /v3.0/users',
    'GET /v3.0/users',
    // Logging in as someone else clears the SDK's cache, settings included: the overrides again.
    'POST /v3/users/settled/auth_tokens',
    'PUT /v3.0/me',
    'DELETE /v3.0/me',
  ])
})

it('serves the REST API under /v3/v3.0 with the same credentials as /v3', async () => {
  expect(await server.call('GET', '/v3/v3.0/users/settled', { apiKey: FULL_KEY })).toMatchObject({ data: { uid: 'settled' } })
  expect(await server.call('GET', '/v3/v3.0/users/settled', { apiKey: AUTH_KEY })).toMatchObject({ error: { code: 'AUTH_ERR_NO_ACCESS' } })
  expect(await server.call('GET', '/v3/v3.0/users/settled')).toMatchObject({ error: { code: 'AUTH_ERR_EMPTY_APIKEY' } })
})

it('names a host reached without a port as on 443, as behind a proxy that ends TLS (the SDK speaks only https and wss)', async () => {
  // server.call reaches the handler as http://userkit.test, the way a proxy would pass it on.
  expect((await server.call('GET', '/v3.0/settings')).data).toMatchObject({
    CLIENT_API_HOST: 'userkit.test',
    ADMIN_API_HOST: 'userkit.test/v3',
    CHAT_HOST: 'userkit.test',
    CHAT_WSS_PORT: '443',
  })
})
