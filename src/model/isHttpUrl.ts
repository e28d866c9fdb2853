/**
 * Only http(s): a `javascript:` avatar or link must never reach an `href` or `src`.
 * A module of its own, so components that only check URLs do not pull in the schemas.
 */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const { protocol } = new URL(value)
  return protocol === 'http:' || protocol === 'https:'
}
