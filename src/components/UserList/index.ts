export { UserList } from './UserList.js'
export type { UserListProps, UserListRowState } from './UserList.js'
export { UserListItem } from './UserListItem.js'
export type { UserListItemProps } from './UserListItem.js'
export { UserListFilterBar } from './UserListFilterBar.js'
export { UserListRows } from './UserListRows.js'
export type { UserListRowsProps } from './UserListRows.js'
export type { UserListFilterBarProps, UserListRoleChoice } from './UserListFilterBar.js'
export { useUserList } from './useUserList.js'
export type {
  UseUserListOptions,
  UseUserListResult,
  UserListActions,
  UserListRow,
  UserListSelectionMode,
  UserListState,
  UserListStatus,
} from './useUserList.js'
export { userListAnatomy } from './userListAnatomy.js'
export type { UserListGetters, UserListFilterName, UserListRowsWindow } from './userListGetters.js'
export type { ActiveFilter, UserListFilters, UserSearchOptions } from '../shared/userFilters.js'
export { activeFilters } from '../shared/userFilters.js'
export { userListLabels } from './userListLabels.js'
export type { UserListLabels } from './userListLabels.js'
