export { UsersTable } from './UsersTable.js'
export { UsersTableBulkActions } from './UsersTableBulkActions.js'
export type { UsersTableBulkActionsProps } from './UsersTableBulkActions.js'
export { useUsersTableBulkActions } from './useUsersTableBulkActions.js'
export type { UseUsersTableBulkActionsOptions, UseUsersTableBulkActionsResult, UsersTableTarget } from './useUsersTableBulkActions.js'
export type { UsersTableProps } from './UsersTable.js'
export { useUsersTable, usersTableColumnIds } from './useUsersTable.js'
export type {
  UseUsersTableOptions,
  UseUsersTableResult,
  UsersTableActions,
  UsersTableColumn,
  UsersTableDensity,
  UsersTableSelection,
  UsersTableSort,
  UsersTableSortKey,
  UsersTableState,
  UsersTableStatus,
} from './useUsersTable.js'
export { usersTableAnatomy } from './usersTableAnatomy.js'
export { usersTableLabels } from './usersTableLabels.js'
export type { UsersTableColumnId, UsersTableLabels } from './usersTableLabels.js'
