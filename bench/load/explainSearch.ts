import type { Backend } from './backend.js'
import { searchPage } from './searchLatency.js'

export interface PlanNode {
  'Node Type': string
  'Index Name'?: string
  Plans?: PlanNode[]
}

/** A plan as its node types and indexes, children after an arrow. */
export function describePlan(node: PlanNode): string {
  const self = node['Index Name'] ? `${node['Node Type']} [${node['Index Name']}]` : node['Node Type']
  const children = node.Plans ?? []
  if (children.length === 0) return self
  if (children.length === 1) return `${self} → ${describePlan(children[0] as PlanNode)}`
  return `${self} (${children.map(describePlan).join(' | ')})`
}

/**
 * The plans PostgreSQL picks for the store's search queries with this key (the page, then the
 * total), node types and indexes only.
 */
export async function explainSearch(backend: Backend, key: string): Promise<string> {
  const calls = await backend.capture(() => backend.store.listUsers(searchPage(key)))
  if (calls.length === 0) throw new Error('the store sent no query for a search page')
  const plans: string[] = []
  for (const call of calls) {
    const params = [...call.params]
    const { rows } = await backend.driver.query<Record<string, unknown>>(`EXPLAIN (FORMAT JSON) ${call.sql}`, params)
    const raw = Object.values(rows[0] ?? {})[0]
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }]
    plans.push(describePlan(plan[0].Plan))
  }
  return plans.join('  ;  ')
}
