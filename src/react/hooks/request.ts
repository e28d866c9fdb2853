/**
 * The key, request and freshness of a query-options factory, without its types' `TData`: so a hook
 * may add `select` (and the rest of the app's options) with a data type of the app's.
 */
export function request<TOptions extends { queryKey: unknown; queryFn?: unknown; staleTime?: unknown }>({
  queryKey,
  queryFn,
  staleTime,
}: TOptions): Pick<TOptions, 'queryKey' | 'queryFn' | 'staleTime'> {
  return { queryKey, queryFn, staleTime }
}
