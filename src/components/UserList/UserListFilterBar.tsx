'use client'
import type { ReactNode } from 'react'
import type { UseUserListResult } from './useUserList.js'
import { RoleStatusFilters } from '../shared/RoleStatusFilters.js'
import { activeFilters } from '../shared/userFilters.js'

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
  const chips = activeFilters(list.state.filters)
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
        <div data-part="field">
          <label {...list.getFilterLabelProps('tags')}>{labels.tags}</label>
          <input {...list.getFilterProps('tags')} />
          <span {...list.getTagsHintProps()}>{labels.tagsHint}</span>
        </div>
        <div data-part="field">
          <label {...list.getFilterLabelProps('tags-match')}>{labels.tagsMatch}</label>
          <select {...list.getFilterProps('tags-match')}>
            <option value="any">{labels.tagsMatchAny}</option>
            <option value="all">{labels.tagsMatchAll}</option>
          </select>
        </div>
      </div>
      {chips.length > 0 ? (
        <div data-part="chips">
          <ul aria-label={labels.activeFilters}>
            {chips.map((chip) => {
              const shown = chip.kind === 'role' ? roleName(chip.value) : chip.kind === 'status' ? labels[chip.value] : chip.value
              const text = labels.filterChip(chip.kind, shown)
              return (
                <li key={`${chip.kind}:${chip.value}`} data-part="chip">
                  {text}
                  <button {...list.getChipRemoveProps(chip, text)}>×</button>
                </li>
              )
            })}
          </ul>
          <button {...list.getClearFiltersProps()}>{labels.clearFilters}</button>
        </div>
      ) : null}
    </>
  )
}
