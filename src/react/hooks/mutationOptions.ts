import type { UseMutationOptions } from '@tanstack/react-query'
import type { UserkitError } from '../../model/index.js'

/**
 * What a mutation hook takes from the app: TanStack's options (`onSuccess`, `onError`,
 * `onSettled`, `throwOnError`, `retry`, `meta`…) but the request itself, and `onMutate`, which the
 * optimistic hooks keep for their own.
 */
export type UserkitMutationOptions<TData, TVariables, TContext = unknown> = Omit<
  UseMutationOptions<TData, UserkitError, TVariables, TContext>,
  'mutationFn' | 'onMutate'
>

type Callback = ((...args: never[]) => unknown) | undefined

// Ours first (the cache is right before the app's callback reads it), then the app's.
function both<T extends Callback>(ours: T, theirs: T): T {
  if (!ours || !theirs) return (ours ?? theirs) as T
  return (async (...args: never[]) => {
    await ours(...args)
    return theirs(...args)
  }) as unknown as T
}

/** A hook's own mutation options with the app's over them; the callbacks both run. */
export function composeMutationOptions<TData, TVariables, TContext>(
  ours: UseMutationOptions<TData, UserkitError, TVariables, TContext>,
  theirs: UserkitMutationOptions<TData, TVariables, TContext> = {},
): UseMutationOptions<TData, UserkitError, TVariables, TContext> {
  return {
    ...theirs,
    ...ours,
    onSuccess: both(ours.onSuccess, theirs.onSuccess),
    onError: both(ours.onError, theirs.onError),
    onSettled: both(ours.onSettled, theirs.onSettled),
  }
}
