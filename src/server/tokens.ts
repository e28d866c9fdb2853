const encoder = new TextEncoder()

/** A new auth token: 192 random bits, URL-safe. */
export function generateAuthToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

type NodeCrypto = { createHash(algorithm: 'sha256'): { update(text: string): { digest(encoding: 'hex'): string } } }

// Node's own hash runs in ~1.5 µs where Web Crypto's promise costs 35–100 µs on every request with
// a token. Reached without an import: the handler also runs in browsers (Storybook), which lack it.
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as
  | NodeCrypto
  | undefined

/** SHA-256 of a token, hex: the only form in which a token is stored. */
export async function hashAuthToken(token: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(token).digest('hex')
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(token))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
