/** Whether this is a development build. Bundlers replace `process.env.NODE_ENV`; without one, no. */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return false
  }
}

const warned = new Set<string>()

/** A development-only console warning, once per message. */
export function warnOnce(message: string): void {
  if (!isDevelopment() || warned.has(message)) return
  warned.add(message)
  console.warn(`userkit: ${message}`)
}

export const inBrowser = (): boolean => typeof window !== 'undefined' && typeof document !== 'undefined'
