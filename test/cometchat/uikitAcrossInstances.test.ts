import { chromium, type Browser, type Page } from 'playwright'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUserHandler, postgresEventBus, postgresStore, serve } from '../../src/server/index.js'
import { chromiumArgs, chromiumPath } from '../setup/chromium.js'
import { createTestDatabase } from '../setup/postgresDatabase.js'
import { selfSignedCertificate } from './selfSignedCertificate.js'
import { buildAndServeUikitPage } from './uikitPage/buildPage.js'

// The UI Kit's page on one instance, the login on another, one PostgreSQL between them: the
// presence dot follows through LISTEN/NOTIFY, with no reload.

const APP_ID = 'userkit-uikit-across'
const FULL_KEY = 'uikit-across-full-key'
const AUTH_KEY = 'uikit-across-auth-key'
const teardown: Array<() => Promise<void>> = []
let browser: Browser
let page: Page
let elsewhere: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<any>
const consoleErrors: string[] = []

beforeAll(async () => {
  const pageServer = await buildAndServeUikitPage()
  teardown.push(() => pageServer.close())
  const database = await createTestDatabase()
  teardown.push(() => database.drop())
  const https = selfSignedCertificate()
  const hosts: string[] = []
  for (let i = 0; i < 2; i++) {
    const store = postgresStore({ connectionString: database.url })
    const bus = postgresEventBus({ connectionString: database.url })
    const handler = createUserHandler({
      store,
      keys: [
        { key: FULL_KEY, scope: 'fullAccess' },
        { key: AUTH_KEY, scope: 'authOnly' },
      ],
      events: { bus },
      rateLimit: false,
      cors: { origin: pageServer.origin },
    })
    const running = await serve({ handler, port: 0, https })
    teardown.push(async () => {
      await running.close()
      await bus.close()
      await store.close()
    })
    hosts.push(new URL(running.url).host)
    // Left as the second instance's: the page talks to the first.
    elsewhere = async (method, path, body, headers = { apikey: FULL_KEY }) =>
      (await handler(new Request(`http://userkit.test${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) }))).json()
  }
  for (const [uid, name] of [['viewer', 'Viewer'], ['comer', 'Comer Goer']]) expect(await elsewhere('POST', '/v3/users', { uid, name })).toHaveProperty('data')
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, '--ignore-certificate-errors'], headless: true })
  page = await browser.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  await page.goto(`${pageServer.origin}/?host=${hosts[0]}&appId=${APP_ID}&authKey=${AUTH_KEY}&uid=viewer`)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  for (const step of teardown.reverse()) await step()
})

it("turns a user's dot online and offline within 2 s for a login and a logout made through the other instance", async () => {
  const dot = page.getByRole('option').filter({ hasText: 'Comer Goer' }).locator('[role="status"]')
  await expect.poll(() => dot.getAttribute('data-status'), { timeout: 20_000 }).toBe('offline')
  const { data } = await elsewhere('POST', '/v3/users/comer/auth_tokens')
  let start = performance.now()
  await elsewhere('PUT', '/v3.0/me', { platform: 'WEB', deviceId: 'elsewhere' }, { authtoken: data.authToken })
  await expect.poll(() => dot.getAttribute('data-status'), { timeout: 2000, interval: 10 }).toBe('online')
  const online = performance.now() - start
  start = performance.now()
  await elsewhere('DELETE', '/v3.0/me', undefined, { authtoken: data.authToken })
  await expect.poll(() => dot.getAttribute('data-status'), { timeout: 2000, interval: 10 }).toBe('offline')
  console.info(`UI Kit dot across two instances on PostgreSQL: online ${Math.round(online)} ms, offline ${Math.round(performance.now() - start)} ms`)
  expect(consoleErrors).toEqual([])
}, 30_000)
