'use client'
import type { ReactElement, ReactNode } from 'react'
import { Virtualizer } from 'virtua'
import type { UseUserListResult, UserListRow } from './useUserList.js'
import type { UserListVirtualizerProps } from './useUserListVirtualizer.js'

export interface UserListRowsProps {
  list: UseUserListResult
  /** One option: `<div key={row.user.uid} {...list.getOptionProps(row)}>…</div>`. */
  children: (row: UserListRow) => ReactElement
}

/**
 * The listbox's rows, only those in view (and the active one): place it directly inside the
 * element with `getListboxProps`, which scrolls.
 */
export function UserListRows({ list, children }: UserListRowsProps): ReactNode {
  const props = list.getRowsProps() as unknown as UserListVirtualizerProps
  return (
    <Virtualizer {...props}>
      {(_user, index) => {
        const row = list.rowAt(index)
        return row ? children(row) : <div key={index} />
      }}
    </Virtualizer>
  )
}
