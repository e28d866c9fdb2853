import type { UseMutationResult } from '@tanstack/react-query'
import type { Outcomes } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import type { UserkitMutationOptions } from './mutationOptions.js'
import { useBlockChange, type BlockChangeContext } from './useBlockChange.js'

/**
 * Unblocks users for the logged-in user; resolves each uid's outcome. Optimistic: they leave the
 * loaded blocked lists and lose `blockedByMe` at once, and come back for any uid the server refuses.
 */
export function useUnblock(options?: UserkitMutationOptions<Outcomes, string[], BlockChangeContext>): UseMutationResult<Outcomes, UserkitError, string[], BlockChangeContext> {
  return useBlockChange('useUnblock', false, options)
}
