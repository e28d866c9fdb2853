// Debian's Chromium (apt-get install chromium): Playwright may not download a browser of its own here.
// One place for how every test (Vitest's browser mode, Playwright in the e2e and SDK tests) starts it.
export const chromiumPath: string = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
