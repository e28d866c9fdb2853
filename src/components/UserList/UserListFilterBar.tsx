'use client'
import type { ReactNode } from 'react'
import type { UseUserListResult } from './useUserList.js'
import { FilterChips } from '../shared/FilterChips.js'
import { RoleStatusFilters } from '../shared/RoleStatusFilters.js'
import { TagFilters } from '../shared/TagFilters.js'

/** A role the filter offers: its id, and its label on the server. */
export interface UserListRoleChoice {
  role: string
  name: string
}

export interface UserListFilterBarProps {
  list: UseUserListResult
  /** The roles offered in the role filter. */
  roles: readonly UserListRoleChoice[]
}

/** The role, status and tags filters of a `UserList`, over its hook's getters, and the chips of those in force. */
export function UserListFilterBar({ list, roles }: UserListFilterBarProps): ReactNode {
  const { labels } = list
  const roleName = (role: string): string => labels.roleName(role, roles.find((choice) => choice.role === role)?.name ?? role)
  return (
    <>
      <div data-part="filters" role="group" aria-label={labels.filters}>
        <RoleStatusFilters
          labels={labels}
          roles={roles.map(({ role }) => ({ role, name: roleName(role) }))}
          getFilterLabelProps={list.getFilterLabelProps}
          getFilterProps={list.getFilterProps}
        />
        <TagFilters
          labels={labels}
          getFilterLabelProps={list.getFilterLabelProps}
          getTagsProps={() => list.getFilterProps('tags')}
          getTagsHintProps={list.getTagsHintProps}
          getTagsMatchProps={() => list.getFilterProps('tags-match')}
        />
      </div>
      <FilterChips
        filters={list.state.filters}
        labels={labels}
        roleName={roleName}
        getChipRemoveProps={list.getChipRemoveProps}
        getClearFiltersProps={list.getClearFiltersProps}
      />
    </>
  )
}
