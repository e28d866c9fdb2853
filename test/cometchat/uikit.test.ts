import { chromium, type Browser, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, chromiumPath } from '../setup/chromium.js'
import { selfSignedCertificate } from './selfSignedCertificate.js'
import { APP_ID, AUTH_KEY, FULL_KEY, startSdkServer, type SdkServer } from './sdkServer.js'
import { buildAndServeUikitPage } from './uikitPage/buildPage.js'

// CometChat's own React UI Kit (7.2.1, SDK 4.2.0), unchanged, in headless Chromium over https
// against the handler: CometChatUsers lists, pages, searches and selects, and its presence dots follow
// logins made elsewhere live, over CometChat's WebSocket.

let server: SdkServer
let pageServer: Awaited<ReturnType<typeof buildAndServeUikitPage>>
let browser: Browser
let page: Page
const refused: string[] = []
const consoleErrors: string[] = []
/** `METHOD /path?query` of every call the page made to the server. */
const calls: string[] = []
let navigations = 0

const people = [
  ...Array.from({ length: 40 }, (_, i) => ({ uid: `person${i + 1}`, name: `Person ${String(i + 1).padStart(2, '0')}` })),
  { uid: 'jose', name: 'José Müller' },
  { uid: 'wang', name: '王小明' },
  { uid: 'comer', name: 'Comer Goer' },
  { uid: 'viewer', name: 'Viewer' },
]

beforeAll(async () => {
  pageServer = await buildAndServeUikitPage()
  server = await startSdkServer({ https: selfSignedCertificate(), corsOrigin: pageServer.origin })
  for (const person of people) expect(await server.call('POST', '/v3/users', { apiKey: FULL_KEY, body: person })).toHaveProperty('data')
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, '--ignore-certificate-errors'], headless: true })
  page = await browser.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  page.on('response', (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.request().method()} ${response.url()}`)
  })
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.host === server.host) calls.push(`${request.method()} ${url.pathname}${url.search}`)
  })
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++
  })
  await page.goto(`${pageServer.origin}/?host=${server.host}&appId=${APP_ID}&authKey=${AUTH_KEY}&uid=viewer`)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await pageServer?.close()
})

const option = (name: string) => page.getByRole('option').filter({ hasText: name })
// The dot is a role="status" inside the avatar's role="img", whose children the accessibility tree hides.
const dotOf = (name: string) => option(name).locator('[role="status"]')

/** Milliseconds until `name`'s presence dot reads `status`. */
async function dotTurns(name: string, status: 'online' | 'offline', act: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await act()
  await expect.poll(() => dotOf(name).getAttribute('data-status'), { timeout: 2000, interval: 10 }).toBe(status)
  return performance.now() - start
}

describe("CometChat's UI Kit on a Userkit server", () => {
  it('lists the users a page at a time, the second page as the list scrolls', async () => {
    await option('Comer Goer').waitFor({ timeout: 20_000 })
    await expect.poll(() => option('Person 28').count()).toBe(1)
    expect(await option('Person 40').count()).toBe(0)
    expect(calls).toContain('GET /v3.0/users?per_page=30&page=1')

    await page.getByRole('listbox', { name: 'Users list' }).evaluate((list) => list.scrollTo(0, list.scrollHeight))
    await option('Person 40').waitFor({ timeout: 10_000 })
    expect(await option('王小明').count()).toBe(1)
    expect(calls).toContain('GET /v3.0/users?per_page=30&page=2')
  }, 30_000)

  it('finds a name by a word in Latin script, accent or not, and one in Chinese', async () => {
    const search = page.getByRole('searchbox', { name: 'Search' })
    await search.fill('jose')
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([expect.stringContaining('José Müller')])
    await search.fill('müller')
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([expect.stringContaining('José Müller')])
    await search.fill('王')
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([expect.stringContaining('王小明')])
    expect(calls.filter((call) => call.includes('searchKey='))).toEqual(expect.arrayContaining([expect.stringContaining('searchKey=jose')]))
    await search.fill('')
    await option('Comer Goer').waitFor({ timeout: 10_000 })
  }, 30_000)

  it("selects a user: the app's onItemClick hears its uid", async () => {
    await option('Person 03').click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { selected: string[] }).selected)).toEqual(['person3'])
  })

  it("turns another user's dot online as they log in through the REST API, and offline as they log out, each within 2 s and with no reload", async () => {
    expect(await dotOf('Comer Goer').getAttribute('data-status')).toBe('offline')
    const listCalls = calls.filter((call) => call.startsWith('GET /v3.0/users')).length
    const { data } = await server.call('POST', '/v3/users/comer/auth_tokens', { apiKey: FULL_KEY, body: {} })
    const online = await dotTurns('Comer Goer', 'online', () =>
      server.call('PUT', '/v3.0/me', { authToken: data.authToken, body: { platform: 'WEB', deviceId: 'elsewhere' } }),
    )
    const offline = await dotTurns('Comer Goer', 'offline', () => server.call('DELETE', '/v3.0/me', { authToken: data.authToken }))
    expect(online).toBeLessThan(2000)
    expect(offline).toBeLessThan(2000)
    expect(calls.filter((call) => call.startsWith('GET /v3.0/users')).length).toBe(listCalls)
    expect(navigations).toBe(1)
    console.info(`UI Kit presence dot: online ${Math.round(online)} ms after the login call began, offline ${Math.round(offline)} ms after the logout's`)
  }, 20_000)

  it('got no 4xx or 5xx answer and logged no console error on the way', () => {
    expect(refused).toEqual([])
    expect(consoleErrors).toEqual([])
    // The settings came with the login: the UI Kit's many settings reads are answered from it.
    expect(calls.filter((call) => call === 'GET /v3.0/settings')).toEqual([])
  })
})
