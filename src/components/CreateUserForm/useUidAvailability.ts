'use client'
import { useQuery } from '@tanstack/react-query'
import * as v from 'valibot'
import { uidSchema } from '../../model/index.js'
import { useUserkit } from '../../react/context.js'
import { userQueryOptions } from '../../react/queryOptions.js'
import { useDebouncedValue } from '../shared/useDebouncedValue.js'

/**
 * `idle`: nothing to check (empty or breaking the uid rules); `checking`: waiting for the typing to
 * settle or for the server; `unknown`: the server would not say (an `authOnly` key may not read users).
 */
export type UidAvailability = 'idle' | 'checking' | 'available' | 'taken' | 'unknown'

export interface UseUidAvailabilityOptions {
  /** @default true */
  enabled?: boolean
  /** How long the uid must stay unchanged before it is checked. @default 300 */
  delayMs?: number
}

/**
 * Whether a user with this uid exists, asked through the query cache (`userKeys.detail(uid)`), so a
 * user already loaded answers at once and a found one is cached for every view.
 */
export function useUidAvailability(uid: string, { enabled = true, delayMs = 300 }: UseUidAvailabilityOptions = {}): UidAvailability {
  const { client } = useUserkit('useUidAvailability')
  const wanted = uid.trim().toLowerCase()
  const valid = wanted !== '' && v.is(uidSchema, wanted)
  const settled = useDebouncedValue(wanted, delayMs)
  const query = useQuery({
    ...userQueryOptions(client, settled),
    enabled: enabled && valid && settled === wanted,
    // A 404 is the answer, not a failure to retry; a refused read will be refused again.
    retry: false,
    refetchOnWindowFocus: false,
  })
  if (!enabled || !valid) return 'idle'
  if (settled !== wanted || query.isFetching) return 'checking'
  if (query.data) return 'taken'
  if (query.error) return query.error.code === 'ERR_UID_NOT_FOUND' ? 'available' : 'unknown'
  return 'checking'
}
