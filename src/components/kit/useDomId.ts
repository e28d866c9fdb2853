import { useId } from 'react'

/** `useId()` made safe for `querySelector` and `getElementById` built ids (React's has colons). */
export function useDomId(): string {
  return `uk${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
}
