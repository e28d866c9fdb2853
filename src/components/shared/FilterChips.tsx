'use client'
import type { ButtonHTMLAttributes, ReactNode } from 'react'
import type { UserFilterLabels } from './userFilterLabels.js'
import { activeFilters, type ActiveFilter, type UserListFilters } from './userFilters.js'

export interface FilterChipsProps {
  filters: UserListFilters
  labels: Pick<UserFilterLabels, 'activeFilters' | 'filterChip' | 'clearFilters' | 'online' | 'offline'>
  /** A role as the chip shows it. */
  roleName(role: string): string
  getChipRemoveProps(chip: ActiveFilter, text: string): ButtonHTMLAttributes<HTMLButtonElement>
  getClearFiltersProps(): ButtonHTMLAttributes<HTMLButtonElement>
}

/** The filters in force, a removable chip each, and Clear all; nothing when none is. */
export function FilterChips({ filters, labels, roleName, getChipRemoveProps, getClearFiltersProps }: FilterChipsProps): ReactNode {
  const chips = activeFilters(filters)
  if (chips.length === 0) return null
  return (
    <div data-part="chips">
      <ul aria-label={labels.activeFilters}>
        {chips.map((chip) => {
          const shown = chip.kind === 'role' ? roleName(chip.value) : chip.kind === 'status' ? labels[chip.value] : chip.value
          const text = labels.filterChip(chip.kind, shown)
          return (
            <li key={`${chip.kind}:${chip.value}`} data-part="chip">
              {text}
              <button {...getChipRemoveProps(chip, text)}>×</button>
            </li>
          )
        })}
      </ul>
      <button {...getClearFiltersProps()}>{labels.clearFilters}</button>
    </div>
  )
}
