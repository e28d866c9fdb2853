export { UserkitProvider } from './UserkitProvider.js'
export type { UserkitProviderProps } from './UserkitProvider.js'
export { useUserkit } from './context.js'
export type { UserkitContextValue, LabelOverrides, UserkitLabels, UserkitSession } from './context.js'
export { userKeys } from './userKeys.js'
export {
  USER_STALE_TIME,
  retryTransient,
  RETRY_DELAY_MS,
  userQueryOptions,
  usersQueryOptions,
  infiniteUsersQueryOptions,
  blockedUsersQueryOptions,
  infiniteBlockedUsersQueryOptions,
  currentUserQueryOptions,
  rolesQueryOptions,
} from './queryOptions.js'
export { createCurrentUserStore } from './currentUserStore.js'
export type { CurrentUserState, CurrentUserStatus, CurrentUserStore, CurrentUserStoreOptions } from './currentUserStore.js'
export type { UserkitMutationOptions } from './hooks/mutationOptions.js'
export { useUser } from './hooks/useUser.js'
export type { UseUserOptions } from './hooks/useUser.js'
export { useSuspenseUser } from './hooks/useSuspenseUser.js'
export type { UseSuspenseUserOptions } from './hooks/useSuspenseUser.js'
export { useRoles } from './hooks/useRoles.js'
export type { UseRolesOptions } from './hooks/useRoles.js'
export { useUsers } from './hooks/useUsers.js'
export type { UseUsersOptions } from './hooks/useUsers.js'
export { useInfiniteUsers } from './hooks/useInfiniteUsers.js'
export type { UseInfiniteUsersOptions } from './hooks/useInfiniteUsers.js'
export { useBlockedUsers } from './hooks/useBlockedUsers.js'
export type { UseBlockedUsersOptions } from './hooks/useBlockedUsers.js'
export { useInfiniteBlockedUsers } from './hooks/useInfiniteBlockedUsers.js'
export type { UseInfiniteBlockedUsersOptions } from './hooks/useInfiniteBlockedUsers.js'
export { useUpdateUser } from './hooks/useUpdateUser.js'
export type { UpdateUserVariables } from './hooks/useUpdateUser.js'
export { useUpdateCurrentUser } from './hooks/useUpdateCurrentUser.js'
export type { UpdateCurrentUserVariables } from './hooks/useUpdateCurrentUser.js'
export { useUploadAvatar } from './hooks/useUploadAvatar.js'
export type { UploadAvatarVariables, UseUploadAvatarResult } from './hooks/useUploadAvatar.js'
export { useCreateUser } from './hooks/useCreateUser.js'
export type { CreateUserVariables } from './hooks/useCreateUser.js'
export { useDeactivateUser } from './hooks/useDeactivateUser.js'
export { useReactivateUser } from './hooks/useReactivateUser.js'
export { useDeleteUser } from './hooks/useDeleteUser.js'
export type { UserVariables } from './hooks/useRemoval.js'
export { useBlock } from './hooks/useBlock.js'
export { useUnblock } from './hooks/useUnblock.js'
export type { BlockChangeContext } from './hooks/useBlockChange.js'
export { useCurrentUser } from './hooks/useCurrentUser.js'
export { useSignedIn } from './hooks/useSignedIn.js'
export { useBulkUsers, type UseBulkUsersResult } from './hooks/useBulkUsers.js'
export { useImportUsers } from './hooks/useImportUsers.js'
export type { ImportUsersVariables } from './hooks/useImportUsers.js'
export { useLogin } from './hooks/useLogin.js'
export type { LoginCredentials } from './hooks/useLogin.js'
export { useLogout } from './hooks/useLogout.js'
export { useUserEvents } from './events/useUserEvents.js'
export type { UserEventsSource } from './events/useLiveUserEvents.js'
