import { useContext, useMemo } from 'react'
import { UserkitContext, type UserkitLabels } from '../../react/context.js'

/**
 * A component's strings: its English `defaults`, replaced by the provider's `labels[component]`,
 * replaced in turn by the component's own `labels` prop. Works without a provider too, so the
 * presentational components (Avatar, UserCard) render anywhere.
 */
export function useLabels<K extends keyof UserkitLabels>(
  component: K,
  defaults: UserkitLabels[K],
  own?: Partial<UserkitLabels[K]>,
): UserkitLabels[K] {
  const fromProvider = useContext(UserkitContext)?.labels[component]
  return useMemo(() => ({ ...defaults, ...fromProvider, ...own }), [defaults, fromProvider, own])
}

/** The provider's locale for `Intl`, or `undefined` for the browser's. */
export function useLocale(): string | undefined {
  return useContext(UserkitContext)?.locale
}
