export { UserkitProvider } from './UserkitProvider.js'
export type { UserkitProviderProps } from './UserkitProvider.js'
export { useUserkit } from './context.js'
export type { UserkitContextValue, LabelOverrides, UserkitLabels } from './context.js'
export { userKeys } from './userKeys.js'
export {
  USER_STALE_TIME,
  retryTransient,
  userQueryOptions,
  usersQueryOptions,
  infiniteUsersQueryOptions,
  blockedUsersQueryOptions,
  infiniteBlockedUsersQueryOptions,
  currentUserQueryOptions,
} from './queryOptions.js'
export { createCurrentUserStore } from './currentUserStore.js'
export type { CurrentUserState, CurrentUserStatus, CurrentUserStore, CurrentUserStoreOptions } from './currentUserStore.js'
export { useUser, useSuspenseUser } from './hooks/useUser.js'
export type { UseUserOptions } from './hooks/useUser.js'
export { useUsers, useInfiniteUsers, useBlockedUsers, useInfiniteBlockedUsers } from './hooks/useUsers.js'
export { useUpdateUser, useUpdateCurrentUser } from './hooks/useUpdateUser.js'
export type { UpdateUserVariables, UpdateCurrentUserVariables } from './hooks/useUpdateUser.js'
export { useCreateUser, useDeactivateUser, useReactivateUser, useDeleteUser } from './hooks/useUserLifecycle.js'
export type { CreateUserVariables } from './hooks/useUserLifecycle.js'
export { useBlockUsers, useUnblockUsers } from './hooks/useBlocking.js'
export { useCurrentUser } from './hooks/useCurrentUser.js'
export { useLogin, useLogout } from './hooks/useSession.js'
export type { LoginCredentials } from './hooks/useSession.js'
export { useUserEvents } from './events/useUserEvents.js'
export type { UserEventsSource } from './events/useLiveUserEvents.js'
