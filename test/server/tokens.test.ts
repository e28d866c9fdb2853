import { expect, it } from 'vitest'
import { hashAuthToken } from '../../src/server/tokens.js'

// Node's hash on the server, Web Crypto in a browser (Storybook): both must store the same digest.
it('hashes a token exactly as Web Crypto does', async () => {
  for (const token of ['', 'abc', 'uk_full_x-Y_z', 'é😀\u0000', 'x'.repeat(10_000)]) {
    const web = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
    const hex = Array.from(new Uint8Array(web), (byte) => byte.toString(16).padStart(2, '0')).join('')
    expect(await hashAuthToken(token)).toBe(hex)
  }
})
