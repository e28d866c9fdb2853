'use client'
import type { LabelHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react'
import type { UserFilterLabels } from './userFilterLabels.js'

export interface RoleStatusFiltersProps {
  labels: Pick<UserFilterLabels, 'role' | 'anyRole' | 'status' | 'anyStatus' | 'online' | 'offline'>
  /** The roles offered, each with the name people read. */
  roles: readonly { role: string; name: string }[]
  getFilterLabelProps(name: 'role' | 'status'): LabelHTMLAttributes<HTMLLabelElement>
  getFilterProps(name: 'role' | 'status'): SelectHTMLAttributes<HTMLSelectElement>
}

/** The role and status filters every list of users offers (UserList, UsersTable), over its getters. */
export function RoleStatusFilters({ labels, roles, getFilterLabelProps, getFilterProps }: RoleStatusFiltersProps): ReactNode {
  return (
    <>
      <div data-part="field">
        <label {...getFilterLabelProps('role')}>{labels.role}</label>
        <select {...getFilterProps('role')}>
          <option value="">{labels.anyRole}</option>
          {roles.map(({ role, name }) => (
            <option key={role} value={role}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div data-part="field">
        <label {...getFilterLabelProps('status')}>{labels.status}</label>
        <select {...getFilterProps('status')}>
          <option value="">{labels.anyStatus}</option>
          <option value="online">{labels.online}</option>
          <option value="offline">{labels.offline}</option>
        </select>
      </div>
    </>
  )
}
