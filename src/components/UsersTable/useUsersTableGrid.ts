'use client'
import { useState, type KeyboardEvent } from 'react'
import { focusSoon } from '../kit/focusSoon.js'

export interface UsersTableGridKeys {
  /** Space on a body row (0-based among the page's rows); `shift` for a range. */
  onSpace(index: number, shift: boolean): void
  /** Ctrl/Cmd+A. */
  onSelectAll(): void
  /** Page Down (1) or Page Up (-1). */
  onPage(step: 1 | -1): void
}

export interface UsersTableGrid {
  /** A cell's id, its place in the tab order (one cell at a time), and what focusing it means. */
  cell(row: number, col: number): { id: string; tabIndex: number; onFocus(): void }
  onKeyDown(event: KeyboardEvent<HTMLTableElement>): void
}

/**
 * The APG grid's keyboard over `lastRow + 1` rows (row 0 the header) and `lastCol + 1` columns
 * (column 0 the checkboxes): one tab stop, arrows between cells, Home/End in the row, Ctrl+Home/End
 * in the grid. Focus moves by ids the hook owns.
 */
export function useUsersTableGrid(id: string, lastRow: number, lastCol: number, keys: UsersTableGridKeys): UsersTableGrid {
  const [active, setActive] = useState({ row: 0, col: 0 })
  const cellId = (row: number, col: number): string => `${id}-cell-${row}-${col}`
  // Fewer rows than before (a shorter page): the active cell stays inside the grid.
  const current = { row: Math.min(active.row, lastRow), col: Math.min(active.col, lastCol) }
  const moveTo = (row: number, col: number): void => {
    const next = { row: Math.min(Math.max(0, row), lastRow), col: Math.min(Math.max(0, col), lastCol) }
    setActive(next)
    focusSoon(cellId(next.row, next.col))
  }
  return {
    cell: (row, col) => ({
      id: cellId(row, col),
      tabIndex: current.row === row && current.col === col ? 0 : -1,
      onFocus: () => setActive({ row, col }),
    }),
    onKeyDown: (event) => {
      const { row, col } = current
      const ctrl = event.ctrlKey || event.metaKey
      const moves: Record<string, () => void> = {
        ArrowRight: () => moveTo(row, col + 1),
        ArrowLeft: () => moveTo(row, col - 1),
        ArrowDown: () => moveTo(row + 1, col),
        ArrowUp: () => moveTo(row - 1, col),
        Home: () => moveTo(ctrl ? 0 : row, 0),
        End: () => moveTo(ctrl ? lastRow : row, lastCol),
        PageDown: () => keys.onPage(1),
        PageUp: () => keys.onPage(-1),
      }
      const move = moves[event.key]
      if (move) {
        event.preventDefault()
        return move()
      }
      if (event.key === ' ' && row > 0 && (event.target as HTMLElement).tagName !== 'INPUT') {
        event.preventDefault()
        return keys.onSpace(row - 1, event.shiftKey)
      }
      if (ctrl && event.key.toLowerCase() === 'a') {
        event.preventDefault()
        keys.onSelectAll()
      }
    },
  }
}
