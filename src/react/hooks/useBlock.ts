import type { UseMutationResult } from '@tanstack/react-query'
import type { Outcomes } from '../../client/index.js'
import type { UserkitError } from '../../model/index.js'
import type { UserkitMutationOptions } from './mutationOptions.js'
import { useBlockChange, type BlockChangeContext } from './useBlockChange.js'

/**
 * Blocks users for the logged-in user; resolves each uid's outcome. Optimistic: every loaded copy
 * of them shows `blockedByMe` at once, and goes back for any uid the server refuses.
 *
 * @example useBlock().mutate(['grace'])
 */
export function useBlock(options?: UserkitMutationOptions<Outcomes, string[], BlockChangeContext>): UseMutationResult<Outcomes, UserkitError, string[], BlockChangeContext> {
  return useBlockChange('useBlock', true, options)
}
