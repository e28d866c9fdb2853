import type { ReactNode } from 'react'
import { UsersTable, UsersTableBulkActions, type User, type UsersTableSort, type UsersTableSortKey } from 'userkit'
import { useUrlParam } from './useUrlParam.js'

const SORT_KEYS: readonly UsersTableSortKey[] = ['name', 'createdAt', 'updatedAt', 'lastActiveAt', 'role']

/** `name.desc` ⇄ `{ by: 'name', order: 'desc' }`; anything else is the default order. */
function parseSort(text: string | null): UsersTableSort {
  const [by, order] = (text ?? '').split('.')
  return SORT_KEYS.includes(by as UsersTableSortKey) ? { by: by as UsersTableSortKey, order: order === 'desc' ? 'desc' : 'asc' } : { by: 'name', order: 'asc' }
}

/** The admin's table, its state in the URL (search, filters, sort, page). */
export function AdminUsersTable({ roles, withDeactivated, onOpenUser }: { roles: readonly string[]; withDeactivated: boolean; onOpenUser: (user: User) => void }): ReactNode {
  const [search, setSearch] = useUrlParam('q')
  const [role, setRole] = useUrlParam('role')
  const [status, setStatus] = useUrlParam('status')
  const [tags, setTags] = useUrlParam('tags')
  const [tagsMatch, setTagsMatch] = useUrlParam('tagsMatch')
  const [sort, setSort] = useUrlParam('sort')
  const [page, setPage] = useUrlParam('page')
  return (
    <UsersTable
      roles={roles}
      search={search ?? ''}
      onSearchChange={setSearch}
      filters={{
        role: role ?? undefined,
        status: status === 'online' || status === 'offline' ? status : undefined,
        tags: tags ? tags.split(',') : undefined,
        tagsMatch: tagsMatch === 'all' ? 'all' : undefined,
      }}
      onFiltersChange={(filters) => {
        setRole(filters.role ?? null)
        setStatus(filters.status ?? null)
        setTags(filters.tags?.join(',') ?? null)
        setTagsMatch(filters.tagsMatch === 'all' ? 'all' : null)
      }}
      sort={parseSort(sort)}
      onSortChange={(next) => setSort(next.by === 'name' && next.order === 'asc' ? null : `${next.by}.${next.order}`)}
      page={Math.max(1, Number(page) || 1)}
      onPageChange={(next) => setPage(next === 1 ? null : String(next))}
      onOpenUser={onOpenUser}
      renderBulkActions={(table) => (
        <UsersTableBulkActions table={table} roles={roles} roleName={(role) => table.labels.roleName(role, role)} />
      )}
      {...(withDeactivated ? { query: { withDeactivated: true } } : {})}
    />
  )
}
